package dev.autogen.studio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.ext.checkpoint.jdbc.JdbcCheckpointStore;
import dev.autogen.studio.db.Database;
import dev.autogen.studio.db.SecretBox;
import dev.autogen.studio.db.StudioStore;
import dev.autogen.studio.mcp.McpSessions;
import dev.autogen.studio.mcp.McpSocket;
import dev.autogen.studio.runs.RunServices;
import dev.autogen.studio.runs.RunSocket;
import dev.autogen.studio.web.AccessGuard;
import dev.autogen.studio.web.AuthRoutes;
import dev.autogen.studio.web.Api;
import dev.autogen.studio.web.ErrorHandlers;
import dev.autogen.studio.web.GalleryRoutes;
import dev.autogen.studio.web.HttpError;
import dev.autogen.studio.web.McpRoutes;
import dev.autogen.studio.web.Pages;
import dev.autogen.studio.web.RunRoutes;
import dev.autogen.studio.web.SessionRoutes;
import dev.autogen.studio.web.SettingsRoutes;
import dev.autogen.studio.web.TeamRoutes;
import dev.autogen.studio.web.ValidateRoutes;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AutoGen Studio's server: the REST API and run WebSocket of Python's Studio on Javalin (virtual
 * threads), over the Studio database, with the team state of every run saved after each turn; its
 * web pages (Team Builder, Playground, Gallery, Deploy, Settings) at {@code /}.
 *
 * <!-- java-context: import java.nio.file.Path; -->
 * <pre>{@code
 * try (StudioServer studio = StudioServer.start(StudioConfig.defaults(Path.of("studio-data")).withPort(0))) {
 *     System.out.println(studio.url());       // http://127.0.0.1:PORT
 *     studio.awaitClose();
 * }
 * }</pre>
 */
public final class StudioServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StudioServer.class);
    /** Python Studio's own version, which its UI shows. */
    public static final String VERSION = "0.4.3";

    private final StudioConfig config;
    private final Database database;
    private final JdbcCheckpointStore checkpoints;
    private final RunSocket runSocket;
    private final McpSocket mcpSocket;
    private final Javalin app;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object closeSignal = new Object();

    private StudioServer(StudioConfig config, Database database, JdbcCheckpointStore checkpoints, RunSocket runSocket,
            McpSocket mcpSocket, Javalin app) {
        this.config = config;
        this.database = database;
        this.checkpoints = checkpoints;
        this.runSocket = runSocket;
        this.mcpSocket = mcpSocket;
        this.app = app;
    }

    /**
     * Opens the database (creating the app dir and the schema), then listens.
     *
     * @throws IllegalArgumentException if the database cannot be opened or the address is not allowed
     * @throws IllegalStateException if the port cannot be bound
     */
    public static StudioServer start(StudioConfig config) {
        try {
            Files.createDirectories(config.appDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Studio's folder " + config.appDir() + ": " + e.getMessage(), e);
        }
        String uri = config.effectiveDatabaseUri();
        // The checkpoint store first: its migration baselines on a schema that is not empty.
        JdbcCheckpointStore checkpoints = JdbcCheckpointStore.open(uri);
        Database database;
        try {
            database = Database.open(uri);
        } catch (RuntimeException e) {
            checkpoints.close();
            throw e;
        }
        try {
            var store = new StudioStore(database);
            var settings = new SettingsService(store.settings, SecretBox.open(config.appDir().resolve("studio.key")));
            var guard = AccessGuard.withPublicPages(config.authToken());
            var runSocket = new RunSocket(new RunServices(store, settings, checkpoints, config.inputTimeout()),
                    guard::authorized);
            var mcpSessions = new McpSessions(java.time.Clock.systemUTC());
            var mcpSocket = new McpSocket(mcpSessions, settings, guard::authorized);
            Javalin app = Javalin.create(javalin -> {
                javalin.useVirtualThreads = true;
                javalin.showJavalinBanner = false;
                javalin.startupWatcherEnabled = false;
                javalin.http.maxRequestSize = config.maxBodyBytes();
                javalin.router.ignoreTrailingSlashes = true;
                Pages.configure(javalin);
                javalin.jetty.modifyWebSocketServletFactory(factory -> {
                    factory.setMaxTextMessageSize(config.maxFrameBytes());
                    factory.setIdleTimeout(Duration.ofHours(1));
                });
            });
            routes(app, config, store, settings, guard, runSocket);
            app.wsBeforeUpgrade("/api/mcp/ws/{session_id}", guard::check);
            new McpRoutes(mcpSessions, mcpSocket).register(app);
            app.ws("/api/mcp/ws/{session_id}", mcpSocket::configure);
            app.start(config.host(), config.port());
            guard.origins(AccessGuard.ownOrigins(config.host(), app.port()));
            var server = new StudioServer(config, database, checkpoints, runSocket, mcpSocket, app);
            LOG.info("AutoGen Studio listening on {} (database {})", server.url(), Database.redact(uri));
            return server;
        } catch (RuntimeException e) {
            database.close();
            checkpoints.close();
            throw e;
        }
    }

    private static void routes(Javalin app, StudioConfig config, StudioStore store, SettingsService settings,
            AccessGuard guard, RunSocket runSocket) {
        app.before(ctx -> {
            guard.check(ctx);
            String length = ctx.header("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > config.maxBodyBytes()) {
                throw HttpError.of(413, "Request body too large: " + length + " bytes; the limit is "
                        + config.maxBodyBytes() + " bytes");
            }
        });
        // Refusals before the WebSocket upgrade answer with HTTP 403, as Python Studio's do.
        io.javalin.http.Handler refuse = ctx -> {
            guard.check(ctx);
            runSocket.refusal(ctx.pathParam("run_id")).ifPresent(refusal -> {
                throw HttpError.of(403, refusal);
            });
        };
        app.wsBeforeUpgrade("/api/ws/runs/{run_id}", refuse);
        app.before("/api/ws/runs/{run_id}", refuse);
        app.get("/api/health", ctx -> Api.json(ctx, Api.object().put("status", true).put("message", "Service is healthy")));
        app.get("/api/version", ctx -> {
            ObjectNode data = Api.object().put("version", VERSION);
            Api.json(ctx, Api.ok(data, "Version retrieved successfully"));
        });
        new TeamRoutes(store).register(app);
        new dev.autogen.studio.web.ExportRoutes(store).register(app);
        new SessionRoutes(store).register(app);
        new RunRoutes(store).register(app);
        new ValidateRoutes().register(app);
        new GalleryRoutes(store.gallery).register(app);
        new SettingsRoutes(settings).register(app);
        new AuthRoutes(config.authToken() != null).register(app);
        app.ws("/api/ws/runs/{run_id}", runSocket::configure);

        ErrorHandlers.install(app, config.maxBodyBytes());
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** {@code http://HOST:PORT}. */
    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port();
    }

    /** How many runs have a WebSocket open. */
    public int liveRuns() {
        return runSocket.liveRuns();
    }

    /** How many MCP playground sockets have an MCP session open. */
    public int mcpSessions() {
        return mcpSocket.openSessions();
    }

    /** Blocks until {@link #close()}. */
    public void awaitClose() throws InterruptedException {
        synchronized (closeSignal) {
            while (!closed.get()) {
                closeSignal.wait();
            }
        }
    }

    /**
     * Stops: runs in progress are cancelled and stay {@code active} (their completed turns are saved,
     * so they can be resumed after a restart), then the server and the database close.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        runSocket.shutdown(Duration.ofSeconds(10));
        mcpSocket.shutdown();
        app.stop();
        database.close();
        checkpoints.close();
        synchronized (closeSignal) {
            closeSignal.notifyAll();
        }
        LOG.info("AutoGen Studio stopped");
    }
}
