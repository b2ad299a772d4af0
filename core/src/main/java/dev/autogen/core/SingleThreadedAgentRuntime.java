package dev.autogen.core;

import dev.autogen.core.runtime.InProcessAgentRuntime;

/**
 * Python AutoGen's name for the local, embedded runtime. In Java it is an {@link InProcessAgentRuntime}:
 * agents run on virtual threads, each handling one message at a time, different agents in parallel.
 * Use whichever name reads better; they behave the same.
 *
 * <!-- java-context: record Message(int content) {} -->
 * <pre>{@code
 * var runtime = new SingleThreadedAgentRuntime();
 * runtime.start();
 * runtime.sendMessage(new Message(10), AgentId.of("checker"));
 * runtime.stopWhenIdle();
 * }</pre>
 */
public final class SingleThreadedAgentRuntime extends InProcessAgentRuntime {
    /** A runtime with default options. */
    public SingleThreadedAgentRuntime() {
        super(builder());
    }

    /** A runtime with the options of {@code builder}. */
    public SingleThreadedAgentRuntime(InProcessAgentRuntime.Builder builder) {
        super(builder);
    }
}
