package dev.autogen.studio.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.studio.StudioConfig;
import dev.autogen.studio.runs.Errors;
import dev.autogen.studio.runs.Frames;
import dev.autogen.studio.runs.TeamFactory;
import dev.autogen.studio.web.AccessGuard;
import dev.autogen.studio.web.Api;
import dev.autogen.studio.web.ErrorHandlers;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deployment: one team as an HTTP endpoint, as Python's {@code autogenstudio serve}.
 * {@code GET /predict/{task}} runs the team on the task and answers
 * {@code {"message": "Task successfully completed", "status": true, "data": teamResult}} (a failure is
 * {@code status: false} with the reason as {@code message}); {@code GET /predict/{task}/stream} sends
 * each message as a server-sent event {@code message} as it happens, then {@code result} (or
 * {@code error}). Each request runs a fresh copy of the team, so requests run side by side.
 */
public final class TeamEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TeamEndpoint.class);
    /** A served team has no browser to ask: a UserProxyAgent in it fails its turn with this. */
    private static final InputFunction NOBODY = (prompt, token) -> {
        throw new IllegalStateException("this endpoint has no person to answer a UserProxyAgent");
    };

    /**
     * How an endpoint runs.
     *
     * @param host the address to bind; loopback unless a token is set
     * @param port the port; 0 picks a free one
     * @param teamFile the team's component config (JSON)
     * @param authToken the token requests must carry ({@code Authorization: Bearer}), or null
     * @param allowCodeExecution whether components of the team may run code or start programs
     */
    public record Config(String host, int port, Path teamFile, @Nullable String authToken, boolean allowCodeExecution) {
        /**
         * Checks the settings.
         *
         * @throws IllegalArgumentException for a non-loopback address without a token
         */
        public Config {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(teamFile, "teamFile");
            if (authToken != null && authToken.isBlank()) {
                authToken = null;
            }
            if (authToken == null && !StudioConfig.isLoopback(host)) {
                throw new IllegalArgumentException("binding " + host + " makes the endpoint reachable from other machines;"
                        + " give an auth token (--auth-token) that every request must carry, or bind 127.0.0.1");
            }
        }
    }

    private final Javalin app;
    private final String host;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object closeSignal = new Object();

    private TeamEndpoint(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /**
     * Reads and checks the team (it is loaded once), then listens.
     *
     * @throws IllegalArgumentException if the file cannot be read or is not a team that loads here
     */
    public static TeamEndpoint start(Config config) {
        JsonNode team = read(config.teamFile());
        try (Team ignored = TeamFactory.load(team, config.allowCodeExecution(), NOBODY).team()) {
            LOG.debug("team {} loads", config.teamFile());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("team file " + config.teamFile() + " cannot be served: " + Errors.describe(e), e);
        } catch (Exception e) {
            LOG.debug("closing the checked team", e);
        }
        var guard = new AccessGuard(config.authToken());
        Javalin app = Javalin.create(javalin -> {
            javalin.useVirtualThreads = true;
            javalin.showJavalinBanner = false;
            javalin.startupWatcherEnabled = false;
            javalin.http.maxRequestSize = 1 << 20;
        });
        app.before(guard::check);
        app.get("/api/health", ctx -> Api.json(ctx, Api.object().put("status", true).put("message", "Service is healthy")));
        app.get("/predict/{task}", ctx -> predict(ctx, team, config.allowCodeExecution()));
        app.sse("/predict/{task}/stream", client -> stream(client, team, config.allowCodeExecution()));
        ErrorHandlers.install(app, 1 << 20);
        app.start(config.host(), config.port());
        guard.origins(AccessGuard.ownOrigins(config.host(), app.port()));
        LOG.info("team {} served on port {}", config.teamFile(), app.port());
        return new TeamEndpoint(app, config.host());
    }

    private static JsonNode read(Path file) {
        try {
            if (Files.size(file) > 16L << 20) {
                throw new IllegalArgumentException("team file " + file + " is larger than 16 MiB");
            }
            return AutogenJson.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("team file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void predict(Context ctx, JsonNode config, boolean allowCode) {
        String task = ctx.pathParam("task");
        Instant began = Instant.now();
        ObjectNode response = Api.object();
        try (Team team = TeamFactory.load(config, allowCode, NOBODY).team()) {
            TaskResult result = team.run(RunOptions.task(task));
            response.put("message", "Task successfully completed").put("status", true);
            response.set("data", Frames.teamResult(result, Duration.between(began, Instant.now())));
        } catch (Exception e) {
            LOG.debug("predict failed", e);
            response.put("message", Errors.describe(e)).put("status", false);
            response.putNull("data");
        }
        Api.json(ctx, response);
    }

    private static void stream(SseClient client, JsonNode config, boolean allowCode) {
        String task = client.ctx().pathParam("task");
        Instant began = Instant.now();
        var token = new CancellationToken();
        client.onClose(token::cancel);
        try (Team team = TeamFactory.load(config, allowCode, NOBODY).team();
                MessageStream<TaskResult> stream = team.runStream(RunOptions.task(task).withCancellationToken(token))) {
            for (BaseMessage message : stream) {
                client.sendEvent("message", Frames.dump(message).toString());
            }
            client.sendEvent("result", Frames.teamResult(stream.result(), Duration.between(began, Instant.now())).toString());
        } catch (Exception e) {
            LOG.debug("streamed predict failed", e);
            client.sendEvent("error", Api.object().put("error", Errors.describe(e)).toString());
        } finally {
            client.close();
        }
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** {@code http://HOST:PORT}. */
    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** Blocks until {@link #close()}. */
    public void awaitClose() throws InterruptedException {
        synchronized (closeSignal) {
            while (!closed.get()) {
                closeSignal.wait();
            }
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            app.stop();
            synchronized (closeSignal) {
                closeSignal.notifyAll();
            }
        }
    }
}
