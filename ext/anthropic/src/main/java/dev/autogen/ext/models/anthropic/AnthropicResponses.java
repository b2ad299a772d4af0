package dev.autogen.ext.models.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.http.ChatProtocol;
import dev.autogen.ext.http.StreamFraming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads Messages API responses into {@link CreateResult}s: a whole message, or the server-sent
 * events of a streamed one. Tool uses become function calls; thinking blocks (and any text that
 * comes beside tool uses) become the thought.
 */
final class AnthropicResponses {
    private static final ObjectMapper JSON = AutogenJson.mapper();

    private AnthropicResponses() {
    }

    /** Python's {@code normalize_stop_reason}. */
    static FinishReason finishReason(@Nullable String stopReason) {
        if (stopReason == null) {
            return FinishReason.UNKNOWN;
        }
        return switch (stopReason.toLowerCase(java.util.Locale.ROOT)) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "max_tokens" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.FUNCTION_CALLS;
            default -> FinishReason.UNKNOWN;
        };
    }

    /**
     * The result of a non-streamed message.
     *
     * @throws AnthropicApiException if the message lacks {@code content} or {@code usage}
     */
    static CreateResult fromMessage(JsonNode message, String where) {
        JsonNode content = message.get("content");
        if (content == null || !content.isArray()) {
            throw new AnthropicApiException("Anthropic response from " + where + " has no 'content' array: "
                    + abbreviate(message.toString()), 200, null, null);
        }
        var text = new StringBuilder();
        var thinking = new StringBuilder();
        List<FunctionCall> calls = new ArrayList<>();
        for (JsonNode block : content) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "thinking" -> thinking.append(block.path("thinking").asText());
                case "tool_use" -> calls.add(new FunctionCall(block.path("id").asText(),
                        inputToArguments(block.get("input")), AnthropicMessages.normalizeName(block.path("name").asText())));
                default -> { }
            }
        }
        JsonNode usage = message.path("usage");
        var requestUsage = new RequestUsage(usage.path("input_tokens").asInt(0), usage.path("output_tokens").asInt(0));
        return result(message.path("stop_reason").asText(null), text.toString(), thinking.toString(), calls,
                requestUsage);
    }

    private static CreateResult result(@Nullable String stopReason, String text, String thinking,
            List<FunctionCall> calls, RequestUsage usage) {
        String thought = thinking.isEmpty() ? null : thinking;
        ModelContent content;
        if (!calls.isEmpty()) {
            content = new ModelContent.FunctionCalls(calls);
            if (!text.isEmpty()) {
                thought = thought == null ? text : thought + "\n" + text;
            }
        } else {
            content = new ModelContent.Text(text);
        }
        return new CreateResult(finishReason(stopReason), content, usage, false, null, thought);
    }

    private static String inputToArguments(@Nullable JsonNode input) {
        if (input == null || input.isNull()) {
            return "";
        }
        return input.isTextual() ? input.asText() : input.toString();
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /**
     * Folds the events of one streamed message, handing text deltas on as {@link ChatCompletionChunk}s.
     * Not thread-safe; one per stream.
     */
    static final class StreamState implements ChatProtocol.StreamDecoder {
        private final String where;
        private final Consumer<CreateStreamItem> sink;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder thinking = new StringBuilder();
        private final Map<String, String[]> tools = new LinkedHashMap<>();
        private @Nullable String currentToolId;
        private @Nullable String stopReason;
        private int inputTokens;
        private int outputTokens;
        private boolean stopped;

        StreamState(String where, Consumer<CreateStreamItem> sink) {
            this.where = where;
            this.sink = sink;
        }

        @Override
        public void accept(StreamFraming.Frame frame) {
            onEvent(frame.name(), frame.data());
        }

        /**
         * Handles one event.
         *
         * @throws AnthropicApiException for an {@code error} event or data that is not JSON
         */
        void onEvent(@Nullable String event, String data) {
            JsonNode node;
            try {
                node = JSON.readTree(data);
            } catch (JsonProcessingException e) {
                throw new AnthropicApiException("Anthropic stream from " + where + " sent an event"
                        + (event != null ? " '" + event + "'" : "") + " whose data is not valid JSON ("
                        + e.getOriginalMessage() + "): " + abbreviate(data), 200, null, e);
            }
            String type = node.path("type").asText(event == null ? "" : event);
            switch (type) {
                case "message_start" -> {
                    JsonNode usage = node.path("message").path("usage");
                    inputTokens = usage.path("input_tokens").asInt(inputTokens);
                    outputTokens = usage.path("output_tokens").asInt(outputTokens);
                }
                case "content_block_start" -> {
                    JsonNode block = node.path("content_block");
                    if (block.path("type").asText().equals("tool_use")) {
                        currentToolId = block.path("id").asText();
                        tools.put(currentToolId, new String[] {block.path("name").asText(), ""});
                    } else if (block.path("type").asText().equals("text") && !block.path("text").asText().isEmpty()) {
                        emitText(block.path("text").asText());
                    }
                }
                case "content_block_delta" -> {
                    JsonNode delta = node.path("delta");
                    switch (delta.path("type").asText()) {
                        case "text_delta" -> emitText(delta.path("text").asText());
                        case "thinking_delta" -> thinking.append(delta.path("thinking").asText());
                        case "input_json_delta" -> {
                            if (currentToolId != null) {
                                tools.get(currentToolId)[1] += delta.path("partial_json").asText();
                            }
                        }
                        default -> { }
                    }
                }
                case "content_block_stop" -> currentToolId = null;
                case "message_delta" -> {
                    String reason = node.path("delta").path("stop_reason").asText(null);
                    if (reason != null) {
                        stopReason = reason;
                    }
                    outputTokens = node.path("usage").path("output_tokens").asInt(outputTokens);
                }
                case "message_stop" -> stopped = true;
                case "error" -> {
                    JsonNode error = node.path("error");
                    String errorType = error.path("type").asText(null);
                    throw new AnthropicApiException("Anthropic stream from " + where + " reported an error"
                            + (errorType != null ? " (" + errorType + ")" : "") + ": "
                            + error.path("message").asText(abbreviate(data)), 200, errorType, null);
                }
                default -> { }
            }
        }

        private void emitText(String delta) {
            text.append(delta);
            if (!delta.isEmpty()) {
                sink.accept(new ChatCompletionChunk(delta));
            }
        }

        @Override
        public boolean complete() {
            return stopped;
        }

        /**
         * The final result.
         *
         * @throws AnthropicApiException if the stream ended before {@code message_stop}
         */
        @Override
        public CreateResult finish() {
            if (!stopped) {
                throw new AnthropicApiException("Anthropic stream from " + where
                        + " ended before its message_stop event (connection closed early?)", 200, null, null);
            }
            List<FunctionCall> calls = new ArrayList<>();
            tools.forEach((id, nameAndInput) -> calls.add(new FunctionCall(id, normalizeArguments(nameAndInput[1]),
                    AnthropicMessages.normalizeName(nameAndInput[0]))));
            return result(stopReason, text.toString(), thinking.toString(), calls,
                    new RequestUsage(inputTokens, outputTokens));
        }

        RequestUsage usage() {
            return new RequestUsage(inputTokens, outputTokens);
        }

        private static String normalizeArguments(String input) {
            String trimmed = input.strip();
            if (trimmed.isEmpty()) {
                return "{}";
            }
            try {
                return JSON.readTree(trimmed).toString();
            } catch (JsonProcessingException e) {
                return input;
            }
        }
    }
}
