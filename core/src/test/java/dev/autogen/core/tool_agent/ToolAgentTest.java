package dev.autogen.core.tool_agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.AgentId;
import dev.autogen.core.BaseAgent;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.runtime.InProcessAgentRuntime;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.tools.FunctionTool;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.core.tools.annotation.ToolFunction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ToolAgentTest {
    static class Calculator {
        @ToolFunction("Adds two numbers")
        static int add(int a, int b) {
            return a + b;
        }

        @ToolFunction("Always fails")
        static String fail() {
            throw new IllegalStateException("division by zero");
        }
    }

    /** A model that answers from a script and records the contexts it was given. */
    static final class ScriptedModel implements ChatCompletionClient {
        final Deque<CreateResult> script;
        final List<List<LLMMessage>> contexts = new ArrayList<>();

        ScriptedModel(CreateResult... results) {
            script = new ArrayDeque<>(List.of(results));
        }

        @Override
        public dev.autogen.core.component.ComponentModel dumpComponent() {
            throw new UnsupportedOperationException("a test model has no component config");
        }

        @Override
        public CreateResult create(CreateRequest request) {
            contexts.add(request.messages());
            return script.removeFirst();
        }

        @Override
        public ChatCompletionStream createStream(CreateRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RequestUsage actualUsage() {
            return RequestUsage.ZERO;
        }

        @Override
        public RequestUsage totalUsage() {
            return RequestUsage.ZERO;
        }

        @Override
        public int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
            return 0;
        }

        @Override
        public int remainingTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
            return 0;
        }

        @Override
        public ModelInfo modelInfo() {
            return ModelInfo.unknown();
        }

        @Override
        public void close() {
        }
    }

    private final InProcessAgentRuntime runtime = new InProcessAgentRuntime();
    private final List<FunctionTool> tools = FunctionTool.fromMethods(Calculator.class);

    @AfterEach
    void close() {
        runtime.close();
    }

    private AgentId startToolAgent() {
        BaseAgent.register(runtime, "tool_executor", ToolAgent.class, ctx -> new ToolAgent(ctx, "Runs tools", tools));
        runtime.start();
        return AgentId.of("tool_executor");
    }

    @Test
    void executesAFunctionCallSentAsADirectMessage() {
        AgentId agent = startToolAgent();
        Object reply = runtime.sendMessage(new FunctionCall("c1", "{\"a\": 2, \"b\": 40}", "add"), agent);
        assertThat(reply).isEqualTo(new FunctionExecutionResult("42", "add", "c1", false));
    }

    @Test
    void failuresReachTheSenderAsToolExceptions() {
        AgentId agent = startToolAgent();
        assertThatThrownBy(() -> runtime.sendMessage(new FunctionCall("c2", "{}", "nope"), agent))
                .isInstanceOf(ToolNotFoundException.class).hasMessage("Error: Tool not found: nope");
        assertThatThrownBy(() -> runtime.sendMessage(new FunctionCall("c3", "{\"a\": ", "add"), agent))
                .isInstanceOf(InvalidToolArgumentsException.class).hasMessage("Error: Invalid arguments: {\"a\": ");
        assertThatThrownBy(() -> runtime.sendMessage(new FunctionCall("c4", "{\"a\": 1}", "add"), agent))
                .isInstanceOf(InvalidToolArgumentsException.class).hasMessageContaining("missing required argument 'b'");
        assertThatThrownBy(() -> runtime.sendMessage(new FunctionCall("c5", "{}", "fail"), agent))
                .isInstanceOf(ToolExecutionException.class).hasMessage("Error: division by zero");
    }

    @Test
    void callerLoopRunsToolCallsUntilTheModelAnswersWithText() {
        AgentId agent = startToolAgent();
        var model = new ScriptedModel(
                CreateResult.ofCalls(List.of(new FunctionCall("c1", "{\"a\": 1, \"b\": 2}", "add"),
                        new FunctionCall("c2", "{}", "fail")), RequestUsage.ZERO),
                CreateResult.ofText("1 + 2 = 3", RequestUsage.ZERO));
        List<LLMMessage> input = List.of(new UserMessage("What is 1 + 2?", "user"));
        List<LLMMessage> generated = ToolAgentCallerLoop.run(runtime, agent, model, input,
                tools.stream().map(FunctionTool::schema).toList());

        assertThat(generated).hasSize(3);
        assertThat(generated.get(1)).isEqualTo(new FunctionExecutionResultMessage(List.of(
                new FunctionExecutionResult("3", "add", "c1", false),
                new FunctionExecutionResult("Error: division by zero", "fail", "c2", true))));
        assertThat(generated.get(2)).isEqualTo(new AssistantMessage("1 + 2 = 3", "assistant"));
        assertThat(model.contexts.get(1)).containsExactly(input.getFirst(), generated.get(0), generated.get(1));
        assertThat(((AssistantMessage) generated.get(0)).content()).isInstanceOf(ModelContent.FunctionCalls.class);
    }
}
