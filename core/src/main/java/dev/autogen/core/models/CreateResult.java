package dev.autogen.core.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.FunctionCall;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The output of one model call: the last item of a {@link ChatCompletionStream} and the result of
 * {@link ChatCompletionClient#create}.
 *
 * <!-- java-context: ChatCompletionClient client; -->
 * <pre>{@code
 * CreateResult r = client.create(List.of(new UserMessage("Hi", "user")));
 * if (r.content() instanceof ModelContent.Text t) System.out.println(t.text());
 * }</pre>
 *
 * @param finishReason why generation stopped
 * @param content text, or the function calls requested
 * @param usage tokens used by this call
 * @param cached whether the result came from a cache
 * @param logprobs token log probabilities, if requested
 * @param thought reasoning text, or text that came beside function calls; null if none
 */
@JsonPropertyOrder({"finish_reason", "content", "usage", "cached", "logprobs", "thought"})
public record CreateResult(
        FinishReason finishReason,
        ModelContent content,
        RequestUsage usage,
        boolean cached,
        @Nullable List<ChatCompletionTokenLogprob> logprobs,
        @Nullable String thought) implements CreateStreamItem {

    @JsonCreator
    public CreateResult {
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(usage, "usage");
        logprobs = logprobs == null ? null : List.copyOf(logprobs);
    }

    /** A text result with finish reason {@code stop}. */
    public static CreateResult ofText(String text, RequestUsage usage) {
        return new CreateResult(FinishReason.STOP, new ModelContent.Text(text), usage, false, null, null);
    }

    /** A function-call result with finish reason {@code function_calls}. */
    public static CreateResult ofCalls(List<FunctionCall> calls, RequestUsage usage) {
        return new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(calls), usage, false, null, null);
    }

    /** A copy with another usage. */
    public CreateResult withUsage(RequestUsage newUsage) {
        return new CreateResult(finishReason, content, newUsage, cached, logprobs, thought);
    }

    /** A copy with another cached flag. */
    public CreateResult withCached(boolean newCached) {
        return new CreateResult(finishReason, content, usage, newCached, logprobs, thought);
    }
}
