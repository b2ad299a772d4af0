package dev.autogen.agentchat.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.PythonFixtures;
import dev.autogen.agentchat.base.Handoff;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.memory.ListMemory;
import dev.autogen.core.model_context.BufferedChatCompletionContext;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.StaticWorkbench;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssistantAgentStateAndConfigTest {
    @Test
    void pythonsAssistantAgentStateLoadsAndSavesBackIdentically() {
        JsonNode pythonState = PythonFixtures.read("01_round_robin_max5.normalized.json")
                .at("/save_state/agent_states/alice/agent_state");
        Map<String, Object> state = AutogenJson.mapper().convertValue(pythonState, new TypeReference<>() {
        });
        var agent = new AssistantAgent("alice", new ReplayChatCompletionClient(List.of("hi")));

        agent.loadState(state);

        assertThat(agent.modelContext().getMessages()).hasSize(4);
        assertThat(AutogenJson.mapper().<JsonNode>valueToTree(agent.saveState())).isEqualTo(pythonState);
    }

    @Test
    void configRoundTripsThroughTheComponentLoader() {
        var agent = AssistantAgent.builder("planner", new ReplayChatCompletionClient(List.of("a", "b"),
                        AssistantAgentTest.TOOLS_MODEL))
                .description("Plans trips.")
                .systemMessage("You plan trips.")
                .workbench(new StaticWorkbench(List.of()))
                .handoffs(Handoff.to("booker"))
                .modelContext(new BufferedChatCompletionContext(5))
                .memory(new ListMemory("notes"))
                .modelClientStream(true)
                .reflectOnToolUse(true)
                .maxToolIterations(3)
                .metadata(Map.of("team", "travel"))
                .build();

        ComponentModel model = agent.dumpComponent();
        JsonNode config = model.config();

        assertThat(model.provider()).isEqualTo("autogen_agentchat.agents.AssistantAgent");
        assertThat(model.componentType()).isEqualTo("agent");
        assertThat(model.componentVersion()).isEqualTo(2);
        assertThat(config.get("workbench").get(0).get("provider").textValue()).isEqualTo("autogen_core.tools.StaticWorkbench");
        assertThat(config.get("handoffs").get(0).get("name").textValue()).isEqualTo("transfer_to_booker");
        assertThat(config.has("tools")).isFalse();

        AssistantAgent loaded = ComponentLoader.loadComponent(model, AssistantAgent.class);
        assertThat(loaded.name()).isEqualTo("planner");
        assertThat(loaded.description()).isEqualTo("Plans trips.");
        assertThat(loaded.handoffs()).containsKey("transfer_to_booker");
        assertThat(loaded.modelContext()).isInstanceOf(BufferedChatCompletionContext.class);
        assertThat(loaded.dumpComponent()).isEqualTo(model);
    }

    @Test
    void handoffsMayBeGivenAsTargetNamesInAConfig() throws Exception {
        JsonNode json = AutogenJson.mapper().readTree("""
                {"provider": "autogen_agentchat.agents.AssistantAgent", "component_type": "agent",
                 "component_version": 2, "config": {"name": "a", "handoffs": ["user"],
                 "model_client": {"provider": "autogen_ext.models.replay.ReplayChatCompletionClient",
                   "component_type": "replay_chat_completion_client",
                   "config": {"chat_completions": ["x"], "model_info": {"vision": false, "function_calling": true,
                     "json_output": false, "family": "unknown", "structured_output": false}}}}}""");
        AssistantAgent agent = ComponentLoader.loadComponent(AutogenJson.mapper().treeToValue(json, ComponentModel.class),
                AssistantAgent.class);
        assertThat(agent.handoffs().get("transfer_to_user").target()).isEqualTo("user");
    }

    @Test
    void codeInAnAgentCannotBeWrittenToAConfig() {
        var agent = AssistantAgent.builder("a", new ReplayChatCompletionClient(List.of(), AssistantAgentTest.TOOLS_MODEL))
                .toolCallSummaryFormatter((c, r) -> "x").build();
        assertThatThrownBy(agent::dumpComponent).hasMessageContaining("tool_call_summary_formatter");
    }
}
