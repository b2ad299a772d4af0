package dev.autogen.core.tool_agent;

import dev.autogen.core.AgentId;
import dev.autogen.core.AgentRuntime;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.core.utils.Concurrency;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code tool_agent_caller_loop}: asks the model, sends every function call it makes to a
 * {@link ToolAgent} (in parallel), feeds the results back, and repeats until the model answers with
 * text. A {@link ToolException} becomes an error {@link FunctionExecutionResult}; any other failure
 * is rethrown.
 *
 * <!-- java-context: ChatCompletionClient modelClient; AgentRuntime runtime; AgentId callerId;
 *      List<LLMMessage> context; List<ToolSchema> toolSchemas; CancellationToken token; -->
 * <pre>{@code
 * List<LLMMessage> generated = ToolAgentCallerLoop.run(runtime, callerId, AgentId.of("tool_executor"),
 *         modelClient, context, toolSchemas, token, "assistant");
 * }</pre>
 */
public final class ToolAgentCallerLoop {
    private ToolAgentCallerLoop() {
    }

    /**
     * Runs the loop.
     *
     * @param runtime the runtime to send the calls through
     * @param sender the calling agent, or null when called from outside an agent
     * @param toolAgentId the {@link ToolAgent} to run the calls
     * @param modelClient the model
     * @param inputMessages the context so far (not modified)
     * @param tools the tools to offer the model
     * @param cancellationToken cancels model and tool calls; null for none
     * @param callerSource the source of the generated {@link AssistantMessage}s
     * @return the messages generated: assistant messages and function results, ending with the text answer
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public static List<LLMMessage> run(AgentRuntime runtime, @Nullable AgentId sender, AgentId toolAgentId,
            ChatCompletionClient modelClient, List<? extends LLMMessage> inputMessages, List<ToolSchema> tools,
            @Nullable CancellationToken cancellationToken, String callerSource) {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(toolAgentId, "toolAgentId");
        Objects.requireNonNull(modelClient, "modelClient");
        Objects.requireNonNull(callerSource, "callerSource");
        List<LLMMessage> context = new ArrayList<>(inputMessages);
        List<LLMMessage> generated = new ArrayList<>();
        CreateResult response = create(modelClient, context, tools, cancellationToken);
        generated.add(new AssistantMessage(response.content(), response.thought(), callerSource));
        while (response.content() instanceof ModelContent.FunctionCalls calls) {
            List<CompletableFuture<@Nullable Object>> pending = new ArrayList<>();
            for (FunctionCall call : calls.calls()) {
                pending.add(runtime.sendMessageAsync(call, toolAgentId, sender, cancellationToken, null));
            }
            List<FunctionExecutionResult> results = new ArrayList<>();
            for (var future : pending) {
                results.add(await(future));
            }
            var resultMessage = new FunctionExecutionResultMessage(results);
            generated.add(resultMessage);
            context.add(generated.get(generated.size() - 2));
            context.add(resultMessage);
            response = create(modelClient, context, tools, cancellationToken);
            generated.add(new AssistantMessage(response.content(), response.thought(), callerSource));
        }
        return generated;
    }

    /** {@link #run} from outside any agent, without cancellation, with source {@code "assistant"}. */
    public static List<LLMMessage> run(AgentRuntime runtime, AgentId toolAgentId, ChatCompletionClient modelClient,
            List<? extends LLMMessage> inputMessages, List<ToolSchema> tools) {
        return run(runtime, null, toolAgentId, modelClient, inputMessages, tools, null, "assistant");
    }

    private static CreateResult create(ChatCompletionClient client, List<LLMMessage> context, List<ToolSchema> tools,
            @Nullable CancellationToken token) {
        return client.create(CreateRequest.builder(context).toolSchemas(tools).cancellationToken(token).build());
    }

    private static FunctionExecutionResult await(CompletableFuture<@Nullable Object> future) {
        Throwable failure;
        try {
            return (FunctionExecutionResult) Objects.requireNonNull(
                    Concurrency.await(future, null, "a tool call"), "tool agent replied with null");
        } catch (ExecutionException | CompletionException e) {
            failure = e.getCause() != null ? e.getCause() : e;
        }
        if (failure instanceof ToolException te) {
            return new FunctionExecutionResult(te.content(), te.name(), te.callId(), true);
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        throw new CompletionException(failure);
    }
}
