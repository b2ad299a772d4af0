package dev.autogen.ext.models.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.core.CancellationToken;
import dev.autogen.ext.http.HttpBodies;
import dev.autogen.ext.http.HttpExchanges;
import dev.autogen.ext.http.HttpRetries;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Messages API requests over the JDK's {@link HttpClient}: headers, the timeout, retries with
 * the official SDKs' policy, and cancellation that aborts the exchange.
 *
 * <p>Retry policy (as Anthropic's SDKs): statuses 408, 409, 429 and 5xx (529 "overloaded"
 * included), timeouts and connection failures are retried up to {@code maxRetries} times; an
 * {@code x-should-retry} header overrides the status rule. The wait honours {@code retry-after-ms}
 * and {@code retry-after} (seconds or an HTTP date) when they ask for at most 60 s, otherwise it is
 * 0.5 s doubled per attempt, capped at 8 s, minus up to 25% jitter.
 */
final class AnthropicHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnthropicHttp.class);
    private static final ObjectMapper JSON = AutogenJson.mapper();
    private static final int MAX_ERROR_BODY = 16 * 1024;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final String WHAT = "Anthropic request";

    private final HttpClient http;
    private final URI endpoint;
    private final Duration timeout;
    private final int maxRetries;
    private final Map<String, String> defaultHeaders;
    private final Supplier<String> apiKey;

    AnthropicHttp(String baseUrl, Duration timeout, int maxRetries, Map<String, String> defaultHeaders,
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
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder()
                .version("http".equalsIgnoreCase(endpoint.getScheme()) ? HttpClient.Version.HTTP_1_1
                        : HttpClient.Version.HTTP_2)
                .connectTimeout(timeout)
                .build();
    }

    URI endpoint() {
        return endpoint;
    }

    /**
     * Posts {@code body}, retrying as the policy allows, and returns the successful response with its
     * body still open (the caller closes it).
     *
     * @throws AnthropicApiException for an error status after the retries, a timeout or a connection failure
     * @throws CancellationException if {@code token} is cancelled
     */
    HttpResponse<InputStream> post(String body, boolean stream, CancellationToken token) {
        HttpRequest request = request(body, stream);
        for (int attempt = 0; ; attempt++) {
            token.throwIfCancelled();
            HttpResponse<InputStream> response;
            try {
                response = sendOnce(request, token);
            } catch (IOException e) {
                boolean timedOut = e instanceof HttpTimeoutException;
                if (attempt < maxRetries) {
                    Duration delay = HttpRetries.backoff(attempt);
                    LOG.info("Anthropic request {} ({}); retrying in {} ms (retry {} of {})",
                            timedOut ? "timed out" : "failed", e.toString(), delay.toMillis(), attempt + 1, maxRetries);
                    HttpRetries.sleep(delay, token, WHAT);
                    continue;
                }
                throw transportFailure(e, timedOut, attempt);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            String errorBody = HttpBodies.readPrefix(response.body(), MAX_ERROR_BODY);
            if (attempt < maxRetries && HttpRetries.shouldRetry(response)) {
                Duration delay = retryDelay(response, attempt);
                LOG.info("Anthropic API answered {}; retrying in {} ms (retry {} of {})", status, delay.toMillis(),
                        attempt + 1, maxRetries);
                HttpRetries.sleep(delay, token, WHAT);
                continue;
            }
            throw statusFailure(status, errorBody, attempt);
        }
    }

    private HttpRequest request(String body, boolean stream) {
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

    /** One exchange; cancelling the token aborts it. */
    private HttpResponse<InputStream> sendOnce(HttpRequest request, CancellationToken token) throws IOException {
        return HttpExchanges.send(http, request, HttpResponse.BodyHandlers.ofInputStream(), token, null, WHAT);
    }

    /** The server's {@code retry-after(-ms)} when it asks for at most 60 s, else the backoff (as the SDKs). */
    static Duration retryDelay(HttpResponse<?> response, int attempt) {
        return HttpRetries.retryAfter(response.headers())
                .filter(delay -> delay.compareTo(MAX_RETRY_AFTER) <= 0)
                .orElseGet(() -> HttpRetries.backoff(attempt));
    }

    private AnthropicApiException transportFailure(IOException e, boolean timedOut, int retries) {
        String what = timedOut
                ? "timed out after " + timeout.toMillis() + " ms (timeout=" + timeout.toMillis() / 1000.0 + " s)"
                : "could not connect or lost the connection (" + e + ")";
        return new AnthropicApiException("Anthropic request to " + endpoint + " " + what + retriesNote(retries), 0,
                timedOut ? "timeout" : "connection_error", e);
    }

    private AnthropicApiException statusFailure(int status, String body, int retries) {
        String type = null;
        String message = body.isBlank() ? "(empty body)" : body.strip();
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.isObject()) {
                type = error.path("type").asText(null);
                message = error.path("message").asText(message);
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: keep the raw text
        }
        return new AnthropicApiException("Anthropic API error " + status + (type != null ? " (" + type + ")" : "")
                + " from POST " + endpoint + ": " + message + retriesNote(retries), status, type, null);
    }

    private String retriesNote(int retries) {
        return retries == 0 ? (maxRetries == 0 ? " (max_retries=0)" : "")
                : "; gave up after " + (retries + 1) + " attempts (max_retries=" + maxRetries + ")";
    }

    @Override
    public void close() {
        http.close();
    }
}
