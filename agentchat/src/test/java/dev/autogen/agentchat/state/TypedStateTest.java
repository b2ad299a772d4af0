package dev.autogen.agentchat.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TeamState and AgentState as values with JSON, and the file conveniences on teams and agents. */
class TypedStateTest {
    /** What Python AutoGen writes for an assistant that saw one exchange ({@code json.dumps(await agent.save_state())}). */
    private static final String PYTHON_AGENT_STATE = """
            {"type": "AssistantAgentState", "version": "1.0.0", "llm_context": {"messages": [\
            {"content": "Hi", "source": "user", "type": "UserMessage"}, \
            {"content": "Hello!", "thought": null, "source": "writer", "type": "AssistantMessage"}]}}""";

    @Test
    void anAgentStateKeepsPythonsJsonAndLoadsIntoAnAgent() throws Exception {
        AgentState state = AgentState.fromJson(PYTHON_AGENT_STATE);
        assertThat(state.type()).isEqualTo("AssistantAgentState");
        assertThat(state.version()).isEqualTo("1.0.0");
        assertThat(tree(state.toJson())).isEqualTo(tree(PYTHON_AGENT_STATE));

        var agent = AssistantAgent.builder("writer", ReplayChatCompletionClient.of("unused")).build();
        agent.loadState(state);
        assertThat(tree(agent.agentState().toJson())).isEqualTo(tree(PYTHON_AGENT_STATE));
        assertThat(state.as(AssistantAgentState.class, "AssistantAgentState")).isInstanceOf(AssistantAgentState.class);
    }

    @Test
    void aStateWithoutATypeIsRefusedWithTheReason() {
        assertThatThrownBy(() -> AgentState.fromJson("{\"version\": \"1.0.0\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'type'");
        assertThatThrownBy(() -> TeamState.fromJson("[1]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> TeamState.fromJson("{\"type\": \"AssistantAgentState\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a TeamState");
    }

    @Test
    void aTeamStateRoundTripsThroughJsonAndFilesIntoANewTeam(@TempDir Path dir) throws Exception {
        var team = team("first", "second");
        team.run("Write.");

        TeamState state = team.teamState();
        assertThat(state.type()).isEqualTo("TeamState");
        assertThat(tree(state.toJson())).isEqualTo(AutogenJson.mapper().valueToTree(team.saveState()));
        assertThat(state.agentState("writer")).hasValueSatisfying(
                s -> assertThat(s.type()).isEqualTo("ChatAgentContainerState"));
        assertThat(state.agentState("nobody")).isEmpty();

        var fromJson = team("unused", "second");
        fromJson.loadState(TeamState.fromJson(state.toJson()));
        assertThat(fromJson.saveState()).isEqualTo(team.saveState());

        Path file = dir.resolve("team.json");
        team.saveState(file);
        assertThat(tree(Files.readString(file))).isEqualTo(tree(state.toJson()));
        var fromFile = team("unused", "second");
        fromFile.loadState(file);
        assertThat(fromFile.saveState()).isEqualTo(team.saveState());
        // the restored team goes on where the saved one stopped: the writer speaks next
        assertThat(fromFile.run("Again.").messages()).extracting(BaseMessage::source).containsExactly("user", "writer", "critic");
    }

    @Test
    void anAgentSavesToAndLoadsFromAFileAndResetsWithoutAToken(@TempDir Path dir) throws Exception {
        var agent = AssistantAgent.builder("writer", ReplayChatCompletionClient.of("Hello!")).build();
        agent.run("Hi");
        Path file = dir.resolve("agent.json");
        agent.saveState(file);

        var other = AssistantAgent.builder("writer", ReplayChatCompletionClient.of("unused")).build();
        other.loadState(file);
        assertThat(other.saveState()).isEqualTo(agent.saveState());

        other.reset();
        assertThat(other.modelContext().getMessages()).isEmpty();
        assertThatThrownBy(() -> other.loadState(dir.resolve("missing.json"))).isInstanceOf(java.io.IOException.class);
        Files.writeString(dir.resolve("bad.json"), "not json");
        assertThatThrownBy(() -> other.loadState(dir.resolve("bad.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.json");
    }

    private static RoundRobinGroupChat team(String writerReply, String criticReply) {
        var writer = AssistantAgent.builder("writer", ReplayChatCompletionClient.of(writerReply)).build();
        var critic = AssistantAgent.builder("critic", new ReplayChatCompletionClient(List.of("ok", criticReply))).build();
        return RoundRobinGroupChat.builder(List.of(writer, critic)).maxTurns(2).build();
    }

    private static JsonNode tree(String json) throws Exception {
        return AutogenJson.mapper().readTree(json);
    }
}
