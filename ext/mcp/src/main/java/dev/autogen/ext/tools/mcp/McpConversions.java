package dev.autogen.ext.tools.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.Image;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.ResultContent;
import dev.autogen.core.tools.ToolOverride;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.core.tools.ToolSchema;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Turns MCP tools and results into AutoGen's tool schemas and results, as Python's workbench does. */
final class McpConversions {
    private McpConversions() {
    }

    /**
     * The schema of an MCP tool as Python builds it: the input schema's {@code properties},
     * {@code required} and {@code additionalProperties} (false when absent), description "" when absent.
     */
    static ToolSchema toolSchema(McpSchema.Tool tool, @Nullable ToolOverride override) {
        Map<String, Object> input = tool.inputSchema() == null ? Map.of() : tool.inputSchema();
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        if (input.get("properties") instanceof Map<?, ?> props) {
            props.forEach((k, v) -> properties.put(String.valueOf(k), AutogenJson.mapper().valueToTree(v)));
        }
        List<String> required = new ArrayList<>();
        if (input.get("required") instanceof List<?> names) {
            names.forEach(n -> required.add(String.valueOf(n)));
        }
        Object extra = input.get("additionalProperties");
        boolean additional = extra instanceof Boolean b ? b : extra instanceof Map<?, ?>;
        String name = tool.name();
        String description = tool.description() == null ? "" : tool.description();
        if (override != null) {
            name = override.name() != null ? override.name() : name;
            description = override.description() != null ? override.description() : description;
        }
        return new ToolSchema(name, description, new ParametersSchema("object", properties, required, additional), null);
    }

    /**
     * The result of a tool call: text as text, images as images, embedded resources (and other
     * content) as their JSON text; {@code isError} as the server said.
     */
    static ToolResult toolResult(String name, McpSchema.CallToolResult result) {
        List<ResultContent> parts = new ArrayList<>();
        for (McpSchema.Content content : result.content() == null ? List.<McpSchema.Content>of() : result.content()) {
            switch (content) {
                case McpSchema.TextContent text -> parts.add(new ResultContent.Text(text.text()));
                case McpSchema.ImageContent image -> parts.add(new ResultContent.ImageContent(
                        Image.fromBytes(Base64.getMimeDecoder().decode(image.data()), image.mimeType())));
                default -> parts.add(new ResultContent.Text(json(content)));
            }
        }
        return new ToolResult(name, parts, Boolean.TRUE.equals(result.isError()));
    }

    /** An MCP value as MCP's JSON. */
    static String json(Object value) {
        try {
            return McpJsonDefaults.getMapper().writeValueAsString(value);
        } catch (IOException e) {
            return String.valueOf(value);
        }
    }

    /** An MCP value as a JSON tree (MCP field names), for configs. */
    static ObjectNode tree(Object value) {
        try {
            return (ObjectNode) AutogenJson.mapper().readTree(json(value));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    /** Arguments for a call: a JSON object as a map; null or JSON null for none. */
    static Map<String, Object> arguments(String tool, @Nullable JsonNode arguments) {
        if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
            return Map.of();
        }
        if (!arguments.isObject()) {
            throw new IllegalArgumentException("arguments for MCP tool '" + tool + "' must be a JSON object, got "
                    + arguments.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ": " + arguments);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = AutogenJson.mapper().convertValue(arguments, LinkedHashMap.class);
        return map;
    }
}
