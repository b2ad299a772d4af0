package dev.autogen.agentchat.agents;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.models.LLMMessage;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link CodeExecutorAgent} asks its {@link ApprovalFunc} to approve, as Python's
 * {@code ApprovalRequest}.
 *
 * @param code the code blocks about to run, each as a markdown fence (e.g. {@code ```python ... ```}),
 *     separated by blank lines
 * @param context the agent's model context at this point (empty when it has no model client)
 */
@JsonPropertyOrder({"code", "context"})
public record ApprovalRequest(String code, List<LLMMessage> context) {
    public ApprovalRequest {
        Objects.requireNonNull(code, "code");
        context = List.copyOf(context);
    }
}
