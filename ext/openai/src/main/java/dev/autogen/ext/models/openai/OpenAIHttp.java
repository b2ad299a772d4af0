package dev.autogen.ext.models.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.ext.http.HttpBodies;
import dev.autogen.ext.http.HttpExchanges;
import dev.autogen.ext.http.HttpRetries;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends chat-completion requests over the JDK's {@link HttpClient}: JSON in, JSON or a server-sent
 * event stream out, with openai-python's retry policy (408, 409, 429 and 5xx responses, timeouts
 * and connection errors are retried up to {@code maxRetries} times; the delay is the server's
 * {@code retry-after-ms} / {@code Retry-After} when given, up to a minute, else 0.5 s doubling to
 * 8 s with jitter). A {@link CancellationToken} aborts the exchange, including a retry wait.
 */
final class OpenAIHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAIHttp.class);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final int ERROR_BODY_LIMIT = 2000;
    private static final String USER_AGENT = "autogen-java";

    private final HttpClient client;
    private final Duration timeout;
    private final int maxRetries;

    OpenAIHttp(Duration timeout, int maxRetries) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max_retries must be 0 or more, got " + maxRetries);
        }
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    Duration timeout() {
        return timeout;
    }

    int maxRetries() {
        return maxRetries;
    }

    /** Posts {@code body} and reads the JSON answer. */
    JsonNode postJson(URI uri, Supplier<Map<String, String>> headers, ObjectNode body, CancellationToken token) {
        HttpResponse<byte[]> response = send(uri, headers, body, false, HttpResponse.BodyHandlers.ofByteArray(),
                bytes -> bytes, token);
        return parseJson(uri, response.statusCode(), response.headers().firstValue("content-type").orElse("?"),
                new String(response.body(), StandardCharsets.UTF_8));
    }

    /** Posts {@code body} with {@code "stream": true} and returns the open event stream; the caller closes it. */
    InputStream postStream(URI uri, Supplier<Map<String, String>> headers, ObjectNode body, CancellationToken token) {
        HttpResponse<InputStream> response = send(uri, headers, body, true, HttpResponse.BodyHandlers.ofInputStream(),
                in -> HttpBodies.readPrefix(in, ERROR_BODY_LIMIT).getBytes(StandardCharsets.UTF_8), token);
        return response.body();
    }

    /** Parses a JSON answer, naming the URL and showing the start of the body when it is not JSON. */
    static JsonNode parseJson(URI uri, int status, String contentType, String text) {
        try {
            JsonNode node = AutogenJson.mapper().readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new OpenAIException("the server at " + uri + " answered HTTP " + status + " with an empty body"
                        + " where a JSON chat completion was expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new OpenAIException("the server at " + uri + " answered HTTP " + status + " (content-type " + contentType
                    + ") with malformed JSON: " + e.getOriginalMessage() + "; the body starts with: " + abbreviate(text), e);
        }
    }

    private <T> HttpResponse<T> send(URI uri, Supplier<Map<String, String>> headers, ObjectNode body, boolean stream,
            HttpResponse.BodyHandler<T> handler, BodyReader<T> errorBody, CancellationToken token) {
        byte[] payload = AutogenJson.mapper().valueToTree(body).toString().getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            token.throwIfCancelled();
            HttpRequest request = request(uri, headers.get(), payload, stream);
            HttpResponse<T> response;
            try {
                response = exchange(request, handler, stream, token);
            } catch (OpenAIException e) {
                if (attempt > maxRetries) {
                    throw attempt > 1 ? withAttempts(e, attempt) : e;
                }
                Duration delay = backoff(attempt);
                LOG.info("Retrying POST {} in {} ms after attempt {} of {} failed: {}", uri, delay.toMillis(), attempt,
                        maxRetries + 1, e.getMessage());
                HttpRetries.sleep(delay, token, "model call");
                continue;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            String text = new String(errorBody.read(response.body()), StandardCharsets.UTF_8);
            if (attempt <= maxRetries && HttpRetries.shouldRetry(response)) {
                int failed = attempt;
                Duration delay = retryAfter(response).orElseGet(() -> backoff(failed));
                LOG.info("Retrying POST {} in {} ms after HTTP {} on attempt {} of {}", uri, delay.toMillis(), status,
                        attempt, maxRetries + 1);
                HttpRetries.sleep(delay, token, "model call");
                continue;
            }
            throw apiError(uri, status, text, attempt);
        }
    }

    private HttpRequest request(URI uri, Map<String, String> headers, byte[] payload, boolean stream) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // Plain-text HTTP/2 means an h2c upgrade attempt, which some local servers mishandle.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach(builder::setHeader);
        return builder.build();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler, boolean stream,
            CancellationToken token) {
        try {
            // A streamed body is bounded by the request timeout until its headers; a whole body by the timeout too.
            return HttpExchanges.send(client, request, handler, token, stream ? null : timeout,
                    "model call to " + request.uri());
        } catch (HttpTimeoutException e) {
            throw timeoutError(request.uri(), e);
        } catch (ConnectException e) {
            throw new OpenAIException("cannot connect to " + request.uri() + ": " + describe(e)
                    + "; check base_url and that the server is running", e);
        } catch (IOException e) {
            throw new OpenAIException("connection error talking to " + request.uri() + ": " + describe(e), e);
        }
    }

    private OpenAITimeoutException timeoutError(URI uri, Throwable cause) {
        return new OpenAITimeoutException("the request to " + uri + " timed out after " + timeout.toMillis()
                + " ms; raise the client's timeout if the model needs longer", cause);
    }

    private static OpenAIException withAttempts(OpenAIException e, int attempts) {
        String message = e.getMessage() + " (after " + attempts + " attempts)";
        return e instanceof OpenAITimeoutException ? new OpenAITimeoutException(message, e) : new OpenAIException(message, e);
    }

    /** The server's requested delay ({@code retry-after-ms} / {@code Retry-After}), at most a minute. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return HttpRetries.retryAfter(response.headers())
                .map(delay -> delay.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : delay);
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    private static Duration backoff(int attempt) {
        return HttpRetries.backoff(attempt - 1);
    }

    /** The error for an HTTP error status, with the server's message from OpenAI's error body. */
    static OpenAIApiException apiError(URI uri, int status, String body, int attempts) {
        String message = null;
        String type = null;
        String code = null;
        try {
            JsonNode node = AutogenJson.mapper().readTree(body);
            JsonNode error = node == null ? null : node.get("error");
            if (error != null && error.isObject()) {
                message = text(error.get("message"));
                type = text(error.get("type"));
                code = text(error.get("code"));
            } else if (error != null && error.isTextual()) {
                message = error.textValue();
            } else if (node != null && node.isObject()) {
                message = text(node.get("message"));
            }
        } catch (JsonProcessingException notJson) {
            // not OpenAI's error shape: show the body itself
        }
        if (message == null && !body.isBlank()) {
            message = abbreviate(body);
        }
        var sb = new StringBuilder("OpenAI API request POST ").append(uri).append(" failed with HTTP ").append(status);
        if (attempts > 1) {
            sb.append(" after ").append(attempts).append(" attempts");
        }
        sb.append(": ").append(message == null ? "(empty body)" : message);
        if (type != null || code != null) {
            sb.append(" (type: ").append(type).append(", code: ").append(code).append(')');
        }
        return new OpenAIApiException(sb.toString(), status, message, type, code);
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String abbreviate(String text) {
        String t = text.strip();
        return t.length() > 500 ? t.substring(0, 500) + "..." : t;
    }

    private static String describe(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    @Override
    public void close() {
        client.close();
    }

    @FunctionalInterface
    private interface BodyReader<T> {
        byte[] read(T body);
    }
}
