package dev.autogen.examples.agentchat.customteam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.SelectSpeakerEvent;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomTeamExampleTest {

    @Test
    void theMentionedParticipantSpeaksNext() {
        var bytes = new ByteArrayOutputStream();
        TaskResult result = CustomTeamExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                InstantSource.fixed(Instant.EPOCH));

        assertThat(result.messages()).filteredOn(m -> m instanceof TextMessage).extracting(BaseMessage::source)
                .containsExactly("user", "planner", "researcher", "writer");
        assertThat(result.messages()).filteredOn(m -> m instanceof SelectSpeakerEvent)
                .extracting(m -> ((SelectSpeakerEvent) m).content())
                .containsExactly(List.of("planner"), List.of("researcher"), List.of("writer"));
        assertThat(result.stopReason()).contains("TERMINATE");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("---------- writer ----------");
    }

    @Test
    void itsStateSurvivesIntoANewTeamAndItCanBeANestedParticipant() {
        var a = AssistantAgent.builder("a", ReplayChatCompletionClient.of("@b you go", "@b again")).build();
        var b = AssistantAgent.builder("b", ReplayChatCompletionClient.of("done", "done again")).build();
        var team = new MentionGroupChat(List.of(a, b), null, 2);
        team.run("start");
        var state = team.saveState();

        var restored = new MentionGroupChat(List.of(
                AssistantAgent.builder("a", ReplayChatCompletionClient.of("x")).build(),
                AssistantAgent.builder("b", ReplayChatCompletionClient.of("y")).build()), null, 2);
        restored.loadState(state);
        assertThat(restored.saveState()).isEqualTo(state);
        @SuppressWarnings("unchecked")
        var manager = (java.util.Map<String, Object>) ((java.util.Map<String, Object>) state.get("agent_states"))
                .get(MentionGroupChat.MANAGER_NAME);
        assertThat(manager.get("mentions_followed")).isEqualTo(1);

        var outer = RoundRobinGroupChat.builder(List.of(new MentionGroupChat(List.of(
                AssistantAgent.builder("c", ReplayChatCompletionClient.of("@d")).build(),
                AssistantAgent.builder("d", ReplayChatCompletionClient.of("ok")).build()), null, 2)))
                .terminationCondition(new MaxMessageTermination(3)).build();
        assertThat(outer.run("go").messages()).filteredOn(m -> m instanceof TextMessage)
                .extracting(BaseMessage::toText).containsExactly("go", "@d", "ok");
    }
}
