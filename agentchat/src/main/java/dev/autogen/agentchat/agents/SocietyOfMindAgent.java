package dev.autogen.agentchat.agents;

import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.state.AgentChatState;
import dev.autogen.agentchat.state.SocietyOfMindAgentState;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.model_context.ChatCompletionContext;
import dev.autogen.core.model_context.UnboundedChatCompletionContext;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An agent that answers with an inner team: each call runs the team on the new messages, then the
 * model writes one standalone answer from the team's transcript (the instruction, the transcript, then
 * the response prompt), then the team is reset. Messages from earlier calls reach the team as a
 * {@link HandoffMessage} carrying the agent's model context.
 *
 * <!-- java-context: import dev.autogen.agentchat.teams.RoundRobinGroupChat;
 *      import dev.autogen.agentchat.conditions.TextMentionTermination;
 *      import dev.autogen.core.models.ChatCompletionClient; AssistantAgent writer; AssistantAgent editor;
 *      ChatCompletionClient modelClient; AssistantAgent translator; -->
 * <pre>{@code
 * var inner = new RoundRobinGroupChat(List.of(writer, editor), new TextMentionTermination("APPROVE"));
 * var societyOfMind = SocietyOfMindAgent.builder("society_of_mind", inner, modelClient).build();
 * var team = RoundRobinGroupChat.builder(List.of(societyOfMind, translator)).maxTurns(2).build();
 * }</pre>
 *
 * <p>The inner team's messages stream out of {@link #onMessagesStream} as they happen; the
 * {@link Response} itself carries no inner messages.
 */
public class SocietyOfMindAgent extends BaseChatAgent implements Component<SocietyOfMindAgentConfig> {
    /** The Python provider name. */
    public static final String PROVIDER = "autogen_agentchat.agents.SocietyOfMindAgent";
    /** The description unless another is given. */
    public static final String DEFAULT_DESCRIPTION = "An agent that uses an inner team of agents to generate responses.";
    /** Put before the transcript when asking for the answer. */
    public static final String DEFAULT_INSTRUCTION = "Earlier you were asked to fulfill a request. You and your team "
            + "worked diligently to address that request. Here is a transcript of that conversation:";
    /** Put after the transcript when asking for the answer. */
    public static final String DEFAULT_RESPONSE_PROMPT = "Output a standalone response to the original request, "
            + "without mentioning any of the intermediate discussion.";

    private final Team team;
    private final ChatCompletionClient modelClient;
    private final String instruction;
    private final String responsePrompt;
    private final ChatCompletionContext modelContext;

    protected SocietyOfMindAgent(Builder b) {
        super(b.name, b.description);
        this.team = b.team;
        this.modelClient = b.modelClient;
        this.instruction = b.instruction;
        this.responsePrompt = b.responsePrompt;
        this.modelContext = b.modelContext != null ? b.modelContext : new UnboundedChatCompletionContext();
    }

    /** An agent with the default description, instruction and response prompt. */
    public SocietyOfMindAgent(String name, Team team, ChatCompletionClient modelClient) {
        this(builder(name, team, modelClient));
    }

    /** Starts building an agent named {@code name} answering with {@code team}. */
    public static Builder builder(String name, Team team, ChatCompletionClient modelClient) {
        return new Builder(name, team, modelClient);
    }

    /** The inner team. */
    public Team team() {
        return team;
    }

    /** The model writing the final answer. */
    public ChatCompletionClient modelClient() {
        return modelClient;
    }

    /** The messages of earlier calls, given to the team at the next call. */
    public ChatCompletionContext modelContext() {
        return modelContext;
    }

    public String instruction() {
        return instruction;
    }

    public String responsePrompt() {
        return responsePrompt;
    }

    @Override
    public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
        return List.of(TextMessage.class);
    }

    @Override
    public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken) {
        return onMessagesStream(messages, cancellationToken, message -> {
        });
    }

    @Override
    public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events) {
        List<BaseChatMessage> task = new ArrayList<>(messages);
        List<LLMMessage> previous = modelContext.getMessages();
        if (!previous.isEmpty()) {
            task.addFirst(new HandoffMessage("relevant previous messages", name(), "", previous));
        }
        RunOptions options = (task.isEmpty() ? RunOptions.none() : RunOptions.task(task))
                .withCancellationToken(cancellationToken).withOutputTaskMessages(false);
        List<BaseMessage> inner = new ArrayList<>();
        try (MessageStream<TaskResult> stream = team.runStream(options)) {
            for (BaseMessage message : stream) {
                events.accept(message);
                if (!(message instanceof ModelClientStreamingChunkEvent)) {
                    inner.add(message);
                }
            }
            stream.result();
        }

        Response response;
        if (inner.isEmpty()) {
            response = new Response(new TextMessage("No response.", name()));
        } else {
            boolean systemMessages = Boolean.TRUE.equals(modelClient.modelInfo().multipleSystemMessages());
            List<LLMMessage> prompt = new ArrayList<>();
            prompt.add(systemMessages ? new SystemMessage(instruction) : new UserMessage(instruction, "user"));
            for (BaseMessage message : inner) {
                if (message instanceof BaseChatMessage chat) {
                    prompt.add(chat.toModelMessage());
                }
            }
            prompt.add(systemMessages ? new SystemMessage(responsePrompt) : new UserMessage(responsePrompt, "user"));
            CreateResult completion = modelClient.create(CreateRequest.builder(prompt)
                    .cancellationToken(cancellationToken).build());
            if (!(completion.content() instanceof ModelContent.Text text)) {
                throw new IllegalStateException("agent '" + name() + "': the model answered with function calls; "
                        + "it must answer with text");
            }
            response = new Response(new TextMessage(text.text(), name()).withModelsUsage(completion.usage()));
        }

        for (BaseChatMessage message : messages) {
            if (message instanceof HandoffMessage handoff) {
                handoff.context().forEach(modelContext::addMessage);
            }
            modelContext.addMessage(message.toModelMessage());
        }
        team.reset();
        return response;
    }

    /** Resets the inner team and clears the model context. */
    @Override
    public void onReset(CancellationToken cancellationToken) {
        team.reset();
        modelContext.clear();
    }

    /** Python's {@code SocietyOfMindAgentState}: the inner team's state. */
    @Override
    public Map<String, Object> saveState() {
        return SocietyOfMindAgentState.of(team.saveState()).toMap();
    }

    @Override
    public void loadState(Map<String, ?> state) {
        SocietyOfMindAgentState loaded = AgentChatState.fromMap(state, SocietyOfMindAgentState.class,
                SocietyOfMindAgentState.TYPE);
        team.loadState(loaded.innerTeamState());
    }

    @Override
    public void close() {
        team.close();
    }

    @Override
    public ComponentProvider<?, SocietyOfMindAgentConfig> componentProvider() {
        return new SocietyOfMindAgentProvider();
    }

    @Override
    public SocietyOfMindAgentConfig toConfig() {
        return new SocietyOfMindAgentConfig(name(), team.dumpComponent(), modelClient.dumpComponent(), description(),
                instruction, responsePrompt, modelContext.dumpComponent());
    }

    /** Builds a {@link SocietyOfMindAgent}. */
    public static final class Builder {
        private final String name;
        private final Team team;
        private final ChatCompletionClient modelClient;
        private String description = DEFAULT_DESCRIPTION;
        private String instruction = DEFAULT_INSTRUCTION;
        private String responsePrompt = DEFAULT_RESPONSE_PROMPT;
        private @Nullable ChatCompletionContext modelContext;

        Builder(String name, Team team, ChatCompletionClient modelClient) {
            this.name = Objects.requireNonNull(name, "name");
            this.team = Objects.requireNonNull(team, "team");
            this.modelClient = Objects.requireNonNull(modelClient, "modelClient");
        }

        /** What the agent does, for teams choosing speakers. */
        public Builder description(String newDescription) {
            this.description = Objects.requireNonNull(newDescription, "description");
            return this;
        }

        /** Sent before the transcript (as a system message when the model takes several). */
        public Builder instruction(String newInstruction) {
            this.instruction = Objects.requireNonNull(newInstruction, "instruction");
            return this;
        }

        /** Sent after the transcript (as a system message when the model takes several). */
        public Builder responsePrompt(String prompt) {
            this.responsePrompt = Objects.requireNonNull(prompt, "responsePrompt");
            return this;
        }

        /** Keeps the messages of earlier calls, e.g. a buffered context to bound them; cleared on reset. */
        public Builder modelContext(@Nullable ChatCompletionContext context) {
            this.modelContext = context;
            return this;
        }

        public SocietyOfMindAgent build() {
            return new SocietyOfMindAgent(this);
        }
    }
}
