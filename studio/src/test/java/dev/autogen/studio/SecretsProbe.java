package dev.autogen.studio;

import dev.autogen.studio.db.Database;
import dev.autogen.studio.db.SecretBox;
import dev.autogen.studio.db.StudioStore;
import java.nio.file.Path;
import java.util.Map;

/** Reads a running Studio's settings in clear through a second connection, as runs do. */
final class SecretsProbe implements AutoCloseable {
    private final Database database;
    private final SettingsService settings;

    SecretsProbe(TestStudio studio, Path appDir) {
        this.database = Database.open(studio.config.effectiveDatabaseUri());
        this.settings = new SettingsService(new StudioStore(database).settings, SecretBox.open(appDir.resolve("studio.key")));
    }

    /** The settings row as the database holds it. */
    String storedSettings(String userId) {
        return settings.stored(userId).toString();
    }

    Map<String, String> environment(String userId) {
        return settings.environment(userId);
    }

    @Override
    public void close() {
        database.close();
    }
}
