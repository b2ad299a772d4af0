package dev.autogen.agentchat.teams;

import static dev.autogen.agentchat.teams.RoundRobinGroupChatTest.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.TeamRunException;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.SelectSpeakerEvent;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwarmTest {
    static final ModelInfo TOOLS_MODEL = new ModelInfo(false, true, true, "unknown", true, null);

    /** A model reply asking to hand off to {@code target}. */
    static CreateResult handoffTo(String target) {
        return new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(List.of(
                new FunctionCall("call_" + target, "{}", "transfer_to_" + target))), new RequestUsage(1, 1), false,
                null, null);
    }

    static AssistantAgent agent(String name, List<String> handoffs, Object... replies) {
        return AssistantAgent.builder(name, new ReplayChatCompletionClient(List.of(replies), TOOLS_MODEL))
                .handoffs(handoffs.toArray(String[]::new)).build();
    }

    /** Sources and texts of the chat messages only (the tool-call events of a handoff left out). */
    static List<String> chat(TaskResult result) {
        return result.messages().stream().filter(BaseChatMessage.class::isInstance)
                .map(m -> m.source() + (m instanceof HandoffMessage h ? " -> " + h.target() : "") + ": " + m.toText())
                .toList();
    }

    @Test
    void handoffsPassTheTurnAlongAndWithoutOneTheSpeakerContinues() {
        var a = agent("a", List.of("b"), handoffTo("b"));
        var b = agent("b", List.of("c"), handoffTo("c"));
        var c = agent("c", List.of(), "c1", "c2");
        var team = Swarm.builder(List.of(a, b, c)).maxTurns(4).build();

        TaskResult result = team.run("go");

        assertThat(chat(result)).containsExactly("user: go",
                "a -> b: Transferred to b, adopting the role of b immediately.",
                "b -> c: Transferred to c, adopting the role of c immediately.",
                "c: c1", "c: c2");
    }

    @Test
    void theFirstSpeakerSpeaksFirstAndTeamEventsShowEachSelection() {
        var team = Swarm.builder(List.of(agent("a", List.of("b"), handoffTo("b")), agent("b", List.of(), "b1")))
                .maxTurns(2).emitTeamEvents(true).build();
        TaskResult result = team.run("go");
        assertThat(result.messages()).filteredOn(SelectSpeakerEvent.class::isInstance)
                .extracting(m -> ((SelectSpeakerEvent) m).content()).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void afterAHandoffToTheUserAHandoffMessageTaskResumesWithItsTarget() {
        var alice = agent("alice", List.of("user", "bob"), handoffTo("user"), "Thanks, bob's birthday is 1st January.");
        var bob = agent("bob", List.of("alice"));
        var team = Swarm.builder(List.of(alice, bob)).terminationCondition(new HandoffTargetTermination("user"))
                .maxTurns(1).build();

        TaskResult first = team.run("What is bob's birthday?");
        assertThat(first.stopReason()).isEqualTo("Handoff to user from alice detected.");
        assertThat(chat(first)).last().asString().startsWith("alice -> user:");

        assertThatThrownBy(() -> team.run("Here you go.")).isInstanceOf(TeamRunException.class)
                .hasMessageContaining("The existing handoff target user is not one of the participants ['alice', 'bob']");
        assertThatThrownBy(() -> team.run(new HandoffMessage("hi", "user", "carol", List.of())))
                .hasMessageContaining("The target carol is not one of the participants ['alice', 'bob']");

        TaskResult resumed = team.run(new HandoffMessage("Bob's birthday is on 1st January.", "user", "alice", List.of()));
        assertThat(chat(resumed)).containsExactly("user -> alice: Bob's birthday is on 1st January.",
                "alice: Thanks, bob's birthday is 1st January.");
    }

    @Test
    void saveRebuildLoadContinueKeepsTheCurrentSpeaker() {
        var first = Swarm.builder(List.of(agent("a", List.of("b"), handoffTo("b")), agent("b", List.of(), "b1", "b2")))
                .maxTurns(2).build();
        first.run("go");
        Map<String, Object> saved = first.saveState();
        JsonNode manager = AutogenJson.mapper().valueToTree(saved).at("/agent_states/SwarmGroupChatManager");
        assertThat(RoundRobinGroupChatTest.fieldNames(manager))
                .containsExactly("type", "version", "message_thread", "current_turn", "current_speaker");
        assertThat(manager.get("type").asText()).isEqualTo("SwarmManagerState");
        assertThat(manager.get("current_speaker").asText()).isEqualTo("b");

        var rebuilt = Swarm.builder(List.of(agent("a", List.of("b")), agent("b", List.of(), "b2"))).maxTurns(1).build();
        rebuilt.loadState(saved);

        assertThat(chat(rebuilt.run())).containsExactly("b: b2");
    }

    @Test
    void resetGivesTheTurnBackToTheFirstParticipant() {
        var team = Swarm.builder(List.of(agent("a", List.of("b"), handoffTo("b"), "a2", "a3"), agent("b", List.of(), "b1")))
                .maxTurns(2).build();
        team.run("go");
        team.reset();
        assertThat(chat(team.run("again"))).containsExactly("user: again", "a: a2", "a: a3");
    }

    @Test
    void participantsMustBeAgentsAndTheFirstMustBeAbleToHandOff() {
        assertThatThrownBy(() -> new Swarm(List.of(agent("a", List.of()), agent("b", List.of("a"))), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The first participant must be able to produce a handoff messages")
                .hasMessageContaining("'a'");
        var inner = RoundRobinGroupChat.builder(List.of(agent("x", List.of()))).name("inner").build();
        assertThatThrownBy(() -> Swarm.builder((List) List.of(agent("a", List.of("b")), inner)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be an agent");
    }
}
