package dev.autogen.agentchat.agents;

/**
 * Decides whether a {@link CodeExecutorAgent} may run code, called before every execution (Python's
 * {@code approval_func}). It may block, e.g. to ask a human or a model.
 *
 * <pre>{@code
 * ApprovalFunc noDeletes = request -> request.code().contains("rm ")
 *         ? ApprovalResponse.deny("deleting files is not allowed")
 *         : ApprovalResponse.approve("looks safe");
 * }</pre>
 */
@FunctionalInterface
public interface ApprovalFunc {
    /**
     * Approves or refuses the request.
     *
     * @throws Exception any failure; it ends the agent's turn with that error
     */
    ApprovalResponse approve(ApprovalRequest request) throws Exception;
}
