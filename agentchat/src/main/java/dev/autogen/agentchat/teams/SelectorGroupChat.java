package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.model_context.ChatCompletionContext;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.utils.PythonText;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A team whose next speaker is chosen after every turn by a chat-completion model reading the
 * conversation, as Python's {@code SelectorGroupChat}. A {@link SelectorFunc} can choose instead of the
 * model (returning {@code null} hands the choice back to the model), and a {@link CandidateFunc} can narrow
 * the names the model chooses from. Unless {@code allowRepeatedSpeaker} is set, the previous speaker is
 * not offered to the model; a model that still picks it, or names no participant or several, is told so
 * and asked again, up to {@code maxSelectorAttempts} times, after which the previous speaker (or the first
 * candidate) speaks.
 *
 * <!-- java-context: import dev.autogen.agentchat.conditions.TextMentionTermination;
 *      import dev.autogen.core.models.ChatCompletionClient; import dev.autogen.agentchat.agents.AssistantAgent;
 *      import dev.autogen.agentchat.ui.Console; ChatCompletionClient modelClient; AssistantAgent travelAdvisor;
 *      AssistantAgent hotelAgent; AssistantAgent flightAgent; -->
 * <pre>{@code
 * var team = SelectorGroupChat.builder(List.of(travelAdvisor, hotelAgent, flightAgent), modelClient)
 *         .terminationCondition(new TextMentionTermination("TERMINATE"))
 *         .build();
 * Console.print(team.runStream("Book a 3-day trip to new york."));
 * }</pre>
 *
 * <p>The selector and candidate functions are code, so {@link #dumpComponent()} leaves them out, as Python does.
 */
public class SelectorGroupChat extends BaseGroupChat implements Component<SelectorGroupChatConfig> {
    /** The Python provider name. */
    public static final String PROVIDER = "autogen_agentchat.teams.SelectorGroupChat";
    /** The manager's name, its key in the team state. */
    public static final String MANAGER_NAME = "SelectorGroupChatManager";
    /** The team's name unless one is given. */
    public static final String DEFAULT_NAME = "SelectorGroupChat";
    /** The team's description unless one is given. */
    public static final String DEFAULT_DESCRIPTION = "A team of agents.";
    /** Python's default prompt; {@code {roles}}, {@code {participants}} and {@code {history}} are filled in. */
    public static final String DEFAULT_SELECTOR_PROMPT = """
            You are in a role play game. The following roles are available:
            {roles}.
            Read the following conversation. Then select the next role from {participants} to play. Only return the role.

            {history}

            Read the above conversation. Then select the next role from {participants} to play. Only return the role.
            """;

    /** Chooses the next speaker from the conversation so far, or returns {@code null} to let the model choose. */
    @FunctionalInterface
    public interface SelectorFunc {
        @Nullable String select(List<BaseMessage> thread);
    }

    /** Narrows the names the model may choose from, given the conversation so far; never empty. */
    @FunctionalInterface
    public interface CandidateFunc {
        List<String> candidates(List<BaseMessage> thread);
    }

    private final ChatCompletionClient modelClient;
    private final String selectorPrompt;
    private final boolean allowRepeatedSpeaker;
    private final int maxSelectorAttempts;
    private final @Nullable SelectorFunc selectorFunc;
    private final @Nullable CandidateFunc candidateFunc;
    private final boolean modelClientStreaming;
    private final @Nullable ChatCompletionContext modelContext;

    /** A team of {@code participants} whose speakers {@code modelClient} chooses, stopping on {@code terminationCondition}. */
    public SelectorGroupChat(List<? extends Participant> participants, ChatCompletionClient modelClient,
            @Nullable TerminationCondition terminationCondition) {
        this(builder(participants, modelClient).terminationCondition(terminationCondition));
    }

    protected SelectorGroupChat(Builder b) {
        super(b.name, b.description, b.participants, MANAGER_NAME, b.terminationCondition, b.maxTurns, b.runtime,
                b.customMessageTypes, b.emitTeamEvents, b.teamId);
        if (b.participants.size() < 2) {
            throw new IllegalArgumentException("At least two participants are required for SelectorGroupChat; team '"
                    + b.name + "' has " + b.participants.size() + " (use RoundRobinGroupChat for a single agent)");
        }
        if (b.maxSelectorAttempts < 1) {
            throw new IllegalArgumentException("team '" + b.name + "': max_selector_attempts must be at least 1, got "
                    + b.maxSelectorAttempts);
        }
        try {
            PythonText.format(b.selectorPrompt, Map.of("roles", "", "participants", "", "history", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("team '" + b.name + "': invalid selector_prompt (it may use {roles}, "
                    + "{participants} and {history}; write {{ and }} for literal braces): " + e.getMessage(), e);
        }
        this.modelClient = b.modelClient;
        this.selectorPrompt = b.selectorPrompt;
        this.allowRepeatedSpeaker = b.allowRepeatedSpeaker;
        this.maxSelectorAttempts = b.maxSelectorAttempts;
        this.selectorFunc = b.selectorFunc;
        this.candidateFunc = b.candidateFunc;
        this.modelClientStreaming = b.modelClientStreaming;
        this.modelContext = b.modelContext;
    }

    /** Starts building a team of {@code participants} (agents or teams) whose speakers {@code modelClient} chooses. */
    public static Builder builder(List<? extends Participant> participants, ChatCompletionClient modelClient) {
        return new Builder(participants, modelClient);
    }

    @Override
    protected BaseGroupChatManager createManager(TeamWiring wiring) {
        return new SelectorGroupChatManager(wiring, this);
    }

    /** The model choosing speakers. */
    public ChatCompletionClient modelClient() {
        return modelClient;
    }

    /** The selection prompt template. */
    public String selectorPrompt() {
        return selectorPrompt;
    }

    /** Whether the previous speaker is offered to the model again. */
    public boolean allowRepeatedSpeaker() {
        return allowRepeatedSpeaker;
    }

    /** How often the model is asked before falling back. */
    public int maxSelectorAttempts() {
        return maxSelectorAttempts;
    }

    /** The function choosing speakers before the model, if any. */
    public @Nullable SelectorFunc selectorFunc() {
        return selectorFunc;
    }

    /** The function narrowing the model's candidates, if any. */
    public @Nullable CandidateFunc candidateFunc() {
        return candidateFunc;
    }

    /** Whether the selector model is streamed. */
    public boolean modelClientStreaming() {
        return modelClientStreaming;
    }

    /** The context the selector model's history comes from, if one was given (else an unbounded one is used). */
    public @Nullable ChatCompletionContext modelContext() {
        return modelContext;
    }

    @Override
    public ComponentProvider<?, SelectorGroupChatConfig> componentProvider() {
        return new SelectorGroupChatProvider();
    }

    @Override
    public SelectorGroupChatConfig toConfig() {
        return SelectorGroupChatConfig.of(this);
    }

    /** Builds a {@link SelectorGroupChat}. */
    public static final class Builder extends BaseGroupChat.Builder<Builder> {
        private final ChatCompletionClient modelClient;
        private String selectorPrompt = DEFAULT_SELECTOR_PROMPT;
        private boolean allowRepeatedSpeaker;
        private int maxSelectorAttempts = 3;
        private @Nullable SelectorFunc selectorFunc;
        private @Nullable CandidateFunc candidateFunc;
        private boolean modelClientStreaming;
        private @Nullable ChatCompletionContext modelContext;

        Builder(List<? extends Participant> participants, ChatCompletionClient modelClient) {
            super(participants, DEFAULT_NAME);
            this.modelClient = Objects.requireNonNull(modelClient, "modelClient");
        }

        /** The prompt template; it may use {@code {roles}}, {@code {participants}} and {@code {history}}. */
        public Builder selectorPrompt(String prompt) {
            this.selectorPrompt = Objects.requireNonNull(prompt, "selectorPrompt");
            return this;
        }

        /** Whether the previous speaker is offered to the model again (default false). */
        public Builder allowRepeatedSpeaker(boolean allow) {
            this.allowRepeatedSpeaker = allow;
            return this;
        }

        /** How often the model is asked for a valid name before falling back (default 3). */
        public Builder maxSelectorAttempts(int attempts) {
            this.maxSelectorAttempts = attempts;
            return this;
        }

        /** Chooses speakers before the model; a {@code null} answer lets the model choose. */
        public Builder selectorFunc(@Nullable SelectorFunc func) {
            this.selectorFunc = func;
            return this;
        }

        /** Narrows the model's candidates; replaces the repeated-speaker rule. Used only when the selector function does not choose. */
        public Builder candidateFunc(@Nullable CandidateFunc func) {
            this.candidateFunc = func;
            return this;
        }

        /** Streams the selector model (useful for reasoning models); chunks appear as team events. */
        public Builder modelClientStreaming(boolean streaming) {
            this.modelClientStreaming = streaming;
            return this;
        }

        /**
         * The context holding the history the selector model reads, e.g. a buffered one to show it only
         * the latest messages; its initial messages are cleared when the team is reset.
         */
        public Builder modelContext(@Nullable ChatCompletionContext context) {
            this.modelContext = context;
            return this;
        }

        public SelectorGroupChat build() {
            return new SelectorGroupChat(this);
        }
    }
}
