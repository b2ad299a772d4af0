package dev.autogen.agentchat.base;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.agentchat.messages.BaseMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a run: the task messages (unless they were left out), every event and chat
 * message produced, and why the run stopped. Its JSON equals Python's
 * {@code TaskResult.model_dump(mode="json")}.
 *
 * @param messages everything in the order it happened (streaming chunks excluded)
 * @param stopReason why the run stopped, e.g. {@code "Maximum number of turns 1 reached."}; null when
 *     a single agent simply answered
 */
@JsonPropertyOrder({"messages", "stop_reason"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TaskResult(List<BaseMessage> messages, @Nullable String stopReason) implements TurnResult {
    public TaskResult {
        messages = List.copyOf(messages);
    }
}
