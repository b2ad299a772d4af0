package dev.autogen.agentchat.agents;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.state.BaseState;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.utils.Concurrency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The base of every agent: implement {@link #onMessages}, {@link #onReset} and
 * {@link #producedMessageTypes()}; override {@link #onMessagesStream(List, CancellationToken, Consumer)}
 * to stream events as they happen, and {@link #saveState()}/{@link #loadState} if the agent has state.
 * {@code run} and {@code runStream} come for free.
 *
 * <!-- java-context: import dev.autogen.agentchat.messages.TextMessage; -->
 * <pre>{@code
 * class CountDownAgent extends BaseChatAgent {
 *     private int count = 3;
 *     CountDownAgent() { super("counter", "Counts down."); }
 *
 *     public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken token) {
 *         return new Response(new TextMessage(String.valueOf(count--), name()));
 *     }
 *     public void onReset(CancellationToken token) { count = 3; }
 *     public List<Class<? extends BaseChatMessage>> producedMessageTypes() { return List.of(TextMessage.class); }
 * }
 * }</pre>
 */
public abstract class BaseChatAgent implements ChatAgent {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String name;
    private final String description;

    /**
     * @param name a valid identifier, unique within a team
     * @param description what the agent does, for teams choosing speakers
     */
    protected BaseChatAgent(String name, String description) {
        Objects.requireNonNull(name, "name");
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("agent name '" + name + "' must be a valid identifier "
                    + "(letters, digits and underscores, not starting with a digit)");
        }
        this.name = name;
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    /** Calls {@link #onMessages} and hands its inner messages to {@code events}, then answers. */
    @Override
    public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events) {
        Response response = onMessages(messages, cancellationToken);
        response.innerMessages().forEach(events);
        return response;
    }

    /** Runs on the calling thread; cancelling the token interrupts it. */
    @Override
    public TaskResult run(RunOptions options) {
        return execute(options, message -> {
        });
    }

    @Override
    public MessageStream<TaskResult> runStream(RunOptions options) {
        CancellationToken token = options.cancellationTokenOrNew();
        RunOptions withToken = options.withCancellationToken(token);
        return MessageStream.produce("autogen-agent-" + name, token, emit -> execute(withToken, emit));
    }

    private TaskResult execute(RunOptions options, Consumer<BaseMessage> emit) {
        CancellationToken token = options.cancellationTokenOrNew();
        List<BaseMessage> output = new ArrayList<>();
        if (options.outputTaskMessages()) {
            for (BaseChatMessage message : options.task()) {
                emit.accept(message);
                output.add(message);
            }
        }
        Response response = Concurrency.callInterruptibly(token, () -> onMessagesStream(options.task(), token, message -> {
            emit.accept(message);
            if (!(message instanceof ModelClientStreamingChunkEvent)) {
                output.add(message);
            }
        }));
        emit.accept(response.chatMessage());
        output.add(response.chatMessage());
        return new TaskResult(output, null);
    }

    /** Nothing to do unless overridden. */
    @Override
    public void onPause(CancellationToken cancellationToken) {
    }

    /** Nothing to do unless overridden. */
    @Override
    public void onResume(CancellationToken cancellationToken) {
    }

    /** {@code {"type": "BaseState", "version": "1.0.0"}} for agents without state. */
    @Override
    public Map<String, Object> saveState() {
        return BaseState.of("BaseState").toMap();
    }

    /** Nothing to restore unless overridden. */
    @Override
    public void loadState(Map<String, ?> state) {
    }

    /**
     * The agent's component config when it implements {@link Component}; agents built in code have none.
     *
     * @throws UnsupportedOperationException naming the agent, when it has no config
     */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ComponentModel dumpComponent() {
        if (this instanceof Component component) {
            return ((ComponentProvider) component.componentProvider()).toModel(component.toConfig());
        }
        throw new UnsupportedOperationException("agent '" + name + "' (" + getClass().getName()
                + ") cannot be written as a component config");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(name=" + name + ")";
    }
}
