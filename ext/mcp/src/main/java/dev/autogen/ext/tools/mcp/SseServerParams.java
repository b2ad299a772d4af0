package dev.autogen.ext.tools.mcp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Connects to a remote MCP server over the legacy HTTP+SSE transport, as Python's
 * {@code SseServerParams}; prefer {@link StreamableHttpServerParams} for servers that offer it.
 * Headers are written in component configs as given (as Python does), so keep secrets out of
 * configs you share.
 *
 * <!-- java-context: import dev.autogen.core.CancellationToken; CancellationToken token; -->
 * <pre>{@code
 * var params = new SseServerParams("http://localhost:3001/sse", Map.of("Authorization", "Bearer " + token), 5, 300);
 * }</pre>
 *
 * @param url the SSE endpoint, e.g. {@code http://localhost:3001/sse}
 * @param headers headers sent with every request; null for none
 * @param timeout seconds to wait for a connection
 * @param sseReadTimeout seconds to wait for the answer to one request
 */
@JsonPropertyOrder({"type", "url", "headers", "timeout", "sse_read_timeout"})
public record SseServerParams(String url, @Nullable Map<String, String> headers, double timeout, double sseReadTimeout)
        implements McpServerParams {

    /** Python's default {@code timeout}. */
    public static final double DEFAULT_TIMEOUT_SECONDS = 5;
    /** Python's default {@code sse_read_timeout}. */
    public static final double DEFAULT_SSE_READ_TIMEOUT_SECONDS = 300;

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException for a URL that is not http(s), a header the HTTP client
     *     refuses, or a timeout that is not positive
     */
    public SseServerParams {
        HttpUrls.check(Objects.requireNonNull(url, "url"), "SseServerParams.url");
        if (headers != null) {
            HttpUrls.checkHeaders(headers, "SseServerParams.headers");
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
        Seconds.check(timeout, "SseServerParams.timeout");
        Seconds.check(sseReadTimeout, "SseServerParams.sse_read_timeout");
    }

    /** The server at {@code url} with Python's default timeouts and no headers. */
    public SseServerParams(String url) {
        this(url, null, DEFAULT_TIMEOUT_SECONDS, DEFAULT_SSE_READ_TIMEOUT_SECONDS);
    }

    @JsonCreator
    static SseServerParams fromJson(
            @JsonProperty(value = "url", required = true) String url,
            @JsonProperty("headers") @Nullable Map<String, String> headers,
            @JsonProperty("timeout") @Nullable Double timeout,
            @JsonProperty("sse_read_timeout") @Nullable Double sseReadTimeout) {
        return new SseServerParams(url, headers, timeout == null ? DEFAULT_TIMEOUT_SECONDS : timeout,
                sseReadTimeout == null ? DEFAULT_SSE_READ_TIMEOUT_SECONDS : sseReadTimeout);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return "SseServerParams";
    }

    /** {@link #sseReadTimeout()}: the SDK waits this long for each answer. */
    @Override
    public Duration requestTimeout() {
        return Seconds.toDuration(sseReadTimeout);
    }

    /** {@link #timeout()} as a duration. */
    public Duration connectTimeout() {
        return Seconds.toDuration(timeout);
    }

    @Override
    public String describe() {
        return "SSE MCP server at " + url;
    }
}
