package dev.autogen.core.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.serialization.AutogenJson;
import org.jspecify.annotations.Nullable;

/** A model's tool-call arguments, parsed; malformed JSON becomes an error result the model can read. */
record FunctionCallArguments(@Nullable JsonNode arguments, @Nullable ToolResult error) {
    static FunctionCallArguments parse(FunctionCall call) {
        if (call.arguments().isBlank()) {
            return new FunctionCallArguments(null, null);
        }
        try {
            return new FunctionCallArguments(AutogenJson.mapper().readTree(call.arguments()), null);
        } catch (JsonProcessingException e) {
            return new FunctionCallArguments(null, ToolResult.error(call.name(), "Invalid JSON arguments for tool '"
                    + call.name() + "': " + e.getOriginalMessage() + "; arguments were: " + call.arguments()));
        }
    }
}
