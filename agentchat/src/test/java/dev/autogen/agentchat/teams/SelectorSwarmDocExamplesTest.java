package dev.autogen.agentchat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.model_context.BufferedChatCompletionContext;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The programs of docs/teams-selector-swarm.md, run as written, with their printed lines checked. */
class SelectorSwarmDocExamplesTest {
    static List<String> lines(List<? extends BaseMessage> messages) {
        return messages.stream().map(m -> m.source() + ": " + m.toText()).toList();
    }

    @Test
    void travelTeam() {
        var advisor = AssistantAgent.builder("travel_advisor", ReplayChatCompletionClient.of("Let me find a hotel first."))
                .description("Helps with travel planning.").build();
        var hotels = AssistantAgent.builder("hotel_agent", ReplayChatCompletionClient.of("Hotel booked."))
                .description("Helps with hotel booking.").build();
        var flights = AssistantAgent.builder("flight_agent", ReplayChatCompletionClient.of("Flight booked."))
                .description("Helps with flight booking.").build();
        var selector = ReplayChatCompletionClient.of("travel_advisor", "hotel_agent", "The flight_agent.");

        var team = SelectorGroupChat.builder(List.of(advisor, hotels, flights), selector)
                .maxTurns(3)
                .build();
        TaskResult result = team.run("Book a 3-day trip to new york.");
        assertThat(lines(result.messages())).containsExactly("user: Book a 3-day trip to new york.",
                "travel_advisor: Let me find a hotel first.", "hotel_agent: Hotel booked.", "flight_agent: Flight booked.");
    }

    @Test
    void calculatorTeam() {
        var calculator = AssistantAgent.builder("Agent1", ReplayChatCompletionClient.of("1 + 1 = 3", "1 + 1 = 2"))
                .description("For calculation").build();
        var checker = AssistantAgent.builder("Agent2", ReplayChatCompletionClient.of("Incorrect!", "Correct!"))
                .description("For checking calculation").build();

        var team = SelectorGroupChat.builder(List.of(calculator, checker), ReplayChatCompletionClient.of())
                .selectorFunc(thread -> {
                    var last = thread.getLast();
                    if (thread.size() == 1 || last.toText().equals("Incorrect!")) {
                        return "Agent1";
                    }
                    return last.source().equals("Agent1") ? "Agent2" : null;
                })
                .maxTurns(4)
                .build();
        assertThat(lines(team.run("What is 1 + 1?").messages())).containsExactly("user: What is 1 + 1?",
                "Agent1: 1 + 1 = 3", "Agent2: Incorrect!", "Agent1: 1 + 1 = 2", "Agent2: Correct!");
    }

    @Test
    void streamingSelector() {
        var writer = AssistantAgent.builder("writer", ReplayChatCompletionClient.of("A draft.")).build();
        var editor = AssistantAgent.builder("editor", ReplayChatCompletionClient.of("An edit.")).build();
        var team = SelectorGroupChat.builder(List.of(writer, editor), ReplayChatCompletionClient.of("I choose writer"))
                .modelClientStreaming(true)
                .emitTeamEvents(true)
                .modelContext(new BufferedChatCompletionContext(5))
                .maxTurns(1)
                .build();
        List<String> printed = new ArrayList<>();
        try (MessageStream<TaskResult> stream = team.runStream("Write a haiku.")) {
            stream.forEach(m -> printed.add(m.getClass().getSimpleName() + " " + m.source() + ": " + m.toText()));
        }
        assertThat(printed).containsExactly("TextMessage user: Write a haiku.",
                "ModelClientStreamingChunkEvent SelectorGroupChatManager: I ",
                "ModelClientStreamingChunkEvent SelectorGroupChatManager: choose ",
                "ModelClientStreamingChunkEvent SelectorGroupChatManager: writer",
                "SelectorEvent SelectorGroupChatManager: I choose writer",
                "SelectSpeakerEvent SelectorGroupChatManager: ['writer']",
                "TextMessage writer: A draft.");
    }

    @Test
    void birthdaySwarm() {
        ModelInfo tools = new ModelInfo(false, true, true, "unknown", true, null);
        var askBob = new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(List.of(
                new FunctionCall("call_1", "{}", "transfer_to_bob"))), new RequestUsage(10, 5), false, null, null);
        var alice = AssistantAgent.builder("Alice", new ReplayChatCompletionClient(List.of(askBob), tools))
                .handoffs("Bob")
                .systemMessage("You are Alice and you only answer questions about yourself.").build();
        var bob = AssistantAgent.builder("Bob", ReplayChatCompletionClient.of("My birthday is on 1st January."))
                .systemMessage("You are Bob and your birthday is on 1st January.").build();

        var team = Swarm.builder(List.of(alice, bob)).maxTurns(2).build();
        List<String> printed = team.run("What is bob's birthday?").messages().stream()
                .map(m -> m.getClass().getSimpleName() + " " + m.source() + ": " + m.toText()).toList();
        assertThat(printed).hasSize(5);
        assertThat(printed.get(1)).isEqualTo("ToolCallRequestEvent Alice: "
                + "[FunctionCall(id='call_1', arguments='{}', name='transfer_to_bob')]");
        assertThat(printed.get(3)).isEqualTo("HandoffMessage Alice: Transferred to Bob, adopting the role of Bob immediately.");
        assertThat(printed.get(4)).isEqualTo("TextMessage Bob: My birthday is on 1st January.");
    }

    @Test
    void askTheUser() {
        var askUser = new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(List.of(
                new FunctionCall("call_1", "{}", "transfer_to_user"))), new RequestUsage(10, 5), false, null, null);
        var alice = AssistantAgent.builder("Alice", new ReplayChatCompletionClient(
                        List.of(askUser, "Thanks! Bob's birthday is on 1st January."),
                        new ModelInfo(false, true, true, "unknown", true, null)))
                .handoffs("user").build();
        var team = Swarm.builder(List.of(alice)).maxTurns(1).build();

        team.run("What is bob's birthday?");
        var answer = new HandoffMessage("Bob's birthday is on 1st January.", "user", "Alice", List.of());
        assertThat(lines(team.run(answer).messages())).containsExactly("user: Bob's birthday is on 1st January.",
                "Alice: Thanks! Bob's birthday is on 1st January.");
    }
}
