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
 * var transport = HttpTransport.builder(HttpClient.newHttpClient())
 *         .retries(new RetryPolicy(2, RetryPolicy.SDK_MAX_RETRY_AFTER, RetryPolicy.LongRetryAfter.CAP))
 *         .errors(myDecoder).what("Example request").build();
 * HttpResponse<InputStream> r = transport.send(() -> request, BodyHandlers.ofInputStream(), null, token);
 * }</pre>
 */
public final class HttpTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final HttpClient client;
    private final RetryPolicy retries;
    private final HttpErrorDecoder errors;
    private final String what;
    private final int errorBodyLimit;

    private HttpTransport(Builder builder) {
        this.client = builder.client;
        this.retries = builder.retries;
        this.errors = builder.errors;
        this.what = builder.what;
        this.errorBodyLimit = builder.errorBodyLimit;
    }

    /** A builder of a transport over {@code client}; without more settings it never retries. */
    public static Builder builder(HttpClient client) {
        return new Builder(client);
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
            case InputStream in -> HttpBodies.readPrefix(in, errorBodyLimit);
            case byte[] bytes -> new String(bytes, 0, Math.min(bytes.length, errorBodyLimit), StandardCharsets.UTF_8);
            case String text -> text.length() > errorBodyLimit ? text.substring(0, errorBodyLimit) : text;
            default -> "";
        };
    }

    /** Closes the underlying client. */
    @Override
    public void close() {
        client.close();
    }

    /** Settings of an {@link HttpTransport}. */
    public static final class Builder {
        private final HttpClient client;
        private RetryPolicy retries = RetryPolicy.none();
        private HttpErrorDecoder errors = HttpErrorDecoder.DEFAULT;
        private String what = "HTTP request";
        private int errorBodyLimit = 16 * 1024;

        private Builder(HttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** When to send again (default: never). */
        public Builder retries(RetryPolicy policy) {
            this.retries = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How failures become exceptions (default: {@link HttpErrorDecoder#DEFAULT}). */
        public Builder errors(HttpErrorDecoder decoder) {
            this.errors = Objects.requireNonNull(decoder, "decoder");
            return this;
        }

        /** Names the calls in cancellation messages and logs, e.g. {@code "Anthropic request"}. */
        public Builder what(String name) {
            this.what = Objects.requireNonNull(name, "name");
            return this;
        }

        /** How much of an error body is read for the decoder (default 16 KiB). */
        public Builder errorBodyLimit(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("errorBodyLimit must be 0 or more, got " + bytes);
            }
            this.errorBodyLimit = bytes;
            return this;
        }

        /** The transport. */
        public HttpTransport build() {
            return new HttpTransport(this);
        }
    }
}
