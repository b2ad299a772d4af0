package dev.autogen.ext.models.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.http.HttpErrorDecoder;
import dev.autogen.ext.http.IdleTimeoutException;
import dev.autogen.ext.http.IncompleteStreamException;
import dev.autogen.ext.http.HttpStatusError;
import dev.autogen.ext.http.HttpTransport;
import dev.autogen.ext.http.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Messages API over HTTP: the endpoint, the headers of each attempt, a {@link HttpTransport} with
 * the official SDKs' retry policy, and the {@link HttpErrorDecoder} that turns failures into
 * {@link AnthropicApiException}s.
 *
 * <p>Retry policy (as Anthropic's SDKs): statuses 408, 409, 429 and 5xx (529 "overloaded"
 * included), timeouts and connection failures are retried up to {@code maxRetries} times; an
 * {@code x-should-retry} header overrides the status rule. The wait honours {@code retry-after-ms}
 * and {@code retry-after} (seconds or an HTTP date) when they ask for at most 60 s, otherwise it is
 * 0.5 s doubled per attempt, capped at 8 s, minus up to 25% jitter.
 */
final class AnthropicHttp implements HttpErrorDecoder {
    private static final ObjectMapper JSON = AutogenJson.mapper();

    private final URI endpoint;
    private final String model;
    private final Duration timeout;
    private final Duration idleTimeout;
    private final int maxRetries;
    private final Map<String, String> defaultHeaders;
    private final Supplier<String> apiKey;

    AnthropicHttp(String model, String baseUrl, Duration timeout, Duration idleTimeout, int maxRetries, Map<String, String> defaultHeaders,
            Supplier<String> apiKey) {
        String root = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try {
            this.endpoint = URI.create(root + "/v1/messages");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid base_url '" + baseUrl + "': " + e.getMessage(), e);
        }
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
            throw new IllegalArgumentException("invalid base_url '" + baseUrl
                    + "': expected an absolute http(s) URL such as https://api.anthropic.com");
        }
        this.model = model;
        this.timeout = timeout;
        this.idleTimeout = idleTimeout;
        this.maxRetries = maxRetries;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
        this.apiKey = apiKey;
    }

    URI endpoint() {
        return endpoint;
    }

    /** A transport for this endpoint; the caller closes it. */
    HttpTransport transport() {
        HttpClient client = HttpClient.newBuilder()
                .version("http".equalsIgnoreCase(endpoint.getScheme()) ? HttpClient.Version.HTTP_1_1
                        : HttpClient.Version.HTTP_2)
                .connectTimeout(timeout)
                .build();
        return new HttpTransport(client,
                new RetryPolicy(maxRetries, RetryPolicy.SDK_MAX_RETRY_AFTER, RetryPolicy.LongRetryAfter.IGNORE), this, "Anthropic request",
                idleTimeout);
    }

    /** The request of one attempt. */
    HttpRequest request(String body, boolean stream) {
        String key = apiKey.get();
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("accept", stream ? "text/event-stream" : "application/json")
                .header("anthropic-version", AnthropicChatCompletionClient.API_VERSION)
                .header("x-api-key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        defaultHeaders.forEach(builder::setHeader);
        return builder.build();
    }

    @Override
    public RuntimeException failure(URI uri, IOException e, int attempts) {
        boolean timedOut = e instanceof HttpTimeoutException;
        if (e instanceof IdleTimeoutException || e instanceof IncompleteStreamException) {
            String advice = e instanceof IdleTimeoutException
                    ? "; the server stalled. Check that it is healthy, or raise idle_timeout (now "
                            + HttpTransport.seconds(idleTimeout) + ") if the model pauses longer"
                    : "; the connection was cut. Check the server and its proxies";
            return new AnthropicApiException("Anthropic model '" + model + "' at " + endpoint + ": " + e.getMessage()
                    + advice + retriesNote(attempts), 0, timedOut ? "timeout" : "connection_error", e);
        }
        String what = timedOut
                ? "timed out after " + timeout.toMillis() + " ms (timeout=" + timeout.toMillis() / 1000.0 + " s)"
                : "could not connect or lost the connection (" + e + ")";
        return new AnthropicApiException("Anthropic request to " + endpoint + " " + what + retriesNote(attempts), 0,
                timedOut ? "timeout" : "connection_error", e);
    }

    @Override
    public RuntimeException status(HttpStatusError error) {
        String body = error.body();
        String type = null;
        String message = body.isBlank() ? "(empty body)" : body.strip();
        try {
            JsonNode node = JSON.readTree(body).path("error");
            if (node.isObject()) {
                type = node.path("type").asText(null);
                message = node.path("message").asText(message);
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: keep the raw text
        }
        return new AnthropicApiException("Anthropic API error " + error.status() + (type != null ? " (" + type + ")" : "")
                + " from POST " + endpoint + ": " + message + retriesNote(error.attempts()), error.status(), type, null);
    }

    private String retriesNote(int attempts) {
        return attempts == 1 ? (maxRetries == 0 ? " (max_retries=0)" : "")
                : "; gave up after " + attempts + " attempts (max_retries=" + maxRetries + ")";
    }
}
