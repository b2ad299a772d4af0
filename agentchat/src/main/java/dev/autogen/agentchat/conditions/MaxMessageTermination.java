package dev.autogen.agentchat.conditions;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Stops the run once {@code maxMessages} messages have been produced, counting the task itself.
 * Only chat messages ({@link BaseChatMessage}) count unless {@code includeAgentEvent} is set, in
 * which case agent events (tool calls, thoughts, ...) count too.
 *
 * <!-- java-context: import dev.autogen.agentchat.teams.RoundRobinGroupChat;
 *      import dev.autogen.agentchat.agents.AssistantAgent; AssistantAgent writer; AssistantAgent critic; -->
 * <pre>{@code
 * var team = RoundRobinGroupChat.builder(List.of(writer, critic))
 *         .terminationCondition(new MaxMessageTermination(5))
 *         .build();
 * // stop reason: "Maximum number of messages 5 reached, current message count: 5"
 * }</pre>
 *
 * <p>Component provider {@code autogen_agentchat.conditions.MaxMessageTermination}, config
 * {@code {"max_messages": 5, "include_agent_event": false}}.
 */
public final class MaxMessageTermination implements TerminationCondition, Component<MaxMessageTermination.Config> {
    /** The provider string Python AutoGen uses. */
    public static final String PROVIDER = "autogen_agentchat.conditions.MaxMessageTermination";

    private static final ComponentProvider<MaxMessageTermination, Config> COMPONENT_PROVIDER = new Provider();

    private final int maxMessages;
    private final boolean includeAgentEvent;
    private volatile int messageCount;

    /**
     * Stops after {@code maxMessages} chat messages.
     *
     * @throws IllegalArgumentException if {@code maxMessages} is below 1
     */
    public MaxMessageTermination(int maxMessages) {
        this(maxMessages, false);
    }

    /**
     * Stops after {@code maxMessages} messages, agent events included when {@code includeAgentEvent}.
     *
     * @throws IllegalArgumentException if {@code maxMessages} is below 1
     */
    public MaxMessageTermination(int maxMessages, boolean includeAgentEvent) {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("max_messages must be at least 1, got " + maxMessages);
        }
        this.maxMessages = maxMessages;
        this.includeAgentEvent = includeAgentEvent;
    }

    /** The number of messages that stops the run. */
    public int maxMessages() {
        return maxMessages;
    }

    /** Whether agent events are counted as well as chat messages. */
    public boolean includeAgentEvent() {
        return includeAgentEvent;
    }

    /** The messages counted since the last reset. */
    public int messageCount() {
        return messageCount;
    }

    @Override
    public boolean terminated() {
        return messageCount >= maxMessages;
    }

    @Override
    public @Nullable StopMessage check(List<? extends BaseMessage> messages) {
        if (terminated()) {
            throw Conditions.alreadyReached();
        }
        int counted = 0;
        for (BaseMessage message : messages) {
            if (includeAgentEvent || message instanceof BaseChatMessage) {
                counted++;
            }
        }
        int count = messageCount + counted;
        messageCount = count;
        if (count >= maxMessages) {
            return new StopMessage("Maximum number of messages " + maxMessages + " reached, current message count: "
                    + count, "MaxMessageTermination");
        }
        return null;
    }

    @Override
    public void reset() {
        messageCount = 0;
    }

    @Override
    public ComponentProvider<?, Config> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    @Override
    public Config toConfig() {
        return new Config(maxMessages, includeAgentEvent);
    }

    @Override
    public String toString() {
        return "MaxMessageTermination[maxMessages=" + maxMessages + ", includeAgentEvent=" + includeAgentEvent + "]";
    }

    /**
     * The config, Python's {@code MaxMessageTerminationConfig}.
     *
     * @param maxMessages the number of messages that stops the run
     * @param includeAgentEvent whether agent events count (false when absent)
     */
    public record Config(@JsonProperty(required = true) int maxMessages, boolean includeAgentEvent) {
    }

    /** Loads and writes {@code autogen_agentchat.conditions.MaxMessageTermination} configs. */
    public static final class Provider extends AbstractComponentProvider<MaxMessageTermination, Config> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.TERMINATION, MaxMessageTermination.class, Config.class,
                    "Terminate the conversation after a maximum number of messages have been exchanged.");
            withAliases("autogen_agentchat.conditions._terminations.MaxMessageTermination",
                    MaxMessageTermination.class.getName());
        }

        @Override
        public MaxMessageTermination fromConfig(Config config, ComponentContext context) {
            if (config.maxMessages() < 1) {
                throw context.invalid("max_messages", "must be at least 1, got " + config.maxMessages());
            }
            return new MaxMessageTermination(config.maxMessages(), config.includeAgentEvent());
        }
    }
}
