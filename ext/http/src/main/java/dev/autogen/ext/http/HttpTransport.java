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
 * {@link HttpErrorDecoder}. Thread-safe.
 *
 * <pre>{@code
 * var transport = new HttpTransport(HttpClient.newHttpClient(),
 *         new RetryPolicy(2, RetryPolicy.SDK_MAX_RETRY_AFTER, RetryPolicy.LongRetryAfter.CAP), myDecoder, "Example request");
 * HttpResponse<InputStream> r = transport.send(() -> request, BodyHandlers.ofInputStream(), null, token);
 * }</pre>
 */
public final class HttpTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final HttpClient client;
    private final RetryPolicy retries;
    private final HttpErrorDecoder errors;
    private final String what;

    /**
     * A transport over {@code client}.
     *
     * @param retries when to send again ({@link RetryPolicy#none()} for never)
     * @param errors how failures become exceptions ({@link HttpErrorDecoder#DEFAULT} for {@link HttpCallException})
     * @param what names the calls in cancellation messages and logs, e.g. {@code "Anthropic request"}
     */
    public HttpTransport(HttpClient client, RetryPolicy retries, HttpErrorDecoder errors, String what) {
        this.client = Objects.requireNonNull(client, "client");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.what = Objects.requireNonNull(what, "what");
    }

    /** The retry policy. */
    public RetryPolicy retries() {
        return retries;
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
        for (int attempt = 1; ; attempt++) {
            token.throwIfCancelled();
            HttpRequest httpRequest = request.get();
            HttpResponse<T> response;
            try {
                response = HttpExchanges.send(client, httpRequest, handler, token, wait, what);
            } catch (IOException e) {
                if (!retries.mayRetry(attempt)) {
                    throw errors.failure(httpRequest.uri(), e, attempt);
                }
                Duration delay = retries.delayAfterFailure(attempt);
                LOG.info("Retrying {} {} in {} ms after attempt {} of {} failed: {}", httpRequest.method(),
                        httpRequest.uri(), delay.toMillis(), attempt, retries.maxRetries() + 1, e.toString());
                HttpRetries.sleep(delay, token, what);
                continue;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
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
        }
    }

    private String errorText(@Nullable Object body) {
        return switch (body) {
            case null -> "";
            case InputStream in -> HttpBodies.readPrefix(in, ERROR_BODY_LIMIT);
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
