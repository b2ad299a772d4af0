package dev.autogen.agentchat.agents;

import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.UserInputRequestedEvent;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.utils.Concurrency;
import dev.autogen.core.utils.RandomIds;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An agent that stands for a human: each turn it asks its {@link InputFunction} (the console unless
 * given another) and answers with what the user typed. Before asking it emits a
 * {@link UserInputRequestedEvent}, so a UI reading the stream can show a prompt; the input function can
 * read that event's id with {@link InputRequestContext#requestId()}.
 *
 * <!-- java-context: import dev.autogen.agentchat.teams.RoundRobinGroupChat; AssistantAgent assistant;
 *      interface WebSocket { String ask(String prompt); } WebSocket webSocket; -->
 * <pre>{@code
 * var user = new UserProxyAgent("user", (prompt, token) -> webSocket.ask(prompt));
 * var team = RoundRobinGroupChat.builder(List.of(assistant, user)).build();
 * }</pre>
 *
 * <p>When the last new message is a {@link HandoffMessage} to this agent, the reply is a handoff back
 * to the agent that handed off. A waiting user blocks the whole team: cancel the run's token (or set
 * {@link Builder#inputTimeout}) to stop waiting; for slow humans prefer ending the run with a
 * {@code HandoffTermination} and running again with the user's answer.
 */
public class UserProxyAgent extends BaseChatAgent implements Component<UserProxyAgentConfig> {
    /** The Python provider name of this component. */
    public static final String PROVIDER = "autogen_agentchat.agents.UserProxyAgent";
    /** Python AutoGen's default description. */
    public static final String DEFAULT_DESCRIPTION = "A human user";

    private final InputFunction inputFunction;
    private final @Nullable Duration inputTimeout;

    /** A user proxy reading the console. */
    public UserProxyAgent(String name) {
        this(builder(name));
    }

    /** A user proxy asking {@code inputFunction}. */
    public UserProxyAgent(String name, InputFunction inputFunction) {
        this(builder(name).inputFunction(inputFunction));
    }

    /** Starts building a user proxy named {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    protected UserProxyAgent(Builder b) {
        super(b.name, b.description);
        this.inputFunction = b.inputFunction;
        this.inputTimeout = b.inputTimeout;
    }

    /** The input function. */
    public InputFunction inputFunction() {
        return inputFunction;
    }

    @Override
    public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
        return List.of(TextMessage.class, HandoffMessage.class);
    }

    @Override
    public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken) {
        return onMessagesStream(messages, cancellationToken, message -> {
        });
    }

    /**
     * Emits a {@link UserInputRequestedEvent}, then waits for the input function.
     *
     * @throws UserInputException if the input function fails or returns null, or the last message is a
     *     handoff to another agent
     * @throws CancellationException if the token is cancelled, the thread interrupted, or the input
     *     timeout passes while waiting
     */
    @Override
    public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events) {
        Objects.requireNonNull(cancellationToken, "cancellationToken");
        HandoffMessage handoff = latestHandoff(messages);
        String prompt = handoff != null
                ? "Handoff received from " + handoff.source() + ". Enter your response: "
                : "Enter your response: ";
        String requestId = RandomIds.uuid4();
        events.accept(new UserInputRequestedEvent(requestId, name()));
        String input = requestInput(prompt, requestId, cancellationToken);
        BaseChatMessage reply = handoff != null
                ? new HandoffMessage(input, name(), handoff.source(), List.of())
                : new TextMessage(input, name());
        return new Response(reply);
    }

    private @Nullable HandoffMessage latestHandoff(List<? extends BaseChatMessage> messages) {
        if (messages.isEmpty() || !(messages.get(messages.size() - 1) instanceof HandoffMessage handoff)) {
            return null;
        }
        if (!handoff.target().equals(name())) {
            throw new UserInputException("Failed to get user input: Handoff message target does not match agent "
                    + "name: the last message hands off from '" + handoff.source() + "' to '" + handoff.target()
                    + "', but this agent is '" + name() + "'");
        }
        return handoff;
    }

    private String requestInput(String prompt, String requestId, CancellationToken token) {
        token.throwIfCancelled();
        FutureTask<String> task = new FutureTask<>(
                () -> InputRequestContext.call(requestId, () -> inputFunction.getInput(prompt, token)));
        Concurrency.startThread("autogen-user-input-" + name(), task);
        try {
            String input = Concurrency.await(task, token, inputTimeout, "the user");
            if (input == null) {
                throw new UserInputException("Failed to get user input: the input function of agent '" + name()
                        + "' returned null");
            }
            return input;
        } catch (CancellationException e) {
            throw cancelled(Thread.currentThread().isInterrupted() ? "interrupted while waiting for the user"
                    : "the run was cancelled while waiting for the user", e);
        } catch (TimeoutException e) {
            throw cancelled("the user gave no input within " + inputTimeout, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CancellationException || (token.isCancelled() && cause instanceof InterruptedException)) {
                throw cancelled("the input function was cancelled", cause);
            }
            String detail = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            throw new UserInputException("Failed to get user input: " + detail, cause);
        }
    }

    private CancellationException cancelled(String why, Throwable cause) {
        var cancelled = new CancellationException("agent '" + name() + "': " + why);
        cancelled.initCause(cause);
        return cancelled;
    }

    /** Nothing to reset: the agent keeps no state. */
    @Override
    public void onReset(CancellationToken cancellationToken) {
    }

    /** Its component model (BaseChatAgent's refusal applies only to agents without a config). */
    @Override
    public ComponentModel dumpComponent() {
        return Component.super.dumpComponent();
    }

    @Override
    public ComponentProvider<?, UserProxyAgentConfig> componentProvider() {
        return new UserProxyAgentProvider();
    }

    /** Name and description; the input function is code and is left out, as Python does. */
    @Override
    public UserProxyAgentConfig toConfig() {
        return new UserProxyAgentConfig(name(), description(), null);
    }

    /**
     * Which user input request the current input function call answers: the {@code request_id} of the
     * {@link UserInputRequestedEvent} emitted just before the call.
     *
     * <!-- java-context: interface Ui { String prompt(String requestId, String prompt); } Ui ui; -->
     * <pre>{@code
     * InputFunction ask = (prompt, token) -> ui.prompt(UserProxyAgent.InputRequestContext.requestId(), prompt);
     * }</pre>
     *
     * <p>The id lives in a {@link ThreadLocal} of the thread the agent starts for each call (a
     * {@code ScopedValue} would say this better but is a preview API in Java 21); threads the input
     * function starts itself do not see it, so read it first and pass it on.
     */
    public static final class InputRequestContext {
        private static final ThreadLocal<@Nullable String> REQUEST_ID = new ThreadLocal<>();

        private InputRequestContext() {
        }

        /**
         * The current request id.
         *
         * @throws IllegalStateException when called outside an input function of a {@link UserProxyAgent}
         */
        public static String requestId() {
            String id = REQUEST_ID.get();
            if (id == null) {
                throw new IllegalStateException("InputRequestContext.requestId() must be called within the input "
                        + "function of a UserProxyAgent");
            }
            return id;
        }

        static <T> T call(String requestId, Callable<T> body) throws Exception {
            REQUEST_ID.set(requestId);
            try {
                return body.call();
            } finally {
                REQUEST_ID.remove();
            }
        }
    }

    /** Builds a {@link UserProxyAgent}. */
    public static final class Builder {
        private final String name;
        private String description = DEFAULT_DESCRIPTION;
        private InputFunction inputFunction = InputFunction.console();
        private @Nullable Duration inputTimeout;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** What the agent does, for teams choosing speakers; default {@value UserProxyAgent#DEFAULT_DESCRIPTION}. */
        public Builder description(String newDescription) {
            this.description = Objects.requireNonNull(newDescription, "description");
            return this;
        }

        /** Where replies come from; the console unless set. */
        public Builder inputFunction(InputFunction function) {
            this.inputFunction = Objects.requireNonNull(function, "inputFunction");
            return this;
        }

        /**
         * How long to wait for each reply before giving up with a {@link CancellationException}, as
         * Python AutoGen's docs advise (time out, then cancel); no limit unless set.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder inputTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("agent '" + name + "': input timeout must be positive, got " + timeout);
            }
            this.inputTimeout = timeout;
            return this;
        }

        /**
         * Builds the agent.
         *
         * @throws IllegalArgumentException if the name is not a valid identifier
         */
        public UserProxyAgent build() {
            return new UserProxyAgent(this);
        }
    }
}
