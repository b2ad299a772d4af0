package dev.autogen.core.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.serialization.JsonErrors;
import org.jspecify.annotations.Nullable;

/**
 * A model's tool-call arguments, parsed strictly (one JSON object, nothing after it); malformed
 * arguments become an error result the model can read, and the call is not made.
 *
 * @param arguments the arguments; null when there are none (blank) or they are malformed
 * @param error the error result for malformed arguments; null when they are fine
 */
public record FunctionCallArguments(@Nullable JsonNode arguments, @Nullable ToolResult error) {
    /** Parses {@code call.arguments()}: blank is no arguments; otherwise it must be one JSON object. */
    public static FunctionCallArguments parse(FunctionCall call) {
        if (call.arguments().isBlank()) {
            return new FunctionCallArguments(null, null);
        }
        String problem;
        try {
            JsonNode arguments = AutogenJson.readDocument(call.arguments());
            if (arguments.isObject()) {
                return new FunctionCallArguments(arguments, null);
            }
            problem = ": expected a JSON object, found " + arguments.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        } catch (JsonProcessingException e) {
            problem = JsonErrors.syntax(e);
        }
        return new FunctionCallArguments(null, ToolResult.error(call.name(), "Invalid JSON arguments for tool '"
                + call.name() + "'" + problem + "; arguments were: " + call.arguments()));
    }
}
