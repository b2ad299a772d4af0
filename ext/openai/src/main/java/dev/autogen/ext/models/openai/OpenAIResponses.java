package dev.autogen.ext.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.ChatCompletionTokenLogprob;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.TopLogprob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns OpenAI chat-completion answers (a whole completion, or a stream of chunks) into
 * {@link CreateResult}s as Python's client does: tool calls win over text (text beside them becomes
 * the thought), finish reasons are normalised, reasoning arrives as {@code reasoning_content} or,
 * for R1-family models, inside {@code <think>...</think>}.
 */
final class OpenAIResponses {
    private static final Logger TRACE = LoggerFactory.getLogger("autogen_core.trace");
    private static final Map<String, FinishReason> STOP_REASONS = Map.of(
            "stop", FinishReason.STOP,
            "length", FinishReason.LENGTH,
            "content_filter", FinishReason.CONTENT_FILTER,
            "function_calls", FinishReason.FUNCTION_CALLS,
            "end_turn", FinishReason.STOP,
            "tool_calls", FinishReason.FUNCTION_CALLS);

    private OpenAIResponses() {
    }

    /** Python's {@code normalize_stop_reason}: known reasons mapped, anything else (or none) {@code unknown}. */
    static FinishReason normalizeStopReason(@Nullable String reason) {
        if (reason == null) {
            return FinishReason.UNKNOWN;
        }
        return STOP_REASONS.getOrDefault(reason.toLowerCase(Locale.ROOT), FinishReason.UNKNOWN);
    }

    /** The usage of a completion or of the last stream chunk; zero when the server sent none. */
    static RequestUsage usage(@Nullable JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return RequestUsage.ZERO;
        }
        return new RequestUsage(usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0));
    }

    /**
     * The result of a non-streamed completion.
     *
     * @throws OpenAIException if the completion has no choice or no message
     */
    static CreateResult fromCompletion(JsonNode completion, ModelInfo info, String source) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) {
            throw new OpenAIException("the answer of " + source + " has no choices[0].message: "
                    + abbreviate(completion.toString()));
        }
        if (message.hasNonNull("function_call")) {
            throw new OpenAIException("function_call is deprecated and is not supported by this model client.");
        }
        RequestUsage usage = usage(completion.get("usage"));
        String text = textOrNull(message.get("content"));
        String thought = textOrNull(message.get("reasoning_content"));
        if (thought == null) {
            thought = textOrNull(message.get("reasoning"));
        }
        JsonNode toolCalls = message.get("tool_calls");
        ModelContent content;
        FinishReason finish;
        if (toolCalls != null && toolCalls.isArray() && !toolCalls.isEmpty()) {
            String reason = textOrNull(choice.get("finish_reason"));
            if (!"tool_calls".equals(reason)) {
                TRACE.warn("Finish reason mismatch: {} != tool_calls when tool_calls are present. Finish reason may not"
                        + " be accurate. This may be due to the API used that is not returning the correct finish reason.",
                        reason);
            }
            List<FunctionCall> calls = new ArrayList<>();
            for (JsonNode call : toolCalls) {
                JsonNode function = call.path("function");
                JsonNode arguments = function.path("arguments");
                calls.add(new FunctionCall(call.path("id").asText(""),
                        arguments.isTextual() ? arguments.textValue() : arguments.isMissingNode() ? "" : arguments.toString(),
                        OpenAIMessages.normalizeName(function.path("name").asText(""))));
            }
            content = new ModelContent.FunctionCalls(calls);
            if (text != null && !text.isEmpty() && thought == null) {
                thought = text;
            }
            finish = FinishReason.FUNCTION_CALLS;
        } else {
            String body = text == null ? "" : text;
            if (thought == null && ModelFamily.R1.equals(info.family())) {
                String[] split = parseR1Content(body);
                thought = split[0];
                body = split[1];
            }
            content = new ModelContent.Text(body);
            finish = normalizeStopReason(textOrNull(choice.get("finish_reason")));
        }
        return new CreateResult(finish, content, usage, false, logprobs(choice.get("logprobs")), thought);
    }

    /**
     * Python's {@code parse_r1_content}: {@code [thought, content]} with the text between
     * {@code <think>} and {@code </think>} as the thought (null when there is none).
     */
    static @Nullable String[] parseR1Content(String content) {
        int start = content.indexOf("<think>");
        int end = content.indexOf("</think>");
        if (start == -1 || end == -1) {
            TRACE.warn("Could not find <think>..</think> field in model response content. No thought was extracted.");
            return new String[] {null, content};
        }
        if (end < start) {
            TRACE.warn("Found </think> before <think> in model response content. No thought was extracted.");
            return new String[] {null, content};
        }
        return new String[] {content.substring(start + "<think>".length(), end).strip(),
                content.substring(end + "</think>".length()).strip()};
    }

    static @Nullable List<ChatCompletionTokenLogprob> logprobs(@Nullable JsonNode logprobs) {
        JsonNode content = logprobs == null ? null : logprobs.get("content");
        if (content == null || !content.isArray() || content.isEmpty()) {
            return null;
        }
        List<ChatCompletionTokenLogprob> out = new ArrayList<>();
        for (JsonNode token : content) {
            List<TopLogprob> top = new ArrayList<>();
            for (JsonNode alternative : token.path("top_logprobs")) {
                top.add(new TopLogprob(alternative.path("logprob").asDouble(), bytes(alternative.get("bytes"))));
            }
            out.add(new ChatCompletionTokenLogprob(token.path("token").asText(""), token.path("logprob").asDouble(), top,
                    bytes(token.get("bytes"))));
        }
        return out;
    }

    private static @Nullable List<Integer> bytes(@Nullable JsonNode bytes) {
        if (bytes == null || !bytes.isArray()) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        bytes.forEach(b -> out.add(b.asInt()));
        return out;
    }

    static @Nullable String textOrNull(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    /**
     * Accumulates the chunks of a streamed completion. {@link #accept} returns the text to hand to
     * the reader for each chunk (reasoning is wrapped in {@code <think>...</think>}, as Python
     * streams it); {@link #finish} builds the final result.
     */
    static final class StreamAccumulator {
        private final ModelInfo info;
        private final StringBuilder content = new StringBuilder();
        private final StringBuilder thought = new StringBuilder();
        private final Map<Integer, String[]> toolCalls = new TreeMap<>();
        private @Nullable String stopReason;
        private @Nullable JsonNode usage;
        private @Nullable List<ChatCompletionTokenLogprob> logprobs;
        private boolean reasoning;
        private int emptyChunks;

        StreamAccumulator(ModelInfo info) {
            this.info = info;
        }

        /** Takes one chunk; returns the text pieces to stream to the reader, in order. */
        List<String> accept(JsonNode chunk) {
            if (chunk.hasNonNull("usage")) {
                usage = chunk.get("usage");
            }
            JsonNode choices = chunk.path("choices");
            if (!choices.isArray() || choices.isEmpty()) {
                if (usage == null && ++emptyChunks == 10) {
                    TRACE.warn("Received more than 10 consecutive empty chunks. Empty chunks are being ignored.");
                }
                return List.of();
            }
            emptyChunks = 0;
            JsonNode choice = choices.get(0);
            String reason = textOrNull(choice.get("finish_reason"));
            if (reason != null) {
                stopReason = reason;
            }
            JsonNode delta = choice.path("delta");
            List<String> out = new ArrayList<>(2);
            String reasoningDelta = textOrNull(delta.get("reasoning_content"));
            if (reasoningDelta == null) {
                reasoningDelta = textOrNull(delta.get("reasoning"));
            }
            if (reasoningDelta != null && !reasoningDelta.isEmpty()) {
                thought.append(reasoningDelta);
                out.add(reasoning ? reasoningDelta : "<think>" + reasoningDelta);
                reasoning = true;
            } else if (reasoning) {
                reasoning = false;
                out.add("</think>");
            }
            String text = textOrNull(delta.get("content"));
            if (text != null && !text.isEmpty()) {
                content.append(text);
                out.add(text);
            }
            for (JsonNode call : delta.path("tool_calls")) {
                int index = call.path("index").asInt(toolCalls.size());
                String[] parts = toolCalls.computeIfAbsent(index, i -> new String[] {"", "", ""});
                if (call.hasNonNull("id")) {
                    parts[0] += call.get("id").asText();
                }
                JsonNode function = call.path("function");
                if (function.hasNonNull("name")) {
                    parts[2] += function.get("name").asText();
                }
                if (function.hasNonNull("arguments")) {
                    JsonNode arguments = function.get("arguments");
                    parts[1] += arguments.isTextual() ? arguments.textValue() : arguments.toString();
                }
            }
            List<ChatCompletionTokenLogprob> chunkLogprobs = logprobs(choice.get("logprobs"));
            if (chunkLogprobs != null) {
                if (logprobs == null) {
                    logprobs = new ArrayList<>();
                }
                logprobs.addAll(chunkLogprobs);
            }
            return out;
        }

        /** Whether a chunk carried a {@code finish_reason}, so the answer is whole even without {@code [DONE]}. */
        boolean finished() {
            return stopReason != null;
        }

        /** Text still to stream once the chunks have ended (a reasoning section left open). */
        List<String> flush() {
            if (reasoning) {
                reasoning = false;
                return List.of("</think>");
            }
            return List.of();
        }

        /** The final result. */
        CreateResult finish() {
            if ("function_call".equals(stopReason)) {
                throw new OpenAIException("Function calls are not supported in this context");
            }
            String thoughtText = thought.isEmpty() ? null : thought.toString();
            ModelContent result;
            FinishReason finish = normalizeStopReason(stopReason);
            if (!toolCalls.isEmpty()) {
                List<FunctionCall> calls = new ArrayList<>();
                for (String[] parts : toolCalls.values()) {
                    calls.add(new FunctionCall(parts[0], parts[1], OpenAIMessages.normalizeName(parts[2])));
                }
                result = new ModelContent.FunctionCalls(calls);
                if (!content.isEmpty() && thoughtText == null) {
                    thoughtText = content.toString();
                }
                finish = FinishReason.FUNCTION_CALLS;
            } else {
                String text = content.toString();
                if (text.isEmpty()) {
                    TRACE.warn("No text content or tool calls are available. Model returned empty result.");
                }
                if (thoughtText == null && ModelFamily.R1.equals(info.family())) {
                    String[] split = parseR1Content(text);
                    thoughtText = split[0];
                    text = split[1];
                }
                result = new ModelContent.Text(text);
            }
            return new CreateResult(finish, result, usage(usage), false, logprobs, thoughtText);
        }
    }
}
