package dev.autogen.ext.memory.lucene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.http.HttpCallException;
import dev.autogen.ext.http.HttpErrorDecoder;
import dev.autogen.ext.http.HttpStatusError;
import dev.autogen.ext.http.HttpTransport;
import dev.autogen.ext.http.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * Posts JSON to an embedding endpoint through the project's {@link HttpTransport} (retries,
 * cancellation, idle timeout) and reads the JSON answer; an error answer becomes an
 * {@link HttpCallException} whose message carries the server's own error text.
 */
final class EmbeddingHttp implements AutoCloseable {
    private final HttpTransport transport;
    private final String what;
    private final Duration timeout;

    EmbeddingHttp(String what, int maxRetries, Duration timeout) {
        this.what = what;
        this.timeout = timeout;
        this.transport = new HttpTransport(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                new RetryPolicy(maxRetries, RetryPolicy.SDK_MAX_RETRY_AFTER, RetryPolicy.LongRetryAfter.CAP),
                new Errors(what), what);
    }

    /** Posts {@code body} as JSON to {@code uri} with {@code headers} and returns the parsed answer. */
    JsonNode post(URI uri, Map<String, String> headers, Object body, CancellationToken token) {
        byte[] json;
        try {
            json = AutogenJson.mapper().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the " + what + ": " + e.getMessage(), e);
        }
        return transport.exchange(() -> {
            var request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json));
            headers.forEach(request::header);
            return request.build();
        }, null, token, (response, in) -> AutogenJson.mapper().readTree(in));
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Names the service and quotes its error text. */
    private record Errors(String what) implements HttpErrorDecoder {
        @Override
        public RuntimeException status(HttpStatusError error) {
            return new HttpCallException("the " + what + " to " + error.uri() + " failed with HTTP " + error.status()
                    + serverMessage(error.body()), error.uri(), error.status(), error.body(), null);
        }

        @Override
        public RuntimeException failure(URI uri, IOException cause, int attempts) {
            String reason = cause.getMessage() == null || cause.getMessage().isBlank()
                    ? "no answer (" + cause.getClass().getSimpleName() + ")" : cause.getMessage();
            return new HttpCallException("the " + what + " to " + uri + " failed after " + attempts + " attempt"
                    + (attempts == 1 ? "" : "s") + ": " + reason, uri, 0, "", cause);
        }

        private static String serverMessage(String body) {
            if (body.isBlank()) {
                return "";
            }
            try {
                JsonNode node = AutogenJson.mapper().readTree(body);
                JsonNode error = node.path("error");
                String text = error.isTextual() ? error.textValue() : error.path("message").asText("");
                if (!text.isEmpty()) {
                    return ": " + text;
                }
            } catch (IOException | RuntimeException e) {
                // not JSON: quote the start of the body
            }
            return ": " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }
}
