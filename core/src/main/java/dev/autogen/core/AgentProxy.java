package dev.autogen.core;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A handle on one agent through its runtime: send it messages and read or restore its state without
 * touching the instance.
 *
 * <!-- java-context: AgentRuntime runtime; record Message(int content) {} -->
 * <pre>{@code
 * var checker = new AgentProxy(AgentId.of("checker"), runtime);
 * checker.sendMessage(new Message(10));
 * }</pre>
 *
 * @param id the agent
 * @param runtime the runtime that hosts it
 */
public record AgentProxy(AgentId id, AgentRuntime runtime) {
    public AgentProxy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runtime, "runtime");
    }

    /** The agent's metadata. */
    public AgentMetadata metadata() {
        return runtime.agentMetadata(id);
    }

    /** Sends a direct message and waits for the reply. */
    public @Nullable Object sendMessage(Object message) {
        return runtime.sendMessage(message, id);
    }

    /** Sends a direct message as {@code sender}, cancellable with {@code token}, and waits for the reply. */
    public @Nullable Object sendMessage(Object message, @Nullable AgentId sender, @Nullable CancellationToken token) {
        return runtime.sendMessage(message, id, sender, token);
    }

    /** The agent's state. */
    public Map<String, Object> saveState() {
        return runtime.agentSaveState(id);
    }

    /** Restores the agent's state. */
    public void loadState(Map<String, Object> state) {
        runtime.agentLoadState(id, state);
    }
}
