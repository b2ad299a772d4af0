package dev.autogen.ext.models.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.http.HttpErrorDecoder;
import dev.autogen.ext.http.IdleTimeoutException;
import dev.autogen.ext.http.IncompleteStreamException;
import dev.autogen.ext.http.HttpStatusError;
import dev.autogen.ext.http.HttpTransport;
import dev.autogen.ext.http.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Chat-completion requests over the JDK's {@link HttpClient}: the request of each attempt, a
 * {@link HttpTransport} with openai-python's retry policy (408, 409, 429 and 5xx responses, timeouts
 * and connection errors are retried up to {@code maxRetries} times; the delay is the server's
 * {@code retry-after-ms} / {@code Retry-After} when given, up to a minute, else 0.5 s doubling to
 * 8 s with jitter), and the {@link HttpErrorDecoder} that makes {@link OpenAIApiException}s,
 * {@link OpenAITimeoutException}s and {@link OpenAIException}s.
 */
final class OpenAIHttp implements HttpErrorDecoder {
    private static final String USER_AGENT = "autogen-java";

    private final String apiName;
    private final String subject;
    private final Duration timeout;
    private final Duration idleTimeout;
    private final int maxRetries;
    private final String what;

    OpenAIHttp(String apiName, String model, Duration timeout, Duration idleTimeout, int maxRetries) {
        this(apiName, "model '" + model + "'", timeout, idleTimeout, maxRetries, "model call");
    }

    /**
     * @param subject what failure messages say was called, e.g. {@code model 'gpt-4o'}
     * @param what names the calls in cancellation messages and logs
     */
    OpenAIHttp(String apiName, String subject, Duration timeout, Duration idleTimeout, int maxRetries, String what) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max_retries must be 0 or more, got " + maxRetries);
        }
        this.apiName = apiName;
        this.subject = subject;
        this.what = what;
        this.timeout = timeout;
        this.idleTimeout = idleTimeout;
        this.maxRetries = maxRetries;
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    Duration timeout() {
        return timeout;
    }

    int maxRetries() {
        return maxRetries;
    }

    /** A transport with this client's timeout and retries; the caller closes it. */
    HttpTransport transport() {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new HttpTransport(client,
                new RetryPolicy(maxRetries, RetryPolicy.SDK_MAX_RETRY_AFTER, RetryPolicy.LongRetryAfter.CAP), this, what,
                idleTimeout);
    }

    /** The POST of one attempt. */
    HttpRequest request(URI uri, Map<String, String> headers, String body, boolean stream) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // Plain-text HTTP/2 means an h2c upgrade attempt, which some local servers mishandle.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach(builder::setHeader);
        return builder.build();
    }

    /** A request of one attempt with any method; {@code body} is null for none. */
    HttpRequest request(String method, URI uri, Map<String, String> headers, @Nullable String contentType,
            HttpRequest.BodyPublisher body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .method(method, body);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach(builder::setHeader);
        return builder.build();
    }

    /** Parses a JSON answer, naming the URL and showing the start of the body when it is not JSON. */
    static JsonNode parseJson(URI uri, int status, String contentType, String text) {
        return parseJson(uri, status, contentType, text, "a JSON chat completion");
    }

    /** Parses a JSON answer; {@code expected} names what was expected, e.g. {@code "a JSON thread"}. */
    static JsonNode parseJson(URI uri, int status, String contentType, String text, String expected) {
        try {
            JsonNode node = AutogenJson.mapper().readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new OpenAIException("the server at " + uri + " answered HTTP " + status + " with an empty body"
                        + " where " + expected + " was expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new OpenAIException("the server at " + uri + " answered HTTP " + status + " (content-type " + contentType
                    + ") with malformed JSON: " + e.getOriginalMessage() + "; the body starts with: " + abbreviate(text), e);
        }
    }

    @Override
    public RuntimeException failure(URI uri, IOException e, int attempts) {
        OpenAIException error;
        if (e instanceof IdleTimeoutException idle) {
            error = new OpenAITimeoutException(subject + " at " + uri + ": " + idle.getMessage()
                    + "; the server stalled. Check that it is healthy, or raise the client's idle_timeout (now "
                    + HttpTransport.seconds(idleTimeout) + ") if the model pauses longer", e);
        } else if (e instanceof IncompleteStreamException) {
            error = new OpenAIException(subject + " at " + uri + ": " + e.getMessage()
                    + "; the connection was cut. Check the server and its proxies", e);
        } else if (e instanceof HttpTimeoutException) {
            error = new OpenAITimeoutException("the request to " + uri + " timed out after " + timeout.toMillis()
                    + " ms; raise the client's timeout if the model needs longer", e);
        } else if (e instanceof ConnectException) {
            error = new OpenAIException("cannot connect to " + uri + ": " + describe(e)
                    + "; check base_url and that the server is running", e);
        } else {
            error = new OpenAIException("connection error talking to " + uri + ": " + describe(e), e);
        }
        if (attempts == 1) {
            return error;
        }
        String message = error.getMessage() + " (after " + attempts + " attempts)";
        return error instanceof OpenAITimeoutException ? new OpenAITimeoutException(message, error)
                : new OpenAIException(message, error);
    }

    /** The error for an HTTP error status, with the server's message from OpenAI's error body. */
    @Override
    public RuntimeException status(HttpStatusError failure) {
        String body = failure.body();
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
        var sb = new StringBuilder(apiName).append(" request ").append(failure.method()).append(' ')
                .append(failure.uri()).append(" failed with HTTP ")
                .append(failure.status());
        if (failure.attempts() > 1) {
            sb.append(" after ").append(failure.attempts()).append(" attempts");
        }
        sb.append(": ").append(message == null ? "(empty body)" : message);
        if (type != null || code != null) {
            sb.append(" (type: ").append(type).append(", code: ").append(code).append(')');
        }
        return new OpenAIApiException(sb.toString(), failure.status(), message, type, code);
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
}
