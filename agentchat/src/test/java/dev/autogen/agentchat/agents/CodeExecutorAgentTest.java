package dev.autogen.agentchat.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.CodeExecutionEvent;
import dev.autogen.agentchat.messages.CodeGenerationEvent;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.state.CodeExecutorAgentState;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.code_executor.CodeBlock;
import dev.autogen.core.code_executor.CodeResult;
import dev.autogen.core.code_executor.CommandLineCodeResult;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.JsonOutput;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs real python3 and sh processes. The class timeout only guards against a hang. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CodeExecutorAgentTest {
    private static final CancellationToken NONE = new CancellationToken();
    private static final ModelInfo STRUCTURED = new ModelInfo(false, false, true, ModelFamily.UNKNOWN, true, null);

    @TempDir
    Path workDir;

    private LocalCommandLineCodeExecutor executor() {
        return LocalCommandLineCodeExecutor.builder().workDir(workDir).build();
    }

    private static List<TextMessage> said(String source, String content) {
        return List.of(new TextMessage(content, source));
    }

    private static String replyOf(Response response) {
        return ((TextMessage) response.chatMessage()).content();
    }

    @Test
    void runsThePythonBlockItReceivesAndAnswersWithItsOutput() {
        var agent = new CodeExecutorAgent("code_executor", executor());

        Response response = agent.onMessages(said("assistant", """
                ```python
                import math

                number = 42
                square_root = math.sqrt(number)
                print("%0.3f" % (square_root,))
                ```"""), NONE);

        assertThat(replyOf(response).strip()).isEqualTo("6.481");
        assertThat(response.chatMessage().source()).isEqualTo("code_executor");
        assertThat(agent.description()).isEqualTo(CodeExecutorAgent.DEFAULT_TERMINAL_DESCRIPTION);
    }

    @Test
    void explainsAFailureWithItsExitCodeAndOutput() {
        var agent = new CodeExecutorAgent("code_executor", executor());

        String reply = replyOf(agent.onMessages(said("assistant",
                "```python\nimport math\nprint(math.sqrt(-1.0))\n```"), NONE));

        assertThat(reply).startsWith("The script ran, then exited with an error (POSIX exit code: 1)\nIts output was:\n")
                .contains("ValueError: math domain error");
    }

    @Test
    void explainsThatAScriptPrintedNothing() {
        var agent = new CodeExecutorAgent("code_executor", executor());

        String reply = replyOf(agent.onMessages(said("assistant", "```python\nx = 42\n```"), NONE));

        assertThat(reply).isEqualTo("The script ran but produced no output to console. The POSIX exit code was: 0. "
                + "If you were expecting output, consider revising the script to ensure content is printed to stdout.");
    }

    @Test
    void withoutACodeBlockAnswersPythonsExactMessage() {
        var agent = new CodeExecutorAgent("code_executor", executor());

        String reply = replyOf(agent.onMessages(said("assistant", "import math\nprint(math.pi)"), NONE));

        assertThat(reply).isEqualTo("No code blocks found in the thread. Please provide at least one markdown-encoded "
                + "code block to execute (i.e., quoting code in ```python or ```sh code blocks).");
    }

    @Test
    void runsEveryBlockInOrderAndStopsAtTheFirstFailure() {
        var agent = new CodeExecutorAgent("code_executor", executor());

        String reply = replyOf(agent.onMessages(said("assistant", """
                First:
                ```python
                print("one")
                ```
                Then:
                ```sh
                echo two
                ```
                And this fails:
                ```python
                raise SystemExit(3)
                ```
                ```sh
                echo never
                ```
                """), NONE));

        assertThat(reply).startsWith("The script ran, then exited with an error (POSIX exit code: 3)")
                .contains("one\n").contains("two\n").doesNotContain("never");
    }

    @Test
    void runsOnlySupportedLanguagesCaseInsensitivelyAndOnlyFromTheGivenSources() {
        var byDefault = new CodeExecutorAgent("runner", executor());
        assertThat(byDefault.extractCodeBlocksFromMessages(said("coder",
                "```bash\necho no\n```\n```\nprint('untagged')\n```\n```PYTHON\nprint('yes')\n```")))
                .containsExactly(new CodeBlock("print('yes')\n", "PYTHON"));

        var bashFromCoder = CodeExecutorAgent.builder("runner", executor())
                .supportedLanguages("bash")
                .sources("coder")
                .build();
        String reply = replyOf(bashFromCoder.onMessages(List.of(
                new TextMessage("```bash\necho from reviewer\n```", "reviewer"),
                new TextMessage("```bash\necho from coder\n```", "coder")), NONE));

        assertThat(reply).isEqualTo("from coder\n");
    }

    @Test
    void aRefusedExecutionDoesNotRunAndSaysWhy() {
        List<ApprovalRequest> requests = new ArrayList<>();
        var agent = CodeExecutorAgent.builder("runner", executor())
                .approvalFunc(request -> {
                    requests.add(request);
                    return request.code().contains("rm ")
                            ? ApprovalResponse.deny("Code contains potentially dangerous keyword: rm")
                            : ApprovalResponse.approve("Code appears safe");
                })
                .build();

        String safe = replyOf(agent.onMessages(said("user", "```python\nprint('Safe message')\n```"), NONE));
        String refused = replyOf(agent.onMessages(said("user", "```sh\ntouch victim.txt && rm victim.txt\n```"), NONE));

        assertThat(safe).isEqualTo("Safe message\n");
        assertThat(refused).isEqualTo("Code execution was not approved. Reason: Code contains potentially dangerous "
                + "keyword: rm");
        assertThat(workDir.resolve("victim.txt")).doesNotExist();
        assertThat(requests.get(0).code()).isEqualTo("```python\nprint('Safe message')\n\n```");
        assertThat(requests.get(0).context()).isEmpty();
    }

    @Test
    void executeCodeBlockReportsARefusalAsExitCodeOne() {
        var agent = CodeExecutorAgent.builder("runner", executor())
                .approvalFunc(request -> ApprovalResponse.deny("All code execution is denied"))
                .build();

        CodeResult result = agent.executeCodeBlock(List.of(new CodeBlock("print('x')", "python")), NONE);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).isEqualTo("Code execution was not approved. Reason: All code execution is denied");
    }

    @Test
    void aFailingApprovalFunctionEndsTheTurnWithItsError() {
        var agent = CodeExecutorAgent.builder("runner", executor())
                .approvalFunc(request -> {
                    throw new java.io.IOException("reviewer unreachable");
                })
                .build();

        assertThatThrownBy(() -> agent.onMessages(said("user", "```python\nprint(1)\n```"), NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("agent 'runner'").hasMessageContaining("reviewer unreachable");
    }

    @Test
    void anAgentWithAnApprovalFunctionCannotBeDumped() {
        var agent = CodeExecutorAgent.builder("runner", executor())
                .approvalFunc(request -> ApprovalResponse.approve("ok"))
                .build();

        assertThatThrownBy(agent::dumpComponent)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("Cannot serialize CodeExecutorAgent with approval_func set");
    }

    @Test
    void withAModelGeneratesRunsAndReflects() {
        String code = "import math\n\nnumber = 42\nsquare_root = math.sqrt(number)\nprint(\"%0.3f\" % (square_root,))";
        var model = ReplayChatCompletionClient.of(
                "Here is the code to calculate the square root of 42:\n```python\n" + code + "```", "TERMINATE");
        var agent = CodeExecutorAgent.builder("code_executor_agent", executor()).modelClient(model).build();

        List<BaseMessage> events = new ArrayList<>();
        Response response = agent.onMessagesStream(
                said("assistant", "Generate python code to calculate the square root of 42"), NONE, events::add);

        assertThat(events).hasSize(2);
        CodeGenerationEvent generation = (CodeGenerationEvent) events.get(0);
        assertThat(generation.retryAttempt()).isZero();
        assertThat(generation.codeBlocks()).containsExactly(new CodeBlock(code, "python"));
        CodeExecutionEvent execution = (CodeExecutionEvent) events.get(1);
        assertThat(execution.toText().strip()).isEqualTo("6.481");
        assertThat(execution.result()).isInstanceOf(CommandLineCodeResult.class);
        assertThat(replyOf(response)).isEqualTo("TERMINATE");
        assertThat(response.chatMessage().source()).isEqualTo("code_executor_agent");
        assertThat(agent.description()).isEqualTo(CodeExecutorAgent.DEFAULT_AGENT_DESCRIPTION);

        List<LLMMessage> reflectionPrompt = model.createCalls().get(1).messages();
        assertThat(reflectionPrompt.get(0)).isEqualTo(new SystemMessage(CodeExecutorAgent.DEFAULT_SYSTEM_MESSAGE));
        assertThat(reflectionPrompt.get(reflectionPrompt.size() - 1)).isEqualTo(new UserMessage("6.481\n",
                "code_executor_agent"));
    }

    @Test
    void withAModelAnswerWithoutCodeIsTheReply() {
        var model = ReplayChatCompletionClient.of("The capital of France is Paris.", "TERMINATE");
        var agent = CodeExecutorAgent.builder("code_executor_agent", executor()).modelClient(model).build();

        List<BaseMessage> events = new ArrayList<>();
        Response response = agent.onMessagesStream(said("assistant", "What is the capital of France?"), NONE,
                events::add);

        assertThat(events).isEmpty();
        assertThat(replyOf(response)).isEqualTo("The capital of France is Paris.");
        assertThat(model.createCalls()).hasSize(1);
    }

    @Test
    void onErrorAsksTheModelWhetherToRetryWithStructuredOutputThenFixesTheCode() {
        String incorrect = "numbers = [10, 20, 30, 40, 50]\nmean = sum(numbers) / len(numbers\nprint(\"The mean is:\", mean)";
        String correct = "numbers = [10, 20, 30, 40, 50]\nmean = sum(numbers) / len(numbers)\nprint(\"The mean is:\", mean)";
        var model = new ReplayChatCompletionClient(List.of(
                "Here is the code to calculate the mean of 10, 20, 30, 40, 50\n\n```python\n" + incorrect + "\n```\n",
                "{\"retry\": \"true\", \"reason\": \"Retry 1: It is a test environment\"}",
                "Here is the updated code to calculate the mean of 10, 20, 30, 40, 50\n\n```python\n" + correct + "\n```",
                "Final Response",
                "TERMINATE"), STRUCTURED);
        var agent = CodeExecutorAgent.builder("code_executor_agent", executor())
                .modelClient(model)
                .maxRetriesOnError(1)
                .build();

        List<BaseMessage> events = new ArrayList<>();
        Response response = agent.onMessagesStream(said("assistant", "Calculate the mean of 10, 20, 30, 40, 50."),
                NONE, events::add);

        assertThat(events).extracting(BaseMessage::type).containsExactly("CodeGenerationEvent", "CodeExecutionEvent",
                "CodeGenerationEvent", "CodeGenerationEvent", "CodeExecutionEvent");
        assertThat(((CodeGenerationEvent) events.get(0)).codeBlocks().get(0).code().strip()).isEqualTo(incorrect);
        assertThat(events.get(1).toText()).contains("SyntaxError: '(' was never closed");
        CodeGenerationEvent decision = (CodeGenerationEvent) events.get(2);
        assertThat(decision.toText()).isEqualTo("Attempt number: 1\nProposed correction: Retry 1: It is a test environment");
        assertThat(decision.codeBlocks()).isEmpty();
        assertThat(((CodeGenerationEvent) events.get(3)).retryAttempt()).isEqualTo(1);
        assertThat(events.get(4).toText().strip()).isEqualTo("The mean is: 30.0");
        assertThat(replyOf(response)).isEqualTo("Final Response");

        var retryRequest = model.createCalls().get(1);
        assertThat(retryRequest.jsonOutput()).isEqualTo(JsonOutput.structured(CodeExecutorAgent.RetryDecision.class));
        LLMMessage retryPrompt = retryRequest.messages().get(retryRequest.messages().size() - 1);
        assertThat(((UserContent.Text) ((UserMessage) retryPrompt).content()).text())
                .startsWith("The most recent code execution resulted in an error:\nThe script ran, then exited")
                .contains("Should we attempt to resolve it? Please respond with:\n"
                        + "- A boolean value for 'retry' indicating whether it should be retried.\n");
    }

    @Test
    void whenTheModelDeclinesToRetryItReflectsOnTheFailure() {
        var model = new ReplayChatCompletionClient(List.of(
                "```python\nraise SystemExit(5)\n```",
                "{\"reason\": \"It exits on purpose.\", \"retry\": false}",
                "It failed on purpose."), STRUCTURED);
        var agent = CodeExecutorAgent.builder("coder", executor()).modelClient(model).maxRetriesOnError(3).build();

        List<BaseMessage> events = new ArrayList<>();
        Response response = agent.onMessagesStream(said("user", "Fail."), NONE, events::add);

        assertThat(events).extracting(BaseMessage::type).containsExactly("CodeGenerationEvent", "CodeExecutionEvent");
        assertThat(replyOf(response)).isEqualTo("It failed on purpose.");
    }

    @Test
    void aMalformedRetryDecisionIsAnErrorQuotingTheAnswer() {
        var model = new ReplayChatCompletionClient(List.of("```python\nraise SystemExit(5)\n```", "maybe?"), STRUCTURED);
        var agent = CodeExecutorAgent.builder("coder", executor()).modelClient(model).maxRetriesOnError(1).build();

        assertThatThrownBy(() -> agent.onMessages(said("user", "Fail."), NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("retry decision").hasMessageContaining("maybe?");
    }

    @Test
    void retriesNeedAModelWithStructuredOutput() {
        assertThatThrownBy(() -> CodeExecutorAgent.builder("coder", executor()).maxRetriesOnError(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a model client");
        assertThatThrownBy(() -> CodeExecutorAgent.builder("coder", executor())
                .modelClient(ReplayChatCompletionClient.of("x")).maxRetriesOnError(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("structured output");
        assertThatThrownBy(() -> CodeExecutorAgent.builder("coder", executor()).maxRetriesOnError(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }

    @Test
    void streamsTheModelsRepliesAsChunks() {
        var model = ReplayChatCompletionClient.of("```python\nprint('streamed')\n```", "All done here.");
        var agent = CodeExecutorAgent.builder("coder", executor()).modelClient(model).modelClientStream(true).build();

        List<BaseMessage> events = new ArrayList<>();
        Response response = agent.onMessagesStream(said("user", "Print something."), NONE, events::add);

        List<String> reflectionChunks = events.stream()
                .filter(e -> e instanceof ModelClientStreamingChunkEvent c && c.fullMessageId() != null)
                .map(e -> ((ModelClientStreamingChunkEvent) e).content()).toList();
        assertThat(String.join("", reflectionChunks)).isEqualTo("All done here.");
        assertThat(events).filteredOn(e -> e instanceof ModelClientStreamingChunkEvent c
                && response.chatMessage().id().equals(c.fullMessageId())).hasSize(3);
        assertThat(events).filteredOn(CodeExecutionEvent.class::isInstance).singleElement()
                .extracting(BaseMessage::toText).isEqualTo("streamed\n");
        assertThat(response.innerMessages()).noneMatch(ModelClientStreamingChunkEvent.class::isInstance);
    }

    @Test
    void savesPythonsEmptyStateAndLoadsBothItAndTheOlderModelContextState() {
        var model = ReplayChatCompletionClient.of("No code needed.");
        var agent = CodeExecutorAgent.builder("coder", executor()).modelClient(model).build();
        agent.onMessages(said("user", "Hi"), NONE);

        assertThat(agent.saveState()).isEqualTo(Map.of("type", "BaseState", "version", "1.0.0"));

        Map<String, Object> older = CodeExecutorAgentState.of(agent.modelContext().saveState()).toMap();
        agent.onReset(NONE);
        assertThat(agent.modelContext().getMessages()).isEmpty();
        agent.loadState(older);
        assertThat(agent.modelContext().getMessages()).containsExactly(new UserMessage("Hi", "user"),
                new AssistantMessage("No code needed.", "coder"));
        agent.loadState(Map.of("type", "BaseState", "version", "1.0.0"));
        assertThat(agent.modelContext().getMessages()).hasSize(2);
        assertThatThrownBy(() -> agent.loadState(Map.of("type", "AssistantAgentState")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CodeExecutorAgentState");
    }

    @Test
    void dumpsWithPythonsFieldsAndLoadsBack() {
        var agent = CodeExecutorAgent.builder("code_executor", executor()).sources("coder").build();

        ComponentModel dumped = agent.dumpComponent();

        assertThat(dumped.provider()).isEqualTo("autogen_agentchat.agents.CodeExecutorAgent");
        assertThat(dumped.componentType()).isEqualTo("agent");
        assertThat(dumped.config().fieldNames()).toIterable().containsExactly("name", "code_executor", "description",
                "sources", "system_message", "model_client_stream", "model_context", "supported_languages");
        assertThat(dumped.config().get("code_executor").get("provider").asText())
                .isEqualTo("autogen_ext.code_executors.local.LocalCommandLineCodeExecutor");
        assertThat(dumped.config().get("supported_languages").toString()).isEqualTo("[\"python\",\"sh\"]");

        CodeExecutorAgent loaded = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(dumped.toJson(), CodeExecutorAgent.class);
        assertThat(loaded.name()).isEqualTo("code_executor");
        assertThat(replyOf(loaded.onMessages(List.of(new TextMessage("```sh\necho hi\n```", "coder")), NONE)))
                .isEqualTo("hi\n");
    }

    @Test
    void loadsAPythonConfigWithAModelClient() {
        String json = """
                {"provider": "autogen_agentchat.agents.CodeExecutorAgent", "component_type": "agent", "version": 1,
                 "component_version": 1, "config": {
                   "name": "code_executor_agent",
                   "code_executor": {"provider": "autogen_ext.code_executors.local.LocalCommandLineCodeExecutor",
                                     "component_type": "code_executor", "config": {"timeout": 60, "work_dir": "%s",
                                     "functions_module": "functions", "cleanup_temp_files": true}},
                   "model_client": {"provider": "autogen_ext.models.replay.ReplayChatCompletionClient",
                                    "component_type": "replay_chat_completion_client",
                                    "config": {"chat_completions": ["```python\\nprint(6*7)\\n```", "It printed 42."]}},
                   "description": "Writes and runs code.",
                   "model_client_stream": false}}""".formatted(workDir.toString());

        ChatAgent agent = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(json, ChatAgent.class);
        Response response = agent.onMessages(said("user", "Compute 6*7."), NONE);

        assertThat(agent.description()).isEqualTo("Writes and runs code.");
        assertThat(replyOf(response)).isEqualTo("It printed 42.");
        assertThat(((CodeExecutorAgent) agent).modelContext().getMessages()).contains(new UserMessage("42\n",
                "code_executor_agent"));
    }
}
