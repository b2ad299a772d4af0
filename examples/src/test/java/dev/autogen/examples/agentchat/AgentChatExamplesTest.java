package dev.autogen.examples.agentchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ToolCallSummaryMessage;
import dev.autogen.agentchat.messages.UserInputRequestedEvent;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.CancellationToken;
import dev.autogen.examples.agentchat.CountDownAgentExample.CountDownAgent;
import dev.autogen.examples.agentchat.NestedCountingExample.CountingAgent;
import dev.autogen.examples.agentchat.NestedCountingExample.NestedCountingAgent;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs each example on its scripted model and compares what it prints with its golden file. */
class AgentChatExamplesTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final InstantSource clock = new StepClock(Duration.ofMillis(1150));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static String golden(String example) throws IOException {
        try (InputStream in = AgentChatExamplesTest.class.getResourceAsStream("/agentchat/" + example + ".txt")) {
            assertThat(in).as("golden file for %s", example).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void weatherAgentPrintsBothQuickstartRunsWithTheSeedsTokenCounts() throws IOException {
        WeatherAgentExample.run(WeatherAgentExample.scriptedModel(), out, clock);

        assertThat(printed()).isEqualTo(golden("WeatherAgentExample"));
    }

    @Test
    void toolReflectionAnswersInTheModelsWordsAfterTheToolEvents() throws IOException {
        Response response = ToolReflectionExample.run(ToolReflectionExample.scriptedModel(), out, clock);

        assertThat(printed()).isEqualTo(golden("ToolReflectionExample"));
        assertThat(response.chatMessage()).isInstanceOf(TextMessage.class);
    }

    @Test
    void streamingTokensPrintsEveryChunkThenLetsTheConsoleJoinThem() throws IOException {
        StreamingTokensExample.run(StreamingTokensExample.scriptedModel(), out, clock);

        assertThat(printed()).isEqualTo(golden("StreamingTokensExample"));
    }

    @Test
    void structuredOutputReadsTheReplyIntoTheRecord() throws IOException {
        var answer = StructuredOutputExample.run(StructuredOutputExample.scriptedModel(), out, clock);

        assertThat(printed()).isEqualTo(golden("StructuredOutputExample"));
        assertThat(answer).isEqualTo(new StructuredOutputExample.AgentResponse(
                "The user explicitly states that they are happy.", StructuredOutputExample.Mood.HAPPY));
    }

    @Test
    void countDownAgentStreamsEachStep() throws IOException {
        Response response = CountDownAgentExample.run(out);

        assertThat(printed()).isEqualTo(golden("CountDownAgentExample"));
        assertThat(response.innerMessages()).extracting(BaseMessage::toText).containsExactly("3...", "2...", "1...");
    }

    @Test
    void countDownAgentAnswersTheSameWithoutStreaming() {
        Response response = new CountDownAgent("countdown", 2).onMessages(List.of(), new CancellationToken());

        assertThat(response.chatMessage().toText()).isEqualTo("Done!");
        assertThat(response.innerMessages()).extracting(BaseMessage::toText).containsExactly("2...", "1...");
    }

    @Test
    void nestedCountingPrintsTheSeedsOutput() throws IOException {
        Response response = NestedCountingExample.run(out);

        assertThat(printed()).isEqualTo(golden("NestedCountingExample"));
        assertThat(response.chatMessage().toText()).isEqualTo("6");
    }

    @Test
    void aResetNestedAgentCountsFromTheNewMessageWithTheFirstAgentAgain() {
        try (var team = RoundRobinGroupChat.builder(List.of(new CountingAgent("a"), new CountingAgent("b")))
                .maxTurns(3).build()) {
            var nested = new NestedCountingAgent("nested", team);
            nested.onMessages(List.of(new TextMessage("1", "user")), new CancellationToken());

            nested.onReset(new CancellationToken());
            Response again = nested.onMessages(List.of(new TextMessage("10", "user")), new CancellationToken());

            assertThat(again.innerMessages()).extracting(BaseMessage::source, BaseMessage::toText)
                    .containsExactly(tuple("a", "11"), tuple("b", "12"));
            assertThat(again.chatMessage().toText()).isEqualTo("13");
        }
    }

    @Test
    void aNestedAgentThatIsNotResetGoesOnWithTheNextSpeakerOfItsTeam() {
        try (var team = RoundRobinGroupChat.builder(List.of(new CountingAgent("a"), new CountingAgent("b")))
                .maxTurns(2).build()) {
            var nested = new NestedCountingAgent("nested", team);
            nested.onMessages(List.of(new TextMessage("1", "user")), new CancellationToken());

            Response again = nested.onMessages(List.of(new TextMessage("10", "user")), new CancellationToken());

            assertThat(again.innerMessages()).extracting(BaseMessage::source, BaseMessage::toText)
                    .containsExactly(tuple("a", "11"));
            assertThat(again.chatMessage().source()).isEqualTo("b");
        }
    }

    @Test
    void agentStateIsSavedAsPythonJsonAndLoadingItForgetsTheLaterChat(@TempDir Path dir) throws IOException {
        var model = AgentStateExample.scriptedModel();
        Path stateFile = dir.resolve("assistant_state.json");

        AgentStateExample.run(model, out, stateFile);

        assertThat(printed()).isEqualTo(golden("AgentStateExample"));
        assertThat(Files.readString(stateFile)).contains("\"type\" : \"AssistantAgentState\"");
        // After loading, the model is sent exactly what it was sent before the first joke.
        assertThat(model.createCalls().get(2).messages()).isEqualTo(model.createCalls().get(1).messages());
    }

    @Test
    void reflectionTeamStopsWhenTheCriticApproves() throws IOException {
        TaskResult result = ReflectionTeamExample.run(ReflectionTeamExample.scriptedModel(), out, clock);

        assertThat(printed()).isEqualTo(golden("ReflectionTeamExample"));
        assertThat(result.stopReason()).isEqualTo("Text 'APPROVE' mentioned");
        assertThat(result.messages()).extracting(BaseMessage::source)
                .containsExactly("user", "primary", "critic", "primary", "critic");
    }

    @Test
    void loopedAssistantCallsItsToolUntilItAnswersInText() throws IOException {
        TaskResult result = LoopedAssistantExample.run(LoopedAssistantExample.scriptedModel(), out, clock);

        assertThat(printed()).isEqualTo(golden("LoopedAssistantExample"));
        assertThat(result.stopReason()).isEqualTo("Text message received from 'looped_assistant'");
        assertThat(result.messages()).filteredOn(ToolCallSummaryMessage.class::isInstance)
                .extracting(BaseMessage::toText).containsExactly("6", "7", "8", "9", "10");
    }

    @Test
    void userProxyApprovesThePoemDuringTheRun() throws IOException {
        TaskResult result = UserProxyApprovalExample.run(UserProxyApprovalExample.scriptedModel(),
                (prompt, token) -> "APPROVE", out, clock);

        assertThat(printed()).isEqualTo(golden("UserProxyApprovalExample"));
        assertThat(result.stopReason()).isEqualTo("Text 'APPROVE' mentioned");
        assertThat(result.messages()).hasAtLeastOneElementOfType(UserInputRequestedEvent.class);
    }

    @Test
    void maxTurnsStopsAfterEachAnswerAndTheFeedbackResumesTheConversation() throws Exception {
        ReplayChatCompletionClient model = MaxTurnsFeedbackExample.scriptedModel();
        List<String> prompts = new ArrayList<>();
        var answers = List.of("Can you make it about a person and its relationship with the ocean", "exit").iterator();

        List<TaskResult> results = MaxTurnsFeedbackExample.run(model, (prompt, token) -> {
            prompts.add(prompt);
            return answers.next();
        }, out, clock);

        assertThat(printed()).isEqualTo(golden("MaxTurnsFeedbackExample"));
        assertThat(results).extracting(TaskResult::stopReason)
                .containsOnly("Maximum number of turns 1 reached.").hasSize(2);
        assertThat(prompts).containsOnly("Enter your feedback (type 'exit' to leave): ");
        // The second run sees the first poem: the team kept its conversation.
        assertThat(model.createCalls().get(1).messages()).hasSize(model.createCalls().get(0).messages().size() + 2);
    }

    @Test
    void handoffGivesControlBackAndTheUsersAnswerResumesTheTeam() throws Exception {
        List<TaskResult> results = HandoffTerminationExample.run(HandoffTerminationExample.scriptedModel(),
                (prompt, token) -> "The weather in New York is sunny.", out, clock);

        assertThat(printed()).isEqualTo(golden("HandoffTerminationExample"));
        assertThat(results).extracting(TaskResult::stopReason)
                .containsExactly("Handoff to user from lazy_assistant detected.", "Text 'TERMINATE' mentioned");
        assertThat(results.get(0).messages().getLast()).isInstanceOfSatisfying(HandoffMessage.class,
                handoff -> assertThat(handoff.target()).isEqualTo("user"));
    }

    @Test
    void selectorFunctionHandsEveryTurnBackToThePlannerAndTheModelPicksTheOthers() throws IOException {
        ReplayChatCompletionClient model = SelectorTeamExample.scriptedModel();

        TaskResult result = SelectorTeamExample.run(model, out, clock);

        assertThat(printed()).isEqualTo(golden("SelectorTeamExample"));
        assertThat(result.stopReason()).isEqualTo("Text 'TERMINATE' mentioned");
        assertThat(result.messages()).filteredOn(BaseChatMessage.class::isInstance).extracting(BaseMessage::source)
                .containsExactly("user", "PlanningAgent", "WebSearchAgent", "PlanningAgent", "DataAnalystAgent",
                        "PlanningAgent");
        // The agents' five model calls and the selector's two.
        assertThat(model.createCalls()).hasSize(7);
    }

    @Test
    void swarmHandsOffToTheUserAndTheAnswerGoesBackToTheAgentThatAsked() throws Exception {
        List<String> prompts = new ArrayList<>();

        List<TaskResult> results = SwarmExample.run(SwarmExample.scriptedModel(), (prompt, token) -> {
            prompts.add(prompt);
            return "507811";
        }, out, clock);

        assertThat(printed()).isEqualTo(golden("SwarmExample"));
        assertThat(prompts).containsExactly("User: ");
        assertThat(results).extracting(TaskResult::stopReason)
                .containsExactly("Handoff to user from flights_refunder detected.", "Text 'TERMINATE' mentioned");
        assertThat(results.get(1).messages()).filteredOn(HandoffMessage.class::isInstance)
                .extracting(BaseMessage::source, m -> ((HandoffMessage) m).target())
                .containsExactly(tuple("user", "flights_refunder"), tuple("flights_refunder", "travel_agent"));
    }

    @Test
    void graphFlowLoopsBackToTheWriterUntilApprovedThenTranslates() throws IOException {
        TaskResult result = GraphFlowExample.run(GraphFlowExample.scriptedModel(), out, clock);

        assertThat(printed()).isEqualTo(golden("GraphFlowExample"));
        assertThat(result.stopReason()).isEqualTo("Digraph execution is complete");
        assertThat(result.messages()).extracting(BaseMessage::source)
                .containsExactly("user", "A", "B", "A", "B", "C");
    }

    @Test
    void scriptedHumanAnswersInOrderAndSaysWhenTheScriptIsExhausted() throws Exception {
        InputFunction human = ExampleModels.humanFor(ReflectionTeamExample.scriptedModel(), "yes");

        assertThat(human.getInput("first? ", new CancellationToken())).isEqualTo("yes");
        assertThatThrownBy(() -> human.getInput("second? ", new CancellationToken()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'second? '");
    }
}
