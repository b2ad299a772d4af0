package dev.autogen.ext.opentelemetry.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import java.util.List;

/**
 * The JSON of {@code gen_ai.input.messages} and {@code gen_ai.output.messages}: a list of
 * {@code {"role", "parts": [...]}} in the shape the GenAI conventions give (text, tool_call and
 * tool_call_response parts). Written only when message content capture is on.
 */
final class MessageContent {
    private MessageContent() {
    }

    static String input(List<LLMMessage> messages) {
        ArrayNode list = AutogenJson.mapper().createArrayNode();
        for (LLMMessage message : messages) {
            ObjectNode node = list.addObject();
            ArrayNode parts = AutogenJson.mapper().createArrayNode();
            switch (message) {
                case SystemMessage system -> {
                    node.put("role", "system");
                    text(parts, system.content());
                }
                case UserMessage user -> {
                    node.put("role", "user");
                    text(parts, user.content().toText());
                }
                case AssistantMessage assistant -> {
                    node.put("role", "assistant");
                    content(parts, assistant.content());
                }
                case FunctionExecutionResultMessage results -> {
                    node.put("role", "tool");
                    for (FunctionExecutionResult result : results.content()) {
                        parts.addObject().put("type", "tool_call_response").put("id", result.callId())
                                .put("response", result.content());
                    }
                }
            }
            node.set("parts", parts);
        }
        return list.toString();
    }

    static String output(CreateResult result) {
        ArrayNode list = AutogenJson.mapper().createArrayNode();
        ObjectNode node = list.addObject().put("role", "assistant");
        ArrayNode parts = node.putArray("parts");
        content(parts, result.content());
        node.put("finish_reason", result.finishReason().value());
        return list.toString();
    }

    private static void content(ArrayNode parts, ModelContent content) {
        switch (content) {
            case ModelContent.Text text -> text(parts, text.text());
            case ModelContent.FunctionCalls calls -> {
                for (FunctionCall call : calls.calls()) {
                    parts.addObject().put("type", "tool_call").put("id", call.id()).put("name", call.name())
                            .put("arguments", call.arguments());
                }
            }
        }
    }

    private static void text(ArrayNode parts, String text) {
        parts.addObject().put("type", "text").put("content", text);
    }
}
