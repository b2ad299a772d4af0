package dev.autogen.ext.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.agentchat.messages.ToolCallRequestEvent;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's must-show: an AssistantAgent with an McpWorkbench completes a scripted tool call end to
 * end, the call going over stdio to a real server-everything and its answer coming back to the agent.
 */
class AssistantAgentWithMcpTest {
    private static final ModelInfo TOOLS_MODEL = new ModelInfo(false, true, true, "unknown", true, null);

    @Test
    void anAgentCallsTheRealServersEchoToolAndReflectsOnItsAnswer() {
        var echoCall = new FunctionCall("call_1", "{\"message\": \"hello from the agent\"}", "echo");
        var model = new ReplayChatCompletionClient(List.of(
                new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(List.of(echoCall)),
                        new RequestUsage(10, 5), false, null, null),
                "The server echoed: hello from the agent"), TOOLS_MODEL);
        TaskResult result;
        try (var mcp = new McpWorkbench(McpTestServers.everything("stdio").build())) {
            var agent = AssistantAgent.builder("echoer", model).workbench(mcp).reflectOnToolUse(true).build();
            result = agent.run("Echo 'hello from the agent' with the server's tool.");
        }

        assertThat(result.messages()).extracting(BaseMessage::getClass).containsExactly(TextMessage.class,
                ToolCallRequestEvent.class, ToolCallExecutionEvent.class, TextMessage.class);
        assertThat(((ToolCallRequestEvent) result.messages().get(1)).content()).containsExactly(echoCall);
        var execution = (ToolCallExecutionEvent) result.messages().get(2);
        assertThat(execution.content()).containsExactly(
                new FunctionExecutionResult("Echo: hello from the agent", "echo", "call_1", false));
        assertThat(((TextMessage) result.messages().get(3)).content()).isEqualTo("The server echoed: hello from the agent");

        assertThat(model.createCalls()).hasSize(2);
        assertThat(model.createCalls().get(0).tools()).extracting(ToolSchema::name).contains("echo", "get-sum");
        assertThat(model.createCalls().get(1).messages().getLast()).isEqualTo(new FunctionExecutionResultMessage(
                List.of(new FunctionExecutionResult("Echo: hello from the agent", "echo", "call_1", false))));
    }
}
