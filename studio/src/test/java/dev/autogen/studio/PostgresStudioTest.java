package dev.autogen.studio;

import dev.autogen.ext.checkpoint.jdbc.PostgresServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The same REST, load and restart tests on a real PostgreSQL server (Debian's, started on loopback by
 * {@link PostgresServer}; skipped when it is not installed, unless AUTOGEN_TESTS_STRICT=1).
 */
class PostgresStudioTest {
    private static PostgresServer postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    static StudioConfig on(StudioConfig config) throws Exception {
        return config.withDatabaseUri(postgres.createDatabase("studio" + DATABASES.incrementAndGet()));
    }

    @Nested
    class RestApi extends RestApiTest {
        @Override
        StudioConfig config() throws Exception {
            return on(super.config());
        }
    }

    @Nested
    class Load extends StudioLoadTest {
        @Override
        StudioConfig config() throws Exception {
            return on(super.config());
        }
    }

    @Nested
    class Restart extends RestartTest {
        @Override
        StudioConfig config() throws Exception {
            StudioConfig config = super.config();
            return config.databaseUri() != null ? config : on(config);
        }
    }
}
