package dev.autogen.ext.tools.mcp;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;

/**
 * How to reach an MCP server: a local program over stdio, or a remote server over Streamable HTTP
 * or (legacy) SSE. JSON as Python's {@code McpServerParams}, told apart by {@code "type"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = StdioServerParams.class, name = "StdioServerParams"),
    @JsonSubTypes.Type(value = SseServerParams.class, name = "SseServerParams"),
    @JsonSubTypes.Type(value = StreamableHttpServerParams.class, name = "StreamableHttpServerParams")
})
public sealed interface McpServerParams permits StdioServerParams, SseServerParams, StreamableHttpServerParams {

    /** The Python class name written as {@code "type"}. */
    String type();

    /** How long to wait for the server's answer to one request. */
    Duration requestTimeout();

    /** A short description of the server for error messages, e.g. {@code stdio server 'npx -y pkg'}. */
    String describe();
}
