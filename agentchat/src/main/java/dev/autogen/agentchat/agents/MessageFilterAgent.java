package dev.autogen.agentchat.agents;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.state.AgentChatState;
import dev.autogen.agentchat.state.MessageFilterAgentState;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * (Experimental) An agent that shows another agent only some of the messages it receives: for each
 * source in its {@link MessageFilterConfig}, the first or last few. In a looping graph this keeps an
 * agent's view short, e.g. the user's task and the last message of its reviewer.
 *
 * <!-- java-context: AssistantAgent writerInner; -->
 * <pre>{@code
 * var writer = new MessageFilterAgent("writer", writerInner, MessageFilterConfig.of(
 *         PerSourceFilter.first("user", 1),
 *         PerSourceFilter.last("reviewer", 1)));
 * }</pre>
 *
 * <p>It answers as the wrapped agent does (its events and reply pass through unchanged, in streaming
 * too), and reset, pause, resume and close go to the wrapped agent. Its description is the wrapped
 * agent's plus {@code " (with message filtering)"}.
 */
public class MessageFilterAgent extends BaseChatAgent implements Component<MessageFilterAgentConfig> {
    /** The Python provider name of this component. */
    public static final String PROVIDER = "autogen_agentchat.agents.MessageFilterAgent";

    private final ChatAgent wrappedAgent;
    private final MessageFilterConfig filter;

    /**
     * @param name this agent's name, used by teams (the wrapped agent's name is not)
     * @param wrappedAgent the agent that sees the filtered messages and answers
     * @param filter which messages it sees
     */
    public MessageFilterAgent(String name, ChatAgent wrappedAgent, MessageFilterConfig filter) {
        super(name, Objects.requireNonNull(wrappedAgent, "wrappedAgent").description() + " (with message filtering)");
        this.wrappedAgent = wrappedAgent;
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /** The agent that answers. */
    public ChatAgent wrappedAgent() {
        return wrappedAgent;
    }

    /** The filter. */
    public MessageFilterConfig filter() {
        return filter;
    }

    @Override
    public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
        return wrappedAgent.producedMessageTypes();
    }

    /** The messages the wrapped agent gets: per filter, in filter order, the kept messages of its source. */
    public List<BaseChatMessage> applyFilter(List<? extends BaseChatMessage> messages) {
        List<BaseChatMessage> all = List.copyOf(messages);
        List<BaseChatMessage> result = new ArrayList<>();
        for (PerSourceFilter sourceFilter : filter.perSource()) {
            result.addAll(sourceFilter.select(all));
        }
        return List.copyOf(result);
    }

    @Override
    public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken) {
        return wrappedAgent.onMessages(applyFilter(messages), cancellationToken);
    }

    @Override
    public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events) {
        return wrappedAgent.onMessagesStream(applyFilter(messages), cancellationToken, events);
    }

    @Override
    public void onReset(CancellationToken cancellationToken) {
        wrappedAgent.onReset(cancellationToken);
    }

    @Override
    public void onPause(CancellationToken cancellationToken) {
        wrappedAgent.onPause(cancellationToken);
    }

    @Override
    public void onResume(CancellationToken cancellationToken) {
        wrappedAgent.onResume(cancellationToken);
    }

    /**
     * Its state is Python's, {@code {"type": "BaseState", "version": "1.0.0"}}: Python 0.7.5 saves nothing
     * of the wrapped agent, and a team's state must load in Python. Loading accepts that {@code BaseState},
     * which restores nothing, and the state earlier versions of this library wrote, which restores
     * the wrapped agent.
     */
    @Override
    public void loadState(Map<String, ?> state) {
        if ("BaseState".equals(state.get("type"))) {
            return;
        }
        MessageFilterAgentState loaded = AgentChatState.fromMap(state, MessageFilterAgentState.class,
                MessageFilterAgentState.TYPE);
        wrappedAgent.loadState(loaded.wrappedAgentState());
    }

    @Override
    public void close() {
        wrappedAgent.close();
    }

    /** Its component model (BaseChatAgent's refusal applies only to agents without a config). */
    @Override
    public ComponentModel dumpComponent() {
        return Component.super.dumpComponent();
    }

    @Override
    public ComponentProvider<?, MessageFilterAgentConfig> componentProvider() {
        return new MessageFilterAgentProvider();
    }

    /**
     * @throws UnsupportedOperationException if the wrapped agent has no component config
     */
    @Override
    public MessageFilterAgentConfig toConfig() {
        return new MessageFilterAgentConfig(name(), wrappedAgent.dumpComponent(), filter);
    }
}
