package dev.autogen.core.tools;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a tool call through a {@link Workbench}: output items, and whether the call
 * failed. Failures (unknown tool, malformed or missing arguments, a throwing body) are results
 * with {@code isError = true} and a message, never exceptions. JSON as Python's {@code ToolResult}.
 *
 * @param name the tool name as called
 * @param result the output items
 * @param isError whether the call failed
 */
@JsonPropertyOrder({"type", "name", "result", "is_error"})
public record ToolResult(String name, List<ResultContent> result, boolean isError) {
    @JsonCreator
    public ToolResult {
        Objects.requireNonNull(name, "name");
        result = List.copyOf(result);
    }

    /** A successful text result. */
    public static ToolResult text(String name, String text) {
        return new ToolResult(name, List.of(new ResultContent.Text(text)), false);
    }

    /** An error result with a message. */
    public static ToolResult error(String name, String message) {
        return new ToolResult(name, List.of(new ResultContent.Text(message)), true);
    }

    /** Always {@code "ToolResult"}, as Python writes. */
    @JsonProperty("type")
    public String type() {
        return "ToolResult";
    }

    /** The text of all items, one per line; images as {@code [Image: <base64>]}. */
    public String toText() {
        return toText(null);
    }

    /** The text of all items, one per line; images replaced by {@code replaceImage} when given. */
    public String toText(@Nullable String replaceImage) {
        List<String> parts = new ArrayList<>();
        for (ResultContent c : result) {
            switch (c) {
                case ResultContent.Text t -> parts.add(t.content());
                case ResultContent.ImageContent i ->
                        parts.add(replaceImage != null ? replaceImage : "[Image: " + i.content().toBase64() + "]");
            }
        }
        return String.join("\n", parts);
    }
}
