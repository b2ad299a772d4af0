package dev.autogen.ext.a2a;

import static dev.autogen.ext.a2a.A2AFixtures.handoffTo;
import static dev.autogen.ext.a2a.A2AFixtures.replying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.HandoffTermination;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.ToolCallSummaryMessage;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.agentchat.teams.Swarm;
import dev.autogen.agentchat.tools.AgentTool;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link A2AAgent} calling remote A2A agents: one made with the SDK alone, and AutoGen teams we serve. */
class A2AAgentTest {

    private static List<String> chat(TaskResult result) {
        return result.messages().stream().filter(BaseChatMessage.class::isInstance)
                .map(m -> m.source() + ": " + m.toText()).toList();
    }

    @Test
    void aParticipantOfARoundRobinTeamCallsAnAgentMadeWithTheSdkAlone() throws Exception {
        try (var remote = new SdkOnlyA2AServer();
                var echo = A2AAgent.builder("echo", remote.url()).description("Echoes.").build()) {
            var team = RoundRobinGroupChat.builder(List.of(replying("writer", "Solar sails ride on light."), echo))
                    .terminationCondition(new MaxMessageTermination(3)).build();

            TaskResult result = team.run("Write one line.");

            assertThat(chat(result)).containsExactly("user: Write one line.", "writer: Solar sails ride on light.",
                    "echo: Echo: Write one line.\nSolar sails ride on light.");
            assertThat(remote.received).containsExactly("Write one line.\nSolar sails ride on light.");
            assertThat(echo.card().name()).isEqualTo("echo");
        }
    }

    @Test
    void itStreamsFromAServedTeamAndContinuesATaskThatAskedForInput() {
        var alice = AssistantAgent.builder("alice", new ReplayChatCompletionClient(List.of(handoffTo("user"),
                "Booked for Tuesday."), A2AFixtures.TOOLS_MODEL)).handoffs("user").build();
        var served = Swarm.builder(List.of(alice)).terminationCondition(new HandoffTermination("user")
                .or(new MaxMessageTermination(2))).build();
        try (A2AHttpServer http = A2AAgentServer.builder().serve(served).build().start("127.0.0.1", 0, "t0ken");
                var booking = A2AAgent.builder("booking", http.url()).bearerToken("t0ken").build()) {
            TaskResult asked = booking.run("Book me a table.");
            BaseChatMessage question = (BaseChatMessage) asked.messages().getLast();
            assertThat(question.metadata()).containsEntry("a2a_state", "input-required");

            TaskResult done = booking.run("Tuesday, please.");

            assertThat(done.messages().getLast().toText()).isEqualTo("Booked for Tuesday.");
            assertThat(done.messages()).extracting(BaseMessage::source).contains("alice");
            assertThat(booking.saveState()).doesNotContainKey("task_id");
        }
    }

    @Test
    void asAToolOfAnAssistantItAnswersTheToolCall() throws Exception {
        try (var remote = new SdkOnlyA2AServer();
                var echo = A2AAgent.builder("echo", remote.url()).description("Echoes its input.").build()) {
            var caller = AssistantAgent.builder("caller", new ReplayChatCompletionClient(List.of(
                    new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(List.of(
                            new FunctionCall("c1", "{\"task\": \"ping\"}", "echo"))), new RequestUsage(1, 1), false,
                            null, null)), A2AFixtures.TOOLS_MODEL)).tools(new AgentTool(echo)).build();

            TaskResult result = caller.run("Ask the echo agent.");

            assertThat(result.messages().getLast()).isInstanceOf(ToolCallSummaryMessage.class);
            assertThat(result.messages().getLast().toText()).contains("Echo: ping");
        }
    }

    @Test
    void aConfigLoadsDumpsAndNamesWhatIsWrong() {
        JsonNode config = AutogenJson.mapper().valueToTree(java.util.Map.of("provider", A2AAgent.PROVIDER,
                "component_type", "agent", "config", java.util.Map.of("name", "researcher",
                        "url", "http://127.0.0.1:9/", "streaming", false, "token_env", "RESEARCHER_TOKEN")));
        ChatAgent agent = ComponentLoader.defaultLoader().load(config, ChatAgent.class);
        assertThat(agent).isInstanceOf(A2AAgent.class);
        JsonNode dumped = AutogenJson.mapper().valueToTree(((A2AAgent) agent).dumpComponent());
        assertThat(dumped.path("config").path("url").asText()).isEqualTo("http://127.0.0.1:9/");
        assertThat(dumped.path("config").path("streaming").asBoolean(true)).isFalse();
        assertThat(dumped.path("config").path("token_env").asText()).isEqualTo("RESEARCHER_TOKEN");

        JsonNode bad = AutogenJson.mapper().valueToTree(java.util.Map.of("provider", A2AAgent.PROVIDER,
                "component_type", "agent", "config", java.util.Map.of("name", "researcher", "url", "ftp://x")));
        assertThatThrownBy(() -> ComponentLoader.defaultLoader().load(bad, ChatAgent.class))
                .isInstanceOf(ComponentLoadException.class).hasMessageContaining("url")
                .hasMessageContaining("http:// or https://");

        var unreachable = A2AAgent.builder("nobody", "http://127.0.0.1:9/").build();
        assertThatThrownBy(() -> unreachable.run("hello?")).hasMessageContaining("agent 'nobody' cannot read the A2A"
                + " agent card at http://127.0.0.1:9/");
    }
}
