package dev.autogen.agentchat.teams;

import static dev.autogen.agentchat.teams.RoundRobinGroupChatTest.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.TeamRunException;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.SelectSpeakerEvent;
import dev.autogen.agentchat.messages.SelectorEvent;
import dev.autogen.core.model_context.BufferedChatCompletionContext;
import dev.autogen.core.model_context.UnboundedChatCompletionContext;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorGroupChatTest {
    static AssistantAgent agent(String name, String... replies) {
        return AssistantAgent.builder(name, new ReplayChatCompletionClient(List.of((Object[]) replies)))
                .description("Agent " + name).build();
    }

    static ReplayChatCompletionClient selector(String... replies) {
        return new ReplayChatCompletionClient(List.of((Object[]) replies));
    }

    /** The text of each message sent to the selector model in its {@code call}-th request. */
    static List<String> sent(ReplayChatCompletionClient client, int call) {
        return client.createCalls().get(call).messages().stream().map(SelectorGroupChatTest::describe).toList();
    }

    static String describe(LLMMessage message) {
        return switch (message) {
            case SystemMessage s -> "system: " + s.content();
            case UserMessage u -> "user(" + u.source() + "): " + u.content().toText();
            case AssistantMessage a -> "assistant(" + a.source() + "): " + ((ModelContent.Text) a.content()).text();
            default -> message.toString();
        };
    }

    static String prompt(String participants, String history) {
        return "You are in a role play game. The following roles are available:\n"
                + "a: Agent a\nb: Agent b\nc: Agent c.\n"
                + "Read the following conversation. Then select the next role from " + participants
                + " to play. Only return the role.\n\n" + history + "\n\n"
                + "Read the above conversation. Then select the next role from " + participants
                + " to play. Only return the role.\n";
    }

    @Test
    void theModelPicksEachSpeakerFromPythonsPromptWithoutThePreviousSpeaker() {
        var model = selector("b", "I think c should go next.");
        var team = SelectorGroupChat.builder(List.of(agent("a", "a1"), agent("b", "b1"), agent("c", "c1")), model)
                .maxTurns(2).build();

        TaskResult result = team.run("go");

        assertThat(texts(result)).containsExactly("user: go", "b: b1", "c: c1");
        assertThat(sent(model, 0)).containsExactly("user(user): " + prompt("['a', 'b', 'c']", "user: go\n\n"));
        assertThat(sent(model, 1)).containsExactly(
                "user(user): " + prompt("['a', 'c']", "user: go\n\n\nb: b1\n\n"));
    }

    @Test
    void anOpenAiSelectorModelGetsThePromptAsASystemMessage() {
        var model = new ReplayChatCompletionClient(List.of("a"),
                new ModelInfo(false, false, false, "gpt-4o", false, null));
        var team = SelectorGroupChat.builder(List.of(agent("a", "a1"), agent("b")), model).maxTurns(1).build();
        team.run("go");
        assertThat(model.createCalls().get(0).messages()).singleElement().isInstanceOf(SystemMessage.class);
    }

    @Test
    void theSelectorFunctionChoosesAndHandsBackToTheModelWithNull() {
        // As in Python, a speaker chosen by the function does not count as the previous speaker.
        var model = selector("c");
        var team = SelectorGroupChat.builder(List.of(agent("a", "a1"), agent("b", "b1"), agent("c", "c1")), model)
                .selectorFunc(thread -> thread.getLast().source().equals("user") ? "a"
                        : thread.getLast().source().equals("a") ? null : "b")
                .maxTurns(3).build();

        TaskResult result = team.run("go");

        assertThat(texts(result)).containsExactly("user: go", "a: a1", "c: c1", "b: b1");
        assertThat(model.createCalls()).hasSize(1);
        assertThat(sent(model, 0).getFirst()).contains("select the next role from ['a', 'b', 'c']");
    }

    @Test
    void aSelectorFunctionNamingANonParticipantEndsTheRunWithPythonsError() {
        var team = SelectorGroupChat.builder(List.of(agent("a"), agent("b")), selector())
                .selectorFunc(thread -> "zed").build();
        assertThatThrownBy(() -> team.run("go")).isInstanceOf(TeamRunException.class)
                .hasMessageContaining("Selector function returned an invalid speaker name: zed. Expected one of: ['a', 'b'].");
    }

    @Test
    void theCandidateFunctionNarrowsTheChoiceAndReplacesTheRepeatedSpeakerRule() {
        var model = selector("a");
        var team = SelectorGroupChat.builder(List.of(agent("a", "a1", "a2"), agent("b"), agent("c", "c1")), model)
                .candidateFunc(thread -> thread.size() == 1 ? List.of("c") : List.of("a", "c"))
                .allowRepeatedSpeaker(true).maxTurns(2).build();

        TaskResult result = team.run("go");

        assertThat(texts(result)).containsExactly("user: go", "c: c1", "a: a1");
        assertThat(model.createCalls()).hasSize(1);
        assertThat(sent(model, 0).getFirst()).isEqualTo("user(user): " + prompt("['a', 'c']", "user: go\n\n\nc: c1\n\n"));

        var empty = SelectorGroupChat.builder(List.of(agent("a"), agent("b")), selector())
                .candidateFunc(thread -> List.of()).build();
        assertThatThrownBy(() -> empty.run("go"))
                .hasMessageContaining("Candidate function must return a non-empty list of participant names.");
    }

    @Test
    void afterFailedAttemptsTheModelIsToldWhyAndTheFirstCandidateSpeaks() {
        var model = selector("nobody", "a and b", "Maybe c? Or b.");
        var team = SelectorGroupChat.builder(List.of(agent("a", "a1"), agent("b"), agent("c")), model)
                .maxTurns(1).build();

        TaskResult result = team.run("go");

        assertThat(texts(result)).containsExactly("user: go", "a: a1");
        String first = "user(user): " + prompt("['a', 'b', 'c']", "user: go\n\n");
        assertThat(sent(model, 2)).containsExactly(first,
                "assistant(selector): nobody",
                "user(user): No valid name was mentioned. Please select from: ['a', 'b', 'c'].",
                "assistant(selector): a and b",
                "user(user): Expected exactly one name to be mentioned. Please select only one from: ['a', 'b', 'c'].");
    }

    @Test
    void aModelInsistingOnThePreviousSpeakerIsRefusedThenThePreviousSpeakerIsTheFallback() {
        var insisting = selector("a", "a", "a");
        var team2 = SelectorGroupChat.builder(List.of(agent("a", "a1", "a2"), agent("b"), agent("c")), insisting)
                .maxSelectorAttempts(2).maxTurns(2).build();

        TaskResult result2 = team2.run("go");

        assertThat(texts(result2)).containsExactly("user: go", "a: a1", "a: a2");
        assertThat(sent(insisting, 2)).containsExactly(
                "user(user): " + prompt("['b', 'c']", "user: go\n\n\na: a1\n\n"),
                "assistant(selector): a",
                "user(user): Repeated speaker is not allowed, please select a different name from: ['b', 'c'].");
    }

    @Test
    void withTwoParticipantsThePreviousSpeakerIsNeverRepeatedAndTheModelIsNotAsked() {
        var model = selector("a");
        var team = SelectorGroupChat.builder(List.of(agent("a", "a1", "a2"), agent("b", "b1")), model)
                .maxTurns(3).build();

        assertThat(texts(team.run("go"))).containsExactly("user: go", "a: a1", "b: b1", "a: a2");
        assertThat(model.createCalls()).hasSize(1);
    }

    @Test
    void allowingRepeatedSpeakersOffersEveryoneToTheModel() {
        var model = selector("a", "a");
        var team = SelectorGroupChat.builder(List.of(agent("a", "a1", "a2"), agent("b")), model)
                .allowRepeatedSpeaker(true).maxTurns(2).build();

        assertThat(texts(team.run("go"))).containsExactly("user: go", "a: a1", "a: a2");
        assertThat(sent(model, 1).getFirst()).contains("select the next role from ['a', 'b']");
    }

    @Test
    void aStreamingSelectorEmitsChunksAndItsReplyAsTeamEvents() {
        var model = selector("I pick b");
        var team = SelectorGroupChat.builder(List.of(agent("a"), agent("b", "b1"), agent("c")), model)
                .modelClientStreaming(true).emitTeamEvents(true).maxTurns(1).build();

        List<BaseMessage> seen = new ArrayList<>();
        TaskResult result;
        try (MessageStream<TaskResult> stream = team.runStream("go")) {
            stream.forEach(seen::add);
            result = stream.result();
        }

        assertThat(seen).filteredOn(ModelClientStreamingChunkEvent.class::isInstance)
                .extracting(BaseMessage::toText).containsExactly("I ", "pick ", "b");
        assertThat(result.messages()).extracting(m -> m.getClass().getSimpleName() + " " + m.source() + ": " + m.toText())
                .containsExactly("TextMessage user: go", "SelectorEvent SelectorGroupChatManager: I pick b",
                        "SelectSpeakerEvent SelectorGroupChatManager: ['b']", "TextMessage b: b1");
        assertThat(model.createCalls()).hasSize(1);
    }

    @Test
    void aSelectorEventReadsBackFromItsPythonJson() {
        var event = new SelectorEvent("I pick b", "SelectorGroupChatManager");
        JsonNode json = AutogenJson.mapper().valueToTree(event);
        assertThat(json.get("type").asText()).isEqualTo("SelectorEvent");
        assertThat(new dev.autogen.agentchat.messages.MessageFactory().create(json)).isEqualTo(event);
    }

    @Test
    void theModelContextDecidesWhichHistoryTheSelectorReadsAndResetClearsIt() {
        var model = selector("b", "a", "c", "a");
        var context = new BufferedChatCompletionContext(1, List.of(new UserMessage("earlier", "user")));
        var team = SelectorGroupChat.builder(List.of(agent("a", "a1", "a2"), agent("b", "b1"), agent("c", "c1")), model)
                .modelContext(context).maxTurns(2).build();

        team.run("go");
        assertThat(sent(model, 1).getFirst()).contains("\n\nb: b1\n\n\n\nRead the above").doesNotContain("user: go");

        team.reset();
        assertThat(context.getMessages()).isEmpty();
        team.run("again");
        assertThat(sent(model, 2).getFirst()).contains("\n\nuser: again\n\n\n\nRead the above")
                .doesNotContain("earlier");
    }

    @Test
    void aPreloadedContextIsPartOfTheHistory() {
        var model = selector("a");
        var context = new UnboundedChatCompletionContext(List.of(new UserMessage("we need a plan", "boss")));
        var team = SelectorGroupChat.builder(List.of(agent("a", "a1"), agent("b")), model)
                .modelContext(context).maxTurns(1).build();
        team.run("go");
        assertThat(sent(model, 0).getFirst()).contains("boss: we need a plan\n\n\nuser: go\n\n");
    }

    @Test
    void mentionsAreCountedLikePython() {
        var names = List.of("Story_writer", "critic", "a");
        assertThat(SelectorGroupChatManager.mentionedAgents("Story writer, then Story\\_writer, then Story_writer", names))
                .containsExactly(Map.entry("Story_writer", 3));
        assertThat(SelectorGroupChatManager.mentionedAgents("critics are criticized; ask (critic)", names))
                .containsExactly(Map.entry("critic", 1));
        assertThat(SelectorGroupChatManager.mentionedAgents("a", names)).containsExactly(Map.entry("a", 1));
        assertThat(SelectorGroupChatManager.mentionedAgents("Critic", names)).isEmpty();
    }

    @Test
    void saveRebuildLoadContinueGivesTheSameConversationAsNeverStopping() {
        var uninterrupted = SelectorGroupChat.builder(List.of(agent("a", "a1", "a2"), agent("b", "b1"), agent("c", "c1")),
                selector("b", "a")).maxTurns(1).build();
        uninterrupted.run("go");
        List<String> expected = texts(uninterrupted.run());

        var first = SelectorGroupChat.builder(List.of(agent("a", "a1", "a2"), agent("b", "b1"), agent("c", "c1")),
                selector("b")).maxTurns(1).build();
        first.run("go");
        Map<String, Object> saved = first.saveState();
        JsonNode manager = AutogenJson.mapper().valueToTree(saved).at("/agent_states/SelectorGroupChatManager");
        assertThat(RoundRobinGroupChatTest.fieldNames(manager))
                .containsExactly("type", "version", "message_thread", "current_turn", "previous_speaker");
        assertThat(manager.get("type").asText()).isEqualTo("SelectorManagerState");
        assertThat(manager.get("previous_speaker").asText()).isEqualTo("b");

        var model = selector("a");
        var rebuilt = SelectorGroupChat.builder(List.of(agent("a", "a1"), agent("b"), agent("c")), model)
                .maxTurns(1).build();
        rebuilt.loadState(saved);

        assertThat(texts(rebuilt.run())).isEqualTo(expected).containsExactly("a: a1");
        assertThat(sent(model, 0).getFirst()).contains("select the next role from ['a', 'c']")
                .contains("user: go\n\n\nb: b1\n\n");
    }

    @Test
    void aFreshStateHasNoPreviousSpeaker() {
        var team = SelectorGroupChat.builder(List.of(agent("a"), agent("b")), selector()).build();
        JsonNode manager = AutogenJson.mapper().valueToTree(team.saveState()).at("/agent_states/SelectorGroupChatManager");
        assertThat(manager.get("previous_speaker").isNull()).isTrue();
    }

    @Test
    void constructionChecksParticipantsPromptAndAttempts() {
        assertThatThrownBy(() -> SelectorGroupChat.builder(List.of(agent("a")), selector()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("At least two participants are required for SelectorGroupChat");
        assertThatThrownBy(() -> SelectorGroupChat.builder(List.of(agent("a"), agent("b")), selector())
                .selectorPrompt("Pick from {candidates}").build())
                .hasMessageContaining("invalid selector_prompt").hasMessageContaining("{candidates}");
        assertThatThrownBy(() -> SelectorGroupChat.builder(List.of(agent("a"), agent("b")), selector())
                .maxSelectorAttempts(-1).build())
                .hasMessageContaining("max_selector_attempts");
    }
}
