package dev.autogen.ext.tools.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.tools.ToolOverride;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of an {@link McpWorkbench}, as Python writes it:
 * {@code {"server_params": {"type": "StdioServerParams", ...}, "tool_overrides": {...}, "model_client": {...}}}.
 * Empty {@code tool_overrides} are left out, as in the configs of AutoGen Studio's gallery.
 *
 * @param serverParams how to reach the server
 * @param toolOverrides new names/descriptions keyed by the server's tool names; null or absent for none
 * @param modelClient the model client that answers the server's sampling requests; null for none
 */
@JsonPropertyOrder({"server_params", "tool_overrides", "model_client"})
public record McpWorkbenchConfig(
        @JsonProperty(required = true) McpServerParams serverParams,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable Map<String, ToolOverride> toolOverrides,
        @Nullable ComponentModel modelClient) {

    public McpWorkbenchConfig {
        Objects.requireNonNull(serverParams, "server_params");
        toolOverrides = toolOverrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(toolOverrides));
    }

    /** A config with only server parameters. */
    public McpWorkbenchConfig(McpServerParams serverParams) {
        this(serverParams, null, null);
    }
}
