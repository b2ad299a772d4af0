package dev.autogen.agentchat.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocietyOfMindAgentTest {
    static AssistantAgent agent(String name, String... replies) {
        return AssistantAgent.builder(name, new ReplayChatCompletionClient(List.of((Object[]) replies))).build();
    }

    static String describe(LLMMessage message) {
        return switch (message) {
            case SystemMessage system -> "system: " + system.content();
            case UserMessage user -> user.source() + ": " + user.content().toText();
            default -> message.toString();
        };
    }

    static List<String> texts(TaskResult result) {
        return result.messages().stream().map(m -> m.source() + ": " + m.toText()).toList();
    }

    @Test
    void insideARoundRobinTeamItRunsItsInnerTeamThenAnswersFromTheTranscript() {
        var writer = agent("writer", "Once upon a time.", "Once upon a time, again.");
        var editor = agent("editor", "APPROVE, nice.", "APPROVE again.");
        var inner = RoundRobinGroupChat.builder(List.of(writer, editor)).maxTurns(2).build();
        var somModel = new ReplayChatCompletionClient(List.of("A story: once upon a time.", "Another story."));
        var societyOfMind = new SocietyOfMindAgent("society_of_mind", inner, somModel);
        var translator = agent("translator", "Il etait une fois.");
        var outer = RoundRobinGroupChat.builder(List.of(societyOfMind, translator)).maxTurns(2).build();

        TaskResult result = outer.run("Write a short story.");

        assertThat(texts(result)).containsExactly("user: Write a short story.", "writer: Once upon a time.",
                "editor: APPROVE, nice.", "society_of_mind: A story: once upon a time.",
                "translator: Il etait une fois.");
        assertThat(somModel.createCalls().getFirst().messages()).extracting(SocietyOfMindAgentTest::describe)
                .containsExactly("user: " + SocietyOfMindAgent.DEFAULT_INSTRUCTION, "writer: Once upon a time.",
                        "editor: APPROVE, nice.", "user: " + SocietyOfMindAgent.DEFAULT_RESPONSE_PROMPT);
        // the inner team was reset after answering
        assertThat(writer.modelContext().getMessages()).isEmpty();
        assertThat(societyOfMind.modelContext().getMessages()).extracting(SocietyOfMindAgentTest::describe)
                .containsExactly("user: Write a short story.");

        // the next call hands the earlier messages to the inner team
        Response second = societyOfMind.onMessages(List.of(new TextMessage("Another one.", "user")),
                new CancellationToken());
        assertThat(second.chatMessage().toText()).isEqualTo("Another story.");
        assertThat(second.innerMessages()).isEmpty();
        assertThat(somModel.createCalls().get(1).messages()).extracting(SocietyOfMindAgentTest::describe)
                .containsExactly("user: " + SocietyOfMindAgent.DEFAULT_INSTRUCTION, "writer: Once upon a time, again.",
                        "editor: APPROVE again.", "user: " + SocietyOfMindAgent.DEFAULT_RESPONSE_PROMPT);
    }

    @Test
    void streamsTheInnerTeamsMessagesAndUsesSystemMessagesWhenTheModelTakesSeveral() {
        var inner = RoundRobinGroupChat.builder(List.of(agent("writer", "Draft."))).maxTurns(1).build();
        var info = new ModelInfo(false, false, false, ModelFamily.UNKNOWN, false, true);
        var model = new ReplayChatCompletionClient(List.of("Final."), info);
        var agent = SocietyOfMindAgent.builder("som", inner, model).instruction("Transcript:")
                .responsePrompt("Answer.").build();

        List<BaseMessage> seen = new ArrayList<>();
        Response response;
        try (MessageStream<Response> stream = agent.onMessagesStream(List.of(new TextMessage("Go.", "user")),
                new CancellationToken())) {
            stream.forEach(seen::add);
            response = stream.result();
        }

        assertThat(seen).extracting(m -> m.source() + ": " + m.toText()).containsExactly("writer: Draft.");
        assertThat(response.chatMessage().toText()).isEqualTo("Final.");
        assertThat(model.createCalls().getFirst().messages()).extracting(SocietyOfMindAgentTest::describe)
                .containsExactly("system: Transcript:", "writer: Draft.", "system: Answer.");
    }

    @Test
    void aTeamThatSaysNothingGivesNoResponse() {
        var inner = RoundRobinGroupChat.builder(List.of(agent("writer", "x"))).maxTurns(1).build();
        var model = new ReplayChatCompletionClient(List.of("unused"));
        var agent = new SocietyOfMindAgent("som", inner, model);
        // the task itself stops the inner team: no inner message, no model call
        var stopping = RoundRobinGroupChat.builder(List.of(agent("w", "x")))
                .terminationCondition(new StopAtOnce()).build();
        var quiet = new SocietyOfMindAgent("quiet", stopping, model);
        Response response = quiet.onMessages(List.of(new TextMessage("go", "user")), new CancellationToken());
        assertThat(response.chatMessage().toText()).isEqualTo("No response.");
        assertThat(model.createCalls()).isEmpty();
        assertThat(agent.producedMessageTypes()).containsExactly(TextMessage.class);
    }

    @Test
    void stateHoldsTheInnerTeamsStateAndTheConfigRoundTrips() {
        var inner = RoundRobinGroupChat.builder(List.of(agent("writer", "Draft."))).maxTurns(1).build();
        var agent = new SocietyOfMindAgent("som", inner, ReplayChatCompletionClient.of("Final."));
        agent.onMessages(List.of(new TextMessage("Go.", "user")), new CancellationToken());

        JsonNode state = AutogenJson.mapper().valueToTree(agent.saveState());
        assertThat(state.get("type").asText()).isEqualTo("SocietyOfMindAgentState");
        assertThat(state.get("version").asText()).isEqualTo("1.0.0");
        assertThat(state.at("/inner_team_state/type").asText()).isEqualTo("TeamState");
        agent.loadState(agent.saveState());

        JsonNode config = AutogenJson.mapper().valueToTree(agent.dumpComponent());
        assertThat(config.get("provider").asText()).isEqualTo("autogen_agentchat.agents.SocietyOfMindAgent");
        assertThat(config.at("/config/instruction").asText()).isEqualTo(SocietyOfMindAgent.DEFAULT_INSTRUCTION);
        assertThat(config.at("/config/team/provider").asText()).isEqualTo("autogen_agentchat.teams.RoundRobinGroupChat");
        SocietyOfMindAgent loaded = ComponentLoader.loadComponent(agent.dumpComponent(), SocietyOfMindAgent.class);
        assertThat(loaded.name()).isEqualTo("som");
        assertThat(loaded.responsePrompt()).isEqualTo(SocietyOfMindAgent.DEFAULT_RESPONSE_PROMPT);
        assertThat(loaded.team()).isInstanceOf(RoundRobinGroupChat.class);
        assertThat(new HandoffMessage("c", "s", "t", List.of()).target()).isEqualTo("t");
    }

    /** Stops on the first check: on the task itself. */
    static final class StopAtOnce implements dev.autogen.agentchat.base.TerminationCondition {
        private boolean terminated;

        @Override
        public boolean terminated() {
            return terminated;
        }

        @Override
        public dev.autogen.agentchat.messages.StopMessage check(List<? extends BaseMessage> messages) {
            terminated = true;
            return new dev.autogen.agentchat.messages.StopMessage("stop", "StopAtOnce");
        }

        @Override
        public void reset() {
            terminated = false;
        }

        @Override
        public dev.autogen.core.component.ComponentModel dumpComponent() {
            throw new UnsupportedOperationException();
        }
    }
}
