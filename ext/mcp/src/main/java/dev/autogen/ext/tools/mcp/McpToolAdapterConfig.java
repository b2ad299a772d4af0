package dev.autogen.ext.tools.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The component config of an {@link McpToolAdapter}, as Python writes it for its
 * {@code StdioMcpToolAdapter}, {@code SseMcpToolAdapter} and {@code StreamableHttpMcpToolAdapter}:
 * {@code {"server_params": {...}, "tool": {"name": ..., "description": ..., "inputSchema": {...}}}}.
 *
 * @param serverParams how to reach the server
 * @param tool the MCP tool as the server described it (MCP's JSON field names)
 */
@JsonPropertyOrder({"server_params", "tool"})
public record McpToolAdapterConfig(
        @JsonProperty(required = true) McpServerParams serverParams,
        @JsonProperty(required = true) JsonNode tool) {

    public McpToolAdapterConfig {
        Objects.requireNonNull(serverParams, "server_params");
        Objects.requireNonNull(tool, "tool");
    }
}
