package dev.autogen.agentchat.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.CodeExecutorAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.agentchat.messages.ToolCallSummaryMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.Tool;
import dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentToolTest {
    private static final ModelInfo TOOLS = new ModelInfo(false, true, true, ModelFamily.UNKNOWN, true, null);

    private static CreateResult callWriter(String task) {
        return CreateResult.ofCalls(List.of(new FunctionCall("call_1",
                "{\"task\": " + AutogenJson.mapper().valueToTree(task) + "}", "writer")), new RequestUsage(10, 5));
    }

    private static AssistantAgent writer(String... replies) {
        return AssistantAgent.builder("writer", ReplayChatCompletionClient.of(replies))
                .description("A writer agent for generating text.")
                .systemMessage("Write well.")
                .build();
    }

    @Test
    void anAssistantDelegatesToAnotherAssistantAndSeesItsMessagesStreamInBetween() {
        AssistantAgent writer = writer("The sea is wide and deep.");
        var model = new ReplayChatCompletionClient(List.of(callWriter("Write a poem about the sea.")), TOOLS);
        var assistant = AssistantAgent.builder("assistant", model)
                .tools(new AgentTool(writer))
                .systemMessage("You are a helpful assistant.")
                .build();

        List<BaseMessage> streamed = new ArrayList<>();
        TaskResult result;
        try (MessageStream<TaskResult> stream = assistant.runStream("Write a poem about the sea.")) {
            stream.forEach(streamed::add);
            result = stream.result();
        }

        assertThat(streamed).extracting(m -> m.type() + "@" + m.source()).containsExactly(
                "TextMessage@user", "ToolCallRequestEvent@assistant", "TextMessage@writer",
                "ToolCallExecutionEvent@assistant", "ToolCallSummaryMessage@assistant");
        assertThat(streamed.get(2).toText()).isEqualTo("The sea is wide and deep.");
        FunctionExecutionResult toolResult = ((ToolCallExecutionEvent) streamed.get(3)).content().get(0);
        assertThat(toolResult.content()).isEqualTo("writer: The sea is wide and deep.");
        assertThat(toolResult.failed()).isFalse();
        assertThat(((ToolCallSummaryMessage) result.messages().get(result.messages().size() - 1)).content())
                .isEqualTo("writer: The sea is wide and deep.");
        assertThat(writer.modelContext().getMessages().get(0))
                .isEqualTo(new UserMessage("Write a poem about the sea.", "user"));
        assertThat(model.createCalls().get(0).tools()).extracting(s -> s.name()).containsExactly("writer");
    }

    @Test
    void theToolIsNamedAndDescribedAsItsAgentAndTakesATask() {
        Tool tool = new AgentTool(writer("x"));

        assertThat(tool.name()).isEqualTo("writer");
        assertThat(tool.description()).isEqualTo("A writer agent for generating text.");
        assertThat(AutogenJson.mapper().valueToTree(tool.schema().parameters()).toString())
                .contains("\"task\"").contains("\"The task to be executed.\"").contains("\"required\":[\"task\"]");
    }

    @Test
    void returnsEveryNonUserChatMessageOrOnlyTheLastOne() {
        var both = new TaskResult(List.of(new TextMessage("task", "user"), new TextMessage("draft", "writer"),
                new StopMessage("done", "critic")), null);

        assertThat(new AgentTool(writer("x")).returnValueAsString(both)).isEqualTo("writer: draft\n\ncritic: done");
        assertThat(new AgentTool(writer("x"), true).returnValueAsString(both)).isEqualTo("done");
        assertThatThrownBy(() -> new AgentTool(writer("x"), true).returnValueAsString(new TaskResult(List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The last message is not a BaseChatMessage.");
    }

    @Test
    void withReturnValueAsLastMessageTheModelGetsOnlyTheAnswer() {
        var model = new ReplayChatCompletionClient(List.of(callWriter("Haiku, please.")), TOOLS);
        var assistant = AssistantAgent.builder("assistant", model)
                .tools(new AgentTool(writer("Waves fold into foam."), true))
                .build();

        TaskResult result = assistant.run("Haiku about waves.");

        assertThat(result.messages().get(result.messages().size() - 1).toText()).isEqualTo("Waves fold into foam.");
    }

    @Test
    void aFailingInnerAgentIsAToolErrorAndDoesNotCancelTheCaller() {
        var model = new ReplayChatCompletionClient(List.of(callWriter("Write.")), TOOLS);
        var token = new CancellationToken();
        var assistant = AssistantAgent.builder("assistant", model).tools(new AgentTool(writer())).build();

        TaskResult result = assistant.run(dev.autogen.agentchat.base.RunOptions.task("Go.").withCancellationToken(token));

        FunctionExecutionResult toolResult = result.messages().stream()
                .filter(ToolCallExecutionEvent.class::isInstance).map(m -> ((ToolCallExecutionEvent) m).content().get(0))
                .findFirst().orElseThrow();
        assertThat(toolResult.failed()).isTrue();
        assertThat(toolResult.content()).contains("No more mock responses available");
        assertThat(token.isCancelled()).isFalse();
    }

    @Test
    void aTaskThatIsNotAStringIsAnArgumentError() {
        var tool = new AgentTool(writer("x"));

        assertThatThrownBy(() -> tool.runJsonStream(AutogenJson.mapper().readTree("{\"task\": 3}"),
                new CancellationToken(), null, event -> { }))
                .hasMessageContaining("tool 'writer'").hasMessageContaining("'task' must be a string");
        assertThatThrownBy(() -> tool.runJsonStream(AutogenJson.mapper().readTree("{}"),
                new CancellationToken(), null, event -> { }))
                .hasMessageContaining("missing required argument 'task'");
    }

    @Test
    void savesAndLoadsTheAgentsState() {
        AssistantAgent inner = writer("First draft.");
        var tool = new AgentTool(inner);
        inner.run("Write.");
        Map<String, Object> saved = tool.saveStateJson();

        inner.onReset(new CancellationToken());
        tool.loadStateJson(saved);

        assertThat(saved).containsEntry("type", "AssistantAgentState");
        assertThat(inner.modelContext().getMessages()).hasSize(2);
    }

    @Test
    void roundTripsAsAComponentWithPythonsFieldNames(@TempDir Path workDir) {
        var runner = new CodeExecutorAgent("runner", LocalCommandLineCodeExecutor.builder().workDir(workDir).build());
        var tool = new AgentTool(runner, true);

        ComponentModel dumped = tool.dumpComponent();

        assertThat(dumped.provider()).isEqualTo("autogen_agentchat.tools.AgentTool");
        assertThat(dumped.componentType()).isEqualTo("tool");
        assertThat(dumped.config().fieldNames()).toIterable().containsExactly("agent", "return_value_as_last_message");
        assertThat(dumped.config().get("return_value_as_last_message").asBoolean()).isTrue();

        Tool loaded = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(dumped.toJson(), Tool.class);
        assertThat(loaded).isInstanceOf(AgentTool.class);
        assertThat(loaded.name()).isEqualTo("runner");
        assertThat(((AgentTool) loaded).returnValueAsLastMessage()).isTrue();
    }

    @Test
    void aPythonConfigWithoutTheFlagLoadsWithItsDefault() {
        String json = """
                {"provider": "autogen_agentchat.tools.AgentTool", "component_type": "tool", "config": {
                  "agent": {"provider": "autogen_agentchat.agents.UserProxyAgent", "component_type": "agent",
                            "config": {"name": "human", "description": "Answers questions."}}}}""";

        AgentTool tool = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(json, AgentTool.class);

        assertThat(tool.name()).isEqualTo("human");
        assertThat(tool.description()).isEqualTo("Answers questions.");
        assertThat(tool.returnValueAsLastMessage()).isFalse();
    }
}
