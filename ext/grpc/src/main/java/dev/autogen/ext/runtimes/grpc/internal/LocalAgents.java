package dev.autogen.ext.runtimes.grpc.internal;

import dev.autogen.core.AgentRuntime;
import dev.autogen.core.RuntimeListener;
import dev.autogen.core.TopicId;
import dev.autogen.core.runtime.InProcessAgentRuntime;
import java.util.List;
import java.util.function.Supplier;

/**
 * The agents a worker hosts, run by the in-process runtime, but created with and bound to the
 * worker's runtime, so that what they send and publish goes through the worker (and so, for agents
 * elsewhere, through the host).
 */
public final class LocalAgents extends InProcessAgentRuntime {
    private final Supplier<AgentRuntime> worker;

    /** Options of the in-process runtime that the worker passes on. */
    public record Options(RuntimeListener.Factory listenerFactory, List<dev.autogen.core.InterventionHandler> interventions,
            boolean ignoreUnhandledExceptions) {
    }

    public LocalAgents(Options options, Supplier<AgentRuntime> worker) {
        super(builderFor(options));
        this.worker = worker;
    }

    private static Builder builderFor(Options options) {
        Builder builder = InProcessAgentRuntime.builder()
                .listenerFactory(options.listenerFactory())
                .ignoreUnhandledExceptions(options.ignoreUnhandledExceptions());
        options.interventions().forEach(builder::interventionHandler);
        return builder;
    }

    @Override
    protected AgentRuntime agentsRuntime() {
        return worker.get();
    }

    /** Whether this worker serves the agent type. */
    public boolean serves(String agentType) {
        return isRegistered(agentType);
    }

    /** Whether an agent here is subscribed to {@code topic}. */
    public boolean subscribed(TopicId topic) {
        return hasSubscribers(topic);
    }

    /** Whether no message is queued or being handled here. */
    public boolean idle() {
        return isIdle();
    }

    /** Has a waiting {@code stopWhen} look at its condition again. */
    public void recheck() {
        recheckStopConditions();
    }
}
