package dev.autogen.agentchat.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.UserInputRequestedEvent;
import dev.autogen.agentchat.tools.AgentTool;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of docs/agentchat-agents-more.md, as written there, with their printed output checked. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AgentsMoreGuideTest {
    @TempDir
    Path workDir;

    @Test
    void userProxyAnsweredByAUiThatSawTheRequest() {
        Map<String, BlockingQueue<String>> answers = new ConcurrentHashMap<>();
        var user = new UserProxyAgent("user", (prompt, token) -> answers
                .computeIfAbsent(UserProxyAgent.InputRequestContext.requestId(), id -> new SynchronousQueue<>())
                .take());

        String last;
        try (MessageStream<TaskResult> stream = user.runStream("What is your name?")) {
            for (BaseMessage message : stream) {
                if (message instanceof UserInputRequestedEvent request) {
                    Thread.startVirtualThread(() -> {
                        try {
                            answers.computeIfAbsent(request.requestId(), id -> new SynchronousQueue<>()).put("Ada");
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            }
            last = stream.result().messages().getLast().toText();
        }
        assertThat(last).isEqualTo("Ada");
    }

    @Test
    void codeExecutorWithoutAModel() {
        try (var executor = LocalCommandLineCodeExecutor.builder().workDir(workDir).build()) {
            var agent = new CodeExecutorAgent("code_executor", executor);
            Response response = agent.onMessages(List.of(new TextMessage("""
                    Here is some code
                    ```python
                    print('Hello world')
                    ```""", "user")), new CancellationToken());
            assertThat(response.chatMessage().toText()).isEqualTo("Hello world\n");
        }
    }

    @Test
    void codeExecutorWithAnApprovalFunction() {
        ApprovalFunc noDeletes = request -> request.code().contains("rm ")
                ? ApprovalResponse.deny("deleting files is not allowed")
                : ApprovalResponse.approve("looks safe");
        try (var executor = LocalCommandLineCodeExecutor.builder().workDir(workDir).build()) {
            var agent = CodeExecutorAgent.builder("code_executor", executor).approvalFunc(noDeletes).build();
            Response refused = agent.onMessages(List.of(new TextMessage("```sh\nrm -rf data\n```", "coder")),
                    new CancellationToken());
            assertThat(refused.chatMessage().toText())
                    .isEqualTo("Code execution was not approved. Reason: deleting files is not allowed");
        }
    }

    @Test
    void codeExecutorWithAModel() {
        var model = ReplayChatCompletionClient.of(
                "Here is the code:\n```python\nprint(sum([10, 20, 30, 40, 50]) / 5)\n```",
                "The mean is 30.0.");
        List<String> printed = new ArrayList<>();
        try (var executor = LocalCommandLineCodeExecutor.builder().workDir(workDir).build()) {
            var agent = CodeExecutorAgent.builder("code_executor_agent", executor).modelClient(model).build();
            try (MessageStream<TaskResult> stream = agent.runStream("Calculate the mean of 10, 20, 30, 40, 50.")) {
                for (BaseMessage message : stream) {
                    printed.add(message.type() + ": " + message.toText());
                }
            }
        }
        assertThat(printed).hasSize(4);
        assertThat(printed.get(0)).isEqualTo("TextMessage: Calculate the mean of 10, 20, 30, 40, 50.");
        assertThat(printed.get(1)).startsWith("CodeGenerationEvent: Here is the code:");
        assertThat(printed.get(2)).isEqualTo("CodeExecutionEvent: 30.0\n");
        assertThat(printed.get(3)).isEqualTo("TextMessage: The mean is 30.0.");
    }

    @Test
    void messageFilter() {
        var writerInner = AssistantAgent.builder("writer", ReplayChatCompletionClient.of("Second draft.")).build();
        var writer = new MessageFilterAgent("writer", writerInner, MessageFilterConfig.of(
                PerSourceFilter.first("user", 1),
                PerSourceFilter.last("critic", 1)));

        writer.onMessages(List.of(
                new TextMessage("Write a haiku about autumn.", "user"),
                new TextMessage("First draft.", "writer"),
                new TextMessage("Too long.", "critic"),
                new TextMessage("Still too long.", "critic")), new CancellationToken());

        assertThat(writerInner.modelContext().getMessages()).containsExactly(
                new UserMessage("Write a haiku about autumn.", "user"),
                new UserMessage("Still too long.", "critic"),
                new dev.autogen.core.models.AssistantMessage("Second draft.", "writer"));
    }

    @Test
    void agentTool() {
        var writer = AssistantAgent.builder("writer", ReplayChatCompletionClient.of("The sea is wide and deep."))
                .description("A writer agent for generating text.")
                .systemMessage("Write well.")
                .build();
        ModelInfo functionCalling = new ModelInfo(false, true, true, ModelFamily.UNKNOWN, true, null);
        var model = new ReplayChatCompletionClient(List.of(CreateResult.ofCalls(
                List.of(new FunctionCall("call_1", "{\"task\": \"Write a poem about the sea.\"}", "writer")),
                new RequestUsage(10, 5))), functionCalling);
        var assistant = AssistantAgent.builder("assistant", model)
                .tools(new AgentTool(writer))
                .systemMessage("You are a helpful assistant.")
                .build();

        List<String> printed = new ArrayList<>();
        try (MessageStream<TaskResult> stream = assistant.runStream("Write a poem about the sea.")) {
            for (BaseMessage message : stream) {
                printed.add(message.type() + " from " + message.source());
            }
        }
        assertThat(printed).containsExactly("TextMessage from user", "ToolCallRequestEvent from assistant",
                "TextMessage from writer", "ToolCallExecutionEvent from assistant",
                "ToolCallSummaryMessage from assistant");
    }
}
