package dev.autogen.agentchat.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.agentchat.messages.ToolCallSummaryMessage;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamToolTest {
    static AssistantAgent agent(String name, String... replies) {
        return AssistantAgent.builder(name, new ReplayChatCompletionClient(List.of((Object[]) replies))).build();
    }

    static final ModelInfo TOOLS = new ModelInfo(false, true, false, ModelFamily.UNKNOWN, false, null);

    static RoundRobinGroupChat writingTeam() {
        return RoundRobinGroupChat.builder(List.of(agent("writer", "A draft."), agent("reviewer", "Looks good.")))
                .maxTurns(2).build();
    }

    static CreateResult callTool(String task) {
        return CreateResult.ofCalls(List.of(new FunctionCall("call_1",
                "{\"task\": \"" + task + "\"}", "writing_team")), RequestUsage.ZERO);
    }

    @Test
    void anAssistantAgentHandsATaskToTheTeamAndGetsTheLastMessage() {
        var tool = new TeamTool(writingTeam(), "writing_team", "A tool for writing tasks.", true);
        var main = AssistantAgent.builder("main_agent", new ReplayChatCompletionClient(List.of(callTool("Write.")), TOOLS))
                .tools(tool).build();

        TaskResult result = main.run("Write a story.");

        assertThat(result.messages().getLast()).isInstanceOfSatisfying(ToolCallSummaryMessage.class,
                summary -> assertThat(summary.toText()).isEqualTo("Looks good."));
        assertThat(result.messages()).filteredOn(m -> m instanceof ToolCallExecutionEvent).hasSize(1);
        assertThat(tool.schema().parameters().toString()).contains("task");
    }

    @Test
    void withoutLastMessageTheWholeRunIsReturnedWithoutTheUsersTask() {
        var tool = new TeamTool(writingTeam(), "writing_team", "A tool for writing tasks.");
        var main = AssistantAgent.builder("main_agent", new ReplayChatCompletionClient(List.of(callTool("Write.")), TOOLS))
                .tools(tool).build();

        TaskResult result = main.run("Write a story.");

        assertThat(result.messages().getLast().toText()).isEqualTo("writer: A draft.\n\nreviewer: Looks good.");
    }

    @Test
    void configRoundTripsAndStateIsTheTeams() {
        var tool = new TeamTool(writingTeam(), "writing_team", "A tool for writing tasks.", true);
        JsonNode json = AutogenJson.mapper().valueToTree(tool.dumpComponent());
        assertThat(json.get("provider").asText()).isEqualTo("autogen_agentchat.tools.TeamTool");
        assertThat(json.get("component_type").asText()).isEqualTo("tool");
        assertThat(json.at("/config/return_value_as_last_message").asBoolean()).isTrue();
        assertThat(json.at("/config/team/provider").asText()).isEqualTo("autogen_agentchat.teams.RoundRobinGroupChat");

        TeamTool loaded = ComponentLoader.loadComponent(tool.dumpComponent(), TeamTool.class);
        assertThat(loaded.name()).isEqualTo("writing_team");
        assertThat(loaded.returnValueAsLastMessage()).isTrue();
        assertThat(tool.saveStateJson().get("type")).isEqualTo("TeamState");
    }
}
