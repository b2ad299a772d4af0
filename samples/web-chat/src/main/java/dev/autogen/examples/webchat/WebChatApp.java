package dev.autogen.examples.webchat;

import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.examples.agentchat.ExampleModels;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Python AutoGen's FastAPI sample on Javalin: the agent chat page at {@code /} ({@code POST /chat},
 * {@code GET /history}) and the team chat page at {@code /team} ({@code /ws/chat}, {@code GET
 * /team/history}). State and history live as JSON files in one folder. Binds to loopback unless told
 * otherwise; pages from other origins may neither post to it nor open its socket.
 *
 * <pre>{@code
 * try (WebChatApp app = WebChatApp.start(new WebChatApp.Config("127.0.0.1", 8001, Path.of("chat-state"),
 *         () -> model))) {
 *     System.out.println("Open " + app.url());
 * }
 * }</pre>
 */
public final class WebChatApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebChatApp.class);
    private static final long MAX_BODY_BYTES = 64 * 1024;

    private final Javalin server;
    private final String host;

    /**
     * Where the app listens and keeps its files, and where it gets a model client, asked once per
     * request or team round.
     *
     * @param port 0 for any free port
     */
    public record Config(String host, int port, Path stateDir, Supplier<ChatCompletionClient> models) {
        public Config {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(stateDir, "stateDir");
            Objects.requireNonNull(models, "models");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
        }
    }

    private WebChatApp(Javalin server, String host) {
        this.server = server;
        this.host = host;
    }

    /**
     * Starts the app.
     *
     * @throws UncheckedIOException if the state folder cannot be created
     */
    public static WebChatApp start(Config config) {
        try {
            Files.createDirectories(config.stateDir());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the state folder " + config.stateDir(), e);
        }
        AgentChat agent = new AgentChat(config.stateDir(), config.models());
        TeamChat team = new TeamChat(config.stateDir(), config.models());
        Javalin app = Javalin.create(javalin -> {
            javalin.useVirtualThreads = true;
            javalin.showJavalinBanner = false;
            javalin.startupWatcherEnabled = false;
            javalin.http.maxRequestSize = MAX_BODY_BYTES;
            javalin.jetty.modifyWebSocketServletFactory(factory -> {
                factory.setMaxTextMessageSize(MAX_BODY_BYTES);
                factory.setIdleTimeout(Duration.ofHours(1));
            });
        });
        app.get("/", ctx -> resource(ctx, "agent.html", "text/html"));
        app.get("/team", ctx -> resource(ctx, "team.html", "text/html"));
        app.get("/chat.css", ctx -> resource(ctx, "chat.css", "text/css"));
        app.get("/chat.js", ctx -> resource(ctx, "chat.js", "text/javascript"));
        app.get("/history", ctx -> json(ctx, agent.history()));
        app.get("/team/history", ctx -> json(ctx, team.history()));
        app.post("/chat", ctx -> {
            sameOrigin(ctx);
            String type = ctx.contentType();
            if (type == null || !type.startsWith("application/json")) {
                ctx.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
                json(ctx, error("send the message as application/json, like {\"content\": \"Hello\", \"source\": \"user\"}"));
                return;
            }
            TextMessage request;
            try {
                request = JsonFiles.textMessage(ctx.body());
            } catch (IllegalArgumentException e) {
                ctx.status(HttpStatus.BAD_REQUEST);
                json(ctx, error(e.getMessage()));
                return;
            }
            try {
                json(ctx, agent.chat(request));
            } catch (Exception e) {
                LOG.warn("Agent chat failed", e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
                json(ctx, error(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
        app.wsBeforeUpgrade("/ws/chat", WebChatApp::sameOrigin);
        app.ws("/ws/chat", team::configure);
        app.exception(ForeignOrigin.class, (e, ctx) -> {
            ctx.status(HttpStatus.FORBIDDEN);
            json(ctx, error(e.getMessage()));
        });
        app.start(config.host(), config.port());
        WebChatApp started = new WebChatApp(app, config.host());
        LOG.info("Web chat listening on {} (state in {})", started.url(), config.stateDir().toAbsolutePath());
        return started;
    }

    /** The app's address, e.g. {@code http://127.0.0.1:8001}. */
    public String url() {
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + server.port();
    }

    /** The port it listens on. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A request from a page of another origin. */
    private static final class ForeignOrigin extends RuntimeException {
        ForeignOrigin(String message) {
            super(message);
        }
    }

    /** Lets through requests without an origin (not from a page) and from this app's own pages. */
    private static void sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("http://" + ctx.host())) {
            throw new ForeignOrigin("requests from pages of " + origin + " are not allowed; use this app's own pages");
        }
    }

    private static Map<String, Object> error(String message) {
        return Map.of("type", "error", "content", "Error: " + message, "source", "system");
    }

    private static void json(Context ctx, Object value) {
        ctx.contentType("application/json").result(JsonFiles.json(value));
    }

    private static void resource(Context ctx, String name, String type) throws IOException {
        try (InputStream in = WebChatApp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the sample's jar");
            }
            ctx.contentType(type + "; charset=utf-8").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Replies of the scripted model: they say that no model is configured and how to configure one. */
    static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(
                "This is a scripted reply: no model is configured. Set OPENAI_API_KEY, OLLAMA_MODEL or "
                        + "ANTHROPIC_API_KEY and restart the app to chat with a real model.",
                "Configured, no model is. Set OPENAI_API_KEY you must, and restart the app, hmm."));
    }

    /**
     * Runs the app until stopped: {@code --host} (default 127.0.0.1), {@code --port} (default 8001) and
     * {@code --state-dir} (default {@code web-chat-state}).
     */
    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 8001;
        Path stateDir = Path.of("web-chat-state");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--host" -> host = require(value, "--host");
                case "--port" -> port = port(require(value, "--port"));
                case "--state-dir" -> stateDir = Path.of(require(value, "--state-dir"));
                default -> throw new IllegalArgumentException("unknown option '" + args[i]
                        + "'; the options are --host, --port and --state-dir");
            }
            i++;
        }
        ChatCompletionClient configured = ExampleModels.orScripted(scriptedModel(), System.err);
        Supplier<ChatCompletionClient> models = ExampleModels.isScripted(configured)
                ? WebChatApp::scriptedModel : () -> configured;
        CountDownLatch stopped = new CountDownLatch(1);
        WebChatApp app = start(new Config(host, port, stateDir, models));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }));
        System.out.println("Agent chat: " + app.url() + "/   Team chat: " + app.url() + "/team");
        stopped.await();
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number between 0 and 65535, got '" + value + "'");
        }
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
