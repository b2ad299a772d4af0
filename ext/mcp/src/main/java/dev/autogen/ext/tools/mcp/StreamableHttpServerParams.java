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
 * Connects to a remote MCP server over Streamable HTTP, as Python's
 * {@code StreamableHttpServerParams}. Headers are written in component configs as given (as Python
 * does), so keep secrets out of configs you share.
 *
 * <!-- java-context: import dev.autogen.core.CancellationToken; CancellationToken token; -->
 * <pre>{@code
 * var params = new StreamableHttpServerParams("http://localhost:3001/mcp");
 * var withAuth = new StreamableHttpServerParams("https://mcp.example.com/mcp",
 *         Map.of("Authorization", "Bearer " + token), 30, 300, true);
 * }</pre>
 *
 * @param url the endpoint, e.g. {@code http://localhost:3001/mcp}
 * @param headers headers sent with every request; null for none
 * @param timeout seconds to wait for a connection
 * @param sseReadTimeout seconds to wait for the answer to one request
 * @param terminateOnClose whether closing the session tells the server to end it (the MCP Java SDK
 *     always does; kept for Python compatibility)
 */
@JsonPropertyOrder({"type", "url", "headers", "timeout", "sse_read_timeout", "terminate_on_close"})
public record StreamableHttpServerParams(
        String url, @Nullable Map<String, String> headers, double timeout, double sseReadTimeout, boolean terminateOnClose)
        implements McpServerParams {

    /** Python's default {@code timeout}. */
    public static final double DEFAULT_TIMEOUT_SECONDS = 30;
    /** Python's default {@code sse_read_timeout}. */
    public static final double DEFAULT_SSE_READ_TIMEOUT_SECONDS = 300;

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException for a URL that is not http(s), a header the HTTP client
     *     refuses, or a timeout that is not positive
     */
    public StreamableHttpServerParams {
        HttpUrls.check(Objects.requireNonNull(url, "url"), "StreamableHttpServerParams.url");
        if (headers != null) {
            HttpUrls.checkHeaders(headers, "StreamableHttpServerParams.headers");
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
        Seconds.check(timeout, "StreamableHttpServerParams.timeout");
        Seconds.check(sseReadTimeout, "StreamableHttpServerParams.sse_read_timeout");
    }

    /** The server at {@code url} with Python's defaults and no headers. */
    public StreamableHttpServerParams(String url) {
        this(url, null, DEFAULT_TIMEOUT_SECONDS, DEFAULT_SSE_READ_TIMEOUT_SECONDS, true);
    }

    @JsonCreator
    static StreamableHttpServerParams fromJson(
            @JsonProperty(value = "url", required = true) String url,
            @JsonProperty("headers") @Nullable Map<String, String> headers,
            @JsonProperty("timeout") @Nullable Double timeout,
            @JsonProperty("sse_read_timeout") @Nullable Double sseReadTimeout,
            @JsonProperty("terminate_on_close") @Nullable Boolean terminateOnClose) {
        return new StreamableHttpServerParams(url, headers, timeout == null ? DEFAULT_TIMEOUT_SECONDS : timeout,
                sseReadTimeout == null ? DEFAULT_SSE_READ_TIMEOUT_SECONDS : sseReadTimeout,
                terminateOnClose == null || terminateOnClose);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return "StreamableHttpServerParams";
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
        return "Streamable HTTP MCP server at " + url;
    }
}
