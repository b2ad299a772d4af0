package dev.autogen.agentchat.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * An {@link ApprovalFunc}'s verdict, as Python's {@code ApprovalResponse}. A refusal's reason is shown
 * to the other agents: {@code "Code execution was not approved. Reason: <reason>"}.
 *
 * @param approved whether the code may run
 * @param reason why
 */
@JsonPropertyOrder({"approved", "reason"})
public record ApprovalResponse(@JsonProperty(required = true) boolean approved,
        @JsonProperty(required = true) String reason) {
    public ApprovalResponse {
        Objects.requireNonNull(reason, "reason");
    }

    /** Lets the code run. */
    public static ApprovalResponse approve(String reason) {
        return new ApprovalResponse(true, reason);
    }

    /** Refuses the code. */
    public static ApprovalResponse deny(String reason) {
        return new ApprovalResponse(false, reason);
    }
}
