package dev.autogen.agentchat.agents;

import dev.autogen.agentchat.base.Handoff;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.MessageHandlerContext;
import dev.autogen.core.RuntimeListener;
import dev.autogen.core.component.ConsentRefusedException;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.tools.FunctionCallArguments;
import dev.autogen.core.tools.StreamWorkbench;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.core.tools.Workbench;
import dev.autogen.core.utils.Concurrency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes the tool calls of one model response, all at once on virtual threads, returning results in
 * call order. A failure never escapes: a crashing tool, unknown tool or malformed arguments become
 * error results the model can read.
 */
final class ToolCallRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ToolCallRunner.class);

    private final Map<String, Workbench> owners;
    private final List<ToolSchema> toolSchemas;
    private final Map<String, Handoff> handoffs;

    private ToolCallRunner(Map<String, Workbench> owners, List<ToolSchema> toolSchemas, Map<String, Handoff> handoffs) {
        this.owners = owners;
        this.toolSchemas = toolSchemas;
        this.handoffs = handoffs;
    }

    /**
     * A runner for one agent step: lists each workbench's tools once (a remote workbench such as MCP
     * answers over the network), so every call of the step goes straight to the workbench that has it.
     */
    static ToolCallRunner forStep(List<Workbench> workbenches, Map<String, Handoff> handoffs) {
        Map<String, Workbench> owners = new HashMap<>();
        List<ToolSchema> schemas = new ArrayList<>();
        for (Workbench workbench : workbenches) {
            for (ToolSchema schema : workbench.listTools()) {
                schemas.add(schema);
                owners.putIfAbsent(schema.name(), workbench);
            }
        }
        return new ToolCallRunner(owners, List.copyOf(schemas), handoffs);
    }

    /** The tools of every workbench, in order, as listed for this step. */
    List<ToolSchema> toolSchemas() {
        return toolSchemas;
    }

    /**
     * Runs {@code calls} concurrently. Events that streaming tools emit go to {@code events} (from the
     * tools' threads, one at a time). The hand-off is guarded by a {@link ReentrantLock}, not a monitor:
     * {@code events} may wait for a stream's reader, and a virtual thread waiting inside
     * {@code synchronized} would pin its carrier thread.
     *
     * @throws CancellationException when {@code token} is cancelled or the caller is interrupted
     */
    List<FunctionExecutionResult> runAll(List<FunctionCall> calls, CancellationToken token, Consumer<BaseMessage> events) {
        if (calls.size() == 1) {
            return List.of(run(calls.get(0), token, events));
        }
        ReentrantLock lock = new ReentrantLock();
        Consumer<BaseMessage> serialized = message -> {
            lock.lock();
            try {
                events.accept(message);
            } finally {
                lock.unlock();
            }
        };
        List<Callable<FunctionExecutionResult>> tasks = new ArrayList<>(calls.size());
        for (FunctionCall call : calls) {
            tasks.add(() -> run(call, token, serialized));
        }
        try {
            return Concurrency.invokeAll("autogen-tool-call-", tasks, token);
        } catch (CancellationException e) {
            var cancelled = new CancellationException("tool calls cancelled");
            cancelled.initCause(e);
            throw cancelled;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException cancelled) {
                throw cancelled;
            }
            if (e.getCause() instanceof ConsentRefusedException refused) {
                throw refused;
            }
            throw new IllegalStateException("tool call runner failed", e.getCause());
        }
    }

    private FunctionExecutionResult run(FunctionCall call, CancellationToken token, Consumer<BaseMessage> events) {
        Handoff handoff = handoffs.get(call.name());
        if (handoff != null) {
            ToolResult malformed = FunctionCallArguments.parse(call).error();
            return malformed != null
                    ? new FunctionExecutionResult(malformed.toText(), call.name(), call.id(), true)
                    : new FunctionExecutionResult(handoff.message(), call.name(), call.id(), false);
        }
        Workbench workbench = owners.get(call.name());
        if (workbench != null) {
            RuntimeListener listener = MessageHandlerContext.currentListener();
            listener.toolCallStart(call.name(), call.id(), call.arguments());
            ToolResult result;
            try {
                result = workbench instanceof StreamWorkbench stream
                        ? callStreaming(stream, call, token, events)
                        : workbench.callTool(call, token);
            } catch (CancellationException e) {
                listener.toolCallEnd(call.name(), call.id(), "cancelled", true);
                throw e;
            } catch (ConsentRefusedException e) {
                listener.toolCallEnd(call.name(), call.id(), e.getMessage(), true);
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("tool '{}' failed", call.name(), e);
                result = ToolResult.error(call.name(), "Error: " + e);
            }
            listener.toolCallEnd(call.name(), call.id(), result.toText(), result.isError());
            return new FunctionExecutionResult(result.toText(), call.name(), call.id(), result.isError());
        }
        return new FunctionExecutionResult("Error: tool '" + call.name() + "' not found in any workbench",
                call.name(), call.id(), true);
    }

    private static ToolResult callStreaming(StreamWorkbench workbench, FunctionCall call, CancellationToken token,
            Consumer<BaseMessage> events) {
        return workbench.callToolStream(call, token, event -> {
            if (event instanceof BaseMessage message) {
                events.accept(message);
            }
        });
    }
}
