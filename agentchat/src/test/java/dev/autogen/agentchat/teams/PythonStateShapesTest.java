package dev.autogen.agentchat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.CodeExecutorAgent;
import dev.autogen.agentchat.agents.MessageFilterAgent;
import dev.autogen.agentchat.agents.MessageFilterConfig;
import dev.autogen.agentchat.agents.PerSourceFilter;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.state.CodeExecutorAgentState;
import dev.autogen.agentchat.state.MessageFilterAgentState;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team with a {@code MessageFilterAgent} and a {@code CodeExecutorAgent} saves what Python 0.7.5
 * saves for them, {@code BaseState}, and loads both that and the richer states older versions wrote.
 */
class PythonStateShapesTest {
    private static final Map<String, Object> PYTHON_BASE_STATE = Map.of("type", "BaseState", "version", "1.0.0");

    @TempDir
    Path workDir;

    private RoundRobinGroupChat team(String writerReply) {
        var writer = AssistantAgent.builder("writer", ReplayChatCompletionClient.of(writerReply)).build();
        var filtered = new MessageFilterAgent("filtered_writer", writer,
                MessageFilterConfig.of(PerSourceFilter.all("user")));
        var executor = CodeExecutorAgent.builder("executor",
                LocalCommandLineCodeExecutor.builder().workDir(workDir).build()).build();
        return RoundRobinGroupChat.builder(List.of(filtered, executor)).maxTurns(2).build();
    }

    @Test
    void theTeamStateHoldsPythonsShapeForBothAgentsAndLoadsBothForms() {
        var team = team("No code here.");
        team.run("Say something.");

        Map<String, Object> state = team.saveState();
        Map<String, Object> agents = map(state.get("agent_states"));
        Map<String, Object> filteredContainer = map(agents.get("filtered_writer"));
        Map<String, Object> executorContainer = map(agents.get("executor"));
        assertThat(filteredContainer).containsEntry("type", "ChatAgentContainerState")
                .containsEntry("agent_state", PYTHON_BASE_STATE);
        assertThat(executorContainer).containsEntry("type", "ChatAgentContainerState")
                .containsEntry("agent_state", PYTHON_BASE_STATE);
        assertThat(AutogenJson.mapper().valueToTree(state).toString()).doesNotContain("MessageFilterAgentState")
                .doesNotContain("CodeExecutorAgentState");

        var restored = team("unused");
        restored.loadState(state);
        assertThat(restored.saveState()).isEqualTo(state);

        Map<String, Object> older = withAgentStates(state,
                MessageFilterAgentState.of(Map.of("type", "AssistantAgentState", "version", "1.0.0",
                        "llm_context", Map.of("messages", List.of()))).toMap(),
                CodeExecutorAgentState.of(Map.of("messages", List.of())).toMap());
        var fromOlder = team("Second answer.");
        fromOlder.loadState(older);
        assertThat(fromOlder.run().messages()).extracting(BaseMessage::toText).contains("Second answer.");
    }

    private static Map<String, Object> withAgentStates(Map<String, Object> state, Map<String, Object> filterState,
            Map<String, Object> executorState) {
        Map<String, Object> agents = new LinkedHashMap<>(map(state.get("agent_states")));
        Map<String, Object> filtered = new LinkedHashMap<>(map(agents.get("filtered_writer")));
        filtered.put("agent_state", filterState);
        Map<String, Object> executor = new LinkedHashMap<>(map(agents.get("executor")));
        executor.put("agent_state", executorState);
        agents.put("filtered_writer", filtered);
        agents.put("executor", executor);
        Map<String, Object> older = new LinkedHashMap<>(state);
        older.put("agent_states", agents);
        return older;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
