package dev.autogen.ext.tools.mcp;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ProcessGate;
import dev.autogen.core.utils.Concurrency;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.customizer.McpSyncHttpClientRequestCustomizer;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * One initialized MCP client session: the SDK's async client over a transport, plus the future that
 * fails when the session ends, so that a waiting request learns at once that its server died.
 * Requests block the calling (virtual) thread; the client multiplexes concurrent requests.
 */
final class McpSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(McpSession.class);
    private static final Duration MIN_INITIALIZATION_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Where the handlers of the server's requests and notifications run: a virtual thread each, since
     * they block (a model call, a person answering), and Reactor's bounded pool has only ten threads a core.
     */
    private static final Scheduler HANDLERS = Schedulers.fromExecutorService(
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor(), "mcp-client-handlers");
    private static final McpSchema.Implementation CLIENT_INFO = new McpSchema.Implementation("autogen-java", "0.1.0");

    private final McpServerParams params;
    private final McpAsyncClient client;
    private final @Nullable StdioProcessTransport stdio;
    private final CompletableFuture<Void> ended;
    private volatile McpSchema.@Nullable InitializeResult initializeResult;

    private McpSession(McpServerParams params, McpAsyncClient client, @Nullable StdioProcessTransport stdio,
            CompletableFuture<Void> ended) {
        this.params = params;
        this.client = client;
        this.stdio = stdio;
        this.ended = ended;
    }

    /**
     * The gate of a component loaded from a config that reaches its server through {@code params}:
     * asked by the config's consent policy when the server is a program to start (stdio), open otherwise.
     *
     * @throws dev.autogen.core.component.ComponentLoadException if the policy denies it
     */
    static ProcessGate gate(McpServerParams params, ComponentContext context) {
        return params instanceof StdioServerParams p
                ? context.processGate("start the MCP server command '" + p.commandLine() + "' on this machine, with your rights",
                        Map.of())
                : ProcessGate.OPEN;
    }

    /**
     * Connects to the server (starting it, for stdio, once {@code gate} allows) and initializes the session.
     *
     * @param sampler answers the server's sampling requests; null to not offer sampling
     * @throws McpSessionException if the server cannot be started or reached, or initialization fails
     * @throws dev.autogen.core.component.ConsentRefusedException if {@code gate} refuses to start the server
     */
    static McpSession open(McpServerParams params,
            @Nullable Function<McpSchema.CreateMessageRequest, McpSchema.CreateMessageResult> sampler,
            ProcessGate gate, CancellationToken cancellationToken) {
        return open(params, new McpClientHandlers(sampler, null, null), gate, cancellationToken);
    }

    /**
     * Connects to the server (starting it, for stdio, once {@code gate} allows) and initializes the
     * session, offering what {@code handlers} can answer.
     *
     * @throws McpSessionException if the server cannot be started or reached, or initialization fails
     * @throws dev.autogen.core.component.ConsentRefusedException if {@code gate} refuses to start the server
     */
    static McpSession open(McpServerParams params, McpClientHandlers handlers, ProcessGate gate,
            CancellationToken cancellationToken) {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        StdioProcessTransport stdio = null;
        McpClientTransport transport;
        CompletableFuture<Void> ended;
        switch (params) {
            case StdioServerParams p -> {
                gate.check(p.commandLine(), cancellationToken);
                stdio = new StdioProcessTransport(p, json);
                stdio.start();
                transport = stdio;
                ended = stdio.ended();
            }
            case StreamableHttpServerParams p -> {
                URI uri = HttpUrls.check(p.url(), "StreamableHttpServerParams.url");
                transport = HttpClientStreamableHttpTransport.builder(HttpUrls.base(uri))
                        .endpoint(HttpUrls.endpoint(uri))
                        .connectTimeout(p.connectTimeout())
                        .httpRequestCustomizer(headers(p.headers()))
                        .jsonMapper(json)
                        .build();
                ended = new CompletableFuture<>();
            }
            case SseServerParams p -> {
                URI uri = HttpUrls.check(p.url(), "SseServerParams.url");
                transport = HttpClientSseClientTransport.builder(HttpUrls.base(uri))
                        .sseEndpoint(HttpUrls.endpoint(uri))
                        .connectTimeout(p.connectTimeout())
                        .httpRequestCustomizer(headers(p.headers()))
                        .jsonMapper(json)
                        .build();
                ended = new CompletableFuture<>();
            }
        }
        Duration requestTimeout = params.requestTimeout();
        Duration initializationTimeout = requestTimeout.compareTo(MIN_INITIALIZATION_TIMEOUT) > 0
                ? requestTimeout : MIN_INITIALIZATION_TIMEOUT;
        var spec = McpClient.async(transport)
                .requestTimeout(requestTimeout)
                .initializationTimeout(initializationTimeout)
                .clientInfo(CLIENT_INFO);
        handle(spec, handlers);
        McpAsyncClient client = spec.build();
        var session = new McpSession(params, client, stdio, ended);
        try {
            session.initializeResult = session.await("initialize", client.initialize(), null, initializationTimeout);
        } catch (McpSessionException e) {
            session.close();
            String reason = String.valueOf(e.getMessage()).replace("initialize to " + params.describe() + " failed: ", "");
            throw new McpSessionException("cannot start a session with " + params.describe() + ": " + reason, e);
        }
        LOG.debug("session with {} initialized", params.describe());
        return session;
    }

    /** Offers sampling and elicitation when {@code handlers} answer them, and passes notifications on. */
    private static void handle(McpClient.AsyncSpec spec, McpClientHandlers handlers) {
        var capabilities = McpSchema.ClientCapabilities.builder();
        var sampler = handlers.sampler();
        if (sampler != null) {
            capabilities.sampling();
            spec.sampling(request -> Mono.fromCallable(() -> sampler.apply(request)).subscribeOn(HANDLERS));
        }
        var elicitation = handlers.elicitation();
        if (elicitation != null) {
            capabilities.elicitation();
            spec.elicitation(request -> Mono.fromCallable(() -> elicitation.apply(request))
                    .subscribeOn(HANDLERS));
        }
        if (sampler != null || elicitation != null) {
            spec.capabilities(capabilities.build());
        }
        McpClientHandlers.NotificationListener listener = handlers.notifications();
        if (listener == null) {
            return;
        }
        spec.loggingConsumer(n -> notify(listener, "notifications/message", n))
                .progressConsumer(n -> notify(listener, "notifications/progress", n))
                .toolsChangeConsumer(tools -> notify(listener, "notifications/tools/list_changed", tools))
                .resourcesChangeConsumer(resources -> notify(listener, "notifications/resources/list_changed", resources))
                .resourcesUpdateConsumer(contents -> notify(listener, "notifications/resources/updated", contents))
                .promptsChangeConsumer(prompts -> notify(listener, "notifications/prompts/list_changed", prompts));
    }

    private static Mono<Void> notify(McpClientHandlers.NotificationListener listener, String method, Object params) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                listener.onNotification(method, params);
            } catch (RuntimeException e) {
                LOG.debug("a listener of {} failed", method, e);
            }
        }).subscribeOn(HANDLERS);
    }

    private static McpSyncHttpClientRequestCustomizer headers(@Nullable Map<String, String> headers) {
        Map<String, String> copy = headers == null ? Map.of() : Map.copyOf(headers);
        return (builder, method, endpoint, body, context) -> copy.forEach(builder::setHeader);
    }

    /** What the server said about itself when the session started. */
    McpSchema.InitializeResult initializeResult() {
        return java.util.Objects.requireNonNull(initializeResult, "not initialized");
    }

    /** Whether the session can still be used: not closed, and (for stdio) its server still running. */
    boolean isAlive() {
        return !ended.isDone();
    }

    /** Why the session ended; only meaningful when {@link #isAlive()} is false. */
    McpSessionException endReason() {
        try {
            ended.getNow(null);
            return new McpSessionException("the session with " + params.describe() + " has ended");
        } catch (java.util.concurrent.CompletionException | CancellationException e) {
            return e.getCause() instanceof McpSessionException m ? m
                    : new McpSessionException("the session with " + params.describe() + " has ended: " + e.getCause(), e);
        }
    }

    /** The server process of a stdio session. */
    Optional<ProcessHandle> process() {
        return stdio == null ? Optional.empty() : stdio.processHandle();
    }

    /**
     * Sends a request and waits for its answer.
     *
     * @param method the MCP method, for messages (e.g. {@code tools/call})
     * @throws McpSessionException if the server refuses it, does not answer in time, or the session ends
     * @throws CancellationException if the token is cancelled or the thread interrupted
     */
    <T> T request(String method, Function<McpAsyncClient, Mono<T>> call, @Nullable CancellationToken token) {
        if (!isAlive()) {
            throw endReason();
        }
        return await(method, call.apply(client), token, params.requestTimeout());
    }

    private <T> T await(String method, Mono<T> mono, @Nullable CancellationToken token, Duration timeout) {
        if (token != null) {
            token.throwIfCancelled();
        }
        CompletableFuture<T> future = mono.toFuture();
        CompletableFuture<Object> either = CompletableFuture.anyOf(future, ended);
        try {
            Concurrency.await(either, token, method + " from " + params.describe());
        } catch (ExecutionException e) {
            // inspected below
        } catch (CancellationException e) {
            future.cancel(true);
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
        }
        if (future.isCancelled()) {
            throw new CancellationException(method + " to " + params.describe() + " was cancelled");
        }
        if (future.isDone() && !future.isCompletedExceptionally()) {
            return future.join();
        }
        if (!isAlive()) {
            throw endReason();
        }
        throw translate(method, future.exceptionNow(), timeout);
    }

    private McpSessionException translate(String method, Throwable error, Duration timeout) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof McpSessionException m) {
            return m;
        }
        if (cause instanceof TimeoutException || cause.getCause() instanceof TimeoutException) {
            String field = params instanceof StdioServerParams ? "read_timeout_seconds" : "sse_read_timeout";
            return new McpSessionException(params.describe() + " did not answer " + method + " within "
                    + Seconds.format(timeout) + "; if it is just slow, raise " + params.type() + "." + field, cause);
        }
        if (cause instanceof McpError e) {
            return new McpSessionException(params.describe() + " refused " + method + ": " + e.getMessage(), e);
        }
        return new McpSessionException(method + " to " + params.describe() + " failed: " + causes(cause), cause);
    }

    /** The messages along a cause chain, e.g. {@code Client failed to initialize: ConnectException: Connection refused}. */
    static String causes(Throwable error) {
        var parts = new java.util.ArrayList<String>();
        var seen = new java.util.HashSet<Throwable>();
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            String message = t.getMessage();
            String part = message == null || message.isBlank() ? t.getClass().getSimpleName()
                    : t == error ? message : t.getClass().getSimpleName() + ": " + message;
            if (parts.isEmpty() || !parts.getLast().contains(message == null ? part : message)) {
                parts.add(part);
            }
        }
        return String.join(": ", parts);
    }

    /** Ends the session; for stdio, ends the server process and the processes it started. */
    @Override
    public void close() {
        try {
            client.closeGracefully().block(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.debug("closing the session with {}: {}", params.describe(), e.toString());
        } finally {
            client.close();
            if (stdio != null) {
                stdio.close();
            }
            ended.completeExceptionally(new McpSessionException("the session with " + params.describe()
                    + " was closed; call start() to open a new one"));
        }
    }
}
