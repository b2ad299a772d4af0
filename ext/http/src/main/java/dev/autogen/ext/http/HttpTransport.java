package dev.autogen.ext.http;

import dev.autogen.core.CancellationToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way model clients and HTTP tools send a request: over the JDK's {@link HttpClient}, retried
 * as a {@link RetryPolicy} says, aborted by a {@link CancellationToken} (including a wait between
 * attempts), with a failure that survives the retries turned into the provider's exception by an
 * {@link HttpErrorDecoder}. A response body that falls silent for the idle timeout (default
 * {@link #DEFAULT_IDLE_TIMEOUT}) fails with {@link IdleTimeoutException} and is retried like a dropped
 * connection, so a server that stalls after its headers never hangs a call. Thread-safe.
 *
 * <!-- java-context: import dev.autogen.core.CancellationToken; import java.net.http.HttpResponse.BodyHandlers;
 *      CancellationToken token; HttpErrorDecoder myDecoder; HttpRequest request; -->
 * <pre>{@code
 * var transport = new HttpTransport(HttpClient.newHttpClient(),
 *         new RetryPolicy(2, RetryPolicy.SDK_MAX_RETRY_AFTER, RetryPolicy.LongRetryAfter.CAP), myDecoder, "Example request");
 * HttpResponse<InputStream> r = transport.send(() -> request, BodyHandlers.ofInputStream(), null, token);
 * }</pre>
 */
public final class HttpTransport implements AutoCloseable {
    /** The longest silence between two bytes of a response unless a client sets its own: 60 s. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final HttpClient client;
    private final RetryPolicy retries;
    private final HttpErrorDecoder errors;
    private final String what;
    private final Duration idleTimeout;

    /**
     * A transport over {@code client} with the {@linkplain #DEFAULT_IDLE_TIMEOUT default idle timeout}.
     *
     * @param retries when to send again ({@link RetryPolicy#none()} for never)
     * @param errors how failures become exceptions ({@link HttpErrorDecoder#DEFAULT} for {@link HttpCallException})
     * @param what names the calls in cancellation messages and logs, e.g. {@code "Anthropic request"}
     */
    public HttpTransport(HttpClient client, RetryPolicy retries, HttpErrorDecoder errors, String what) {
        this(client, retries, errors, what, DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * A transport over {@code client} whose response bodies may be silent for at most {@code idleTimeout}.
     *
     * @throws IllegalArgumentException if {@code idleTimeout} is not positive
     */
    public HttpTransport(HttpClient client, RetryPolicy retries, HttpErrorDecoder errors, String what,
            Duration idleTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.what = Objects.requireNonNull(what, "what");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle_timeout must be positive, got " + idleTimeout);
        }
        this.idleTimeout = idleTimeout;
    }

    /**
     * The idle timeout a config gives in seconds ({@code idle_timeout}), or {@link #DEFAULT_IDLE_TIMEOUT}
     * for null.
     *
     * @throws IllegalArgumentException if not a positive, finite number
     */
    public static Duration idleTimeout(@Nullable Double seconds) {
        if (seconds == null) {
            return DEFAULT_IDLE_TIMEOUT;
        }
        if (!(seconds > 0) || seconds.isInfinite()) {
            throw new IllegalArgumentException("idle_timeout must be a positive number of seconds, got " + seconds);
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    /** A duration as messages show it: {@code 60 s}, {@code 0.25 s}. */
    public static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    /** The retry policy. */
    public RetryPolicy retries() {
        return retries;
    }

    /** The longest silence between two bytes of a response body. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Reads the body of a successful response; an {@link IOException} it throws fails the attempt. */
    @FunctionalInterface
    public interface BodyReader<T> {
        /**
         * Reads {@code body} (bounded by the idle timeout; the transport closes it afterwards).
         *
         * @throws IOException to have the request retried like a dropped connection
         */
        T read(HttpResponse<?> response, InputStream body) throws IOException;
    }

    /**
     * Sends the request {@code request} makes (called again for every attempt, so credentials can be
     * refreshed), retrying as the policy allows, and returns the first 2xx answer; a streamed body is
     * left open for the caller to close.
     *
     * @param wait the longest wait for the whole response, or null for the request's own timeout only
     * @throws RuntimeException what the {@link HttpErrorDecoder} makes of an error answer or a failed exchange
     * @throws CancellationException if {@code token} is cancelled or the thread interrupted
     */
    public <T> HttpResponse<T> send(Supplier<HttpRequest> request, HttpResponse.BodyHandler<T> handler,
            @Nullable Duration wait, CancellationToken token) {
        return retrying(request, handler, wait, token, (response, started) -> response);
    }

    /**
     * Sends the request as {@link #send} does and reads the 2xx answer's body with {@code reader}, inside
     * the retry loop: a body that breaks off, falls silent for the idle timeout or outlasts {@code wait}
     * is sent again as the policy allows.
     *
     * @param wait the longest time for one attempt, headers and body, or null for no limit beyond the
     *     request's own timeout and the idle timeout
     * @throws RuntimeException what the {@link HttpErrorDecoder} makes of an error answer or a failed
     *     exchange, or what {@code reader} throws other than an {@link IOException}
     * @throws CancellationException if {@code token} is cancelled or the thread interrupted
     */
    public <T> T exchange(Supplier<HttpRequest> request, @Nullable Duration wait, CancellationToken token,
            BodyReader<T> reader) {
        return retrying(request, HttpResponse.BodyHandlers.ofInputStream(), wait, token, (response, started) -> {
            InputStream body = new IdleTimeoutInputStream(response.body(), idleTimeout, wait, started);
            try (body; var registration = token.onCancel(() -> HttpBodies.closeQuietly(body))) {
                return reader.read(response, body);
            }
        });
    }

    @FunctionalInterface
    private interface Success<B, T> {
        T accept(HttpResponse<B> response, long startedNanos) throws IOException;
    }

    private <B, T> T retrying(Supplier<HttpRequest> request, HttpResponse.BodyHandler<B> handler,
            @Nullable Duration wait, CancellationToken token, Success<B, T> success) {
        for (int attempt = 1; ; attempt++) {
            token.throwIfCancelled();
            HttpRequest httpRequest = request.get();
            long started = System.nanoTime();
            try {
                HttpResponse<B> response = HttpExchanges.send(client, httpRequest, handler, token, wait, what);
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return success.accept(response, started);
                }
                String body = errorText(response.body());
                if (retries.mayRetry(attempt) && HttpRetries.shouldRetry(response)) {
                    Duration delay = retries.delayAfter(response, attempt);
                    LOG.info("Retrying {} {} in {} ms after HTTP {} on attempt {} of {}", httpRequest.method(),
                            httpRequest.uri(), delay.toMillis(), status, attempt, retries.maxRetries() + 1);
                    HttpRetries.sleep(delay, token, what);
                    continue;
                }
                throw errors.status(new HttpStatusError(httpRequest.method(), httpRequest.uri(), status,
                        response.headers(), body, attempt));
            } catch (IOException e) {
                if (token.isCancelled() || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("the " + what + " to " + httpRequest.uri() + " was cancelled");
                }
                if (!retries.mayRetry(attempt)) {
                    throw errors.failure(httpRequest.uri(), e, attempt);
                }
                Duration delay = retries.delayAfterFailure(attempt);
                LOG.info("Retrying {} {} in {} ms after attempt {} of {} failed: {}", httpRequest.method(),
                        httpRequest.uri(), delay.toMillis(), attempt, retries.maxRetries() + 1, e.toString());
                HttpRetries.sleep(delay, token, what);
            }
        }
    }

    private String errorText(@Nullable Object body) {
        return switch (body) {
            case null -> "";
            case InputStream in -> HttpBodies.readPrefix(new IdleTimeoutInputStream(in, idleTimeout, null, 0),
                    ERROR_BODY_LIMIT);
            case byte[] bytes -> new String(bytes, 0, Math.min(bytes.length, ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
            case String text -> text.length() > ERROR_BODY_LIMIT ? text.substring(0, ERROR_BODY_LIMIT) : text;
            default -> "";
        };
    }

    /** Closes the underlying client. */
    @Override
    public void close() {
        client.close();
    }
}
