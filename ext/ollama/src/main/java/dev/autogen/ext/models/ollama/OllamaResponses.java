package dev.autogen.ext.models.ollama;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code /api/chat} answers into {@link CreateResult}s: a whole response, or the
 * newline-delimited JSON objects of a streamed one. Usage comes from {@code prompt_eval_count} and
 * {@code eval_count}; {@code message.thinking} becomes the thought.
 */
final class OllamaResponses {
    private static final ObjectMapper JSON = AutogenJson.mapper();

    private OllamaResponses() {
    }

    static FinishReason finishReason(@Nullable String doneReason, boolean hasCalls) {
        if (hasCalls) {
            return FinishReason.FUNCTION_CALLS;
        }
        if (doneReason == null) {
            return FinishReason.UNKNOWN;
        }
        return switch (doneReason) {
            case "stop", "end_turn" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "tool_calls" -> FinishReason.FUNCTION_CALLS;
            default -> FinishReason.UNKNOWN;
        };
    }

    static JsonNode parse(String text, String where) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new OllamaApiException("Ollama response from " + where + " is not a JSON object: "
                        + abbreviate(text), 200);
            }
            if (node.hasNonNull("error")) {
                throw new OllamaApiException("Ollama at " + where + " reported an error: "
                        + node.get("error").asText(), 200);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new OllamaApiException("Ollama response from " + where + " is not valid JSON ("
                    + e.getOriginalMessage() + "): " + abbreviate(text), 200, e);
        }
    }

    static CreateResult fromResponse(JsonNode response, Supplier<String> nextId, boolean r1) {
        var accumulator = new Accumulator(nextId, r1, item -> { });
        accumulator.accept(response);
        return accumulator.finish();
    }

    /**
     * Splits an R1-style answer {@code <think>reasoning</think>answer} into {thought or null, answer},
     * as Python's {@code parse_r1_content}.
     */
    static @Nullable String[] splitThinkTags(String text) {
        int open = text.indexOf("<think>");
        int close = text.indexOf("</think>");
        if (open < 0 || close < open) {
            return new String[] {null, text};
        }
        String thought = text.substring(open + "<think>".length(), close).strip();
        String answer = text.substring(close + "</think>".length()).strip();
        return new String[] {thought, answer};
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** Folds response objects (one, or the lines of a stream), handing content on as chunks. */
    static final class Accumulator {
        private final Supplier<String> nextId;
        private final boolean r1;
        private final Consumer<CreateStreamItem> sink;
        private final StringBuilder content = new StringBuilder();
        private final StringBuilder thinking = new StringBuilder();
        private final List<FunctionCall> calls = new ArrayList<>();
        private @Nullable String doneReason;
        private int promptTokens;
        private int completionTokens;
        private boolean done;

        Accumulator(Supplier<String> nextId, boolean r1, Consumer<CreateStreamItem> sink) {
            this.nextId = nextId;
            this.r1 = r1;
            this.sink = sink;
        }

        void accept(JsonNode response) {
            JsonNode message = response.path("message");
            String text = message.path("content").asText("");
            if (!text.isEmpty()) {
                content.append(text);
                sink.accept(new ChatCompletionChunk(text));
            }
            thinking.append(message.path("thinking").asText(""));
            for (JsonNode call : message.path("tool_calls")) {
                JsonNode function = call.path("function");
                JsonNode arguments = function.get("arguments");
                String args = arguments == null || arguments.isNull() ? "{}"
                        : arguments.isTextual() ? arguments.asText() : arguments.toString();
                String id = call.hasNonNull("id") ? call.get("id").asText() : nextId.get();
                calls.add(new FunctionCall(id, args, OllamaMessages.normalizeName(function.path("name").asText())));
            }
            if (response.path("done").asBoolean(false)) {
                done = true;
                doneReason = response.path("done_reason").asText(null);
                promptTokens = response.path("prompt_eval_count").asInt(0);
                completionTokens = response.path("eval_count").asInt(0);
            }
        }

        boolean done() {
            return done;
        }

        CreateResult finish() {
            String thought = thinking.isEmpty() ? null : thinking.toString();
            ModelContent result;
            if (!calls.isEmpty()) {
                result = new ModelContent.FunctionCalls(calls);
                if (!content.isEmpty()) {
                    thought = thought == null ? content.toString() : thought + "\n" + content;
                }
            } else {
                String text = content.toString();
                if (r1 && thought == null) {
                    String[] split = splitThinkTags(text);
                    thought = split[0];
                    text = split[1];
                }
                result = new ModelContent.Text(text);
            }
            return new CreateResult(finishReason(doneReason, !calls.isEmpty()), result,
                    new RequestUsage(promptTokens, completionTokens), false, null, thought);
        }
    }
}
