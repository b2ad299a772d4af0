package dev.autogen.ext.a2a;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.TaskRunner;
import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.UserInputRequestedEvent;
import dev.autogen.agentchat.teams.BaseGroupChat;
import dev.autogen.core.CancellationToken;
import io.a2a.server.agentexecution.AgentExecutor;
import io.a2a.server.agentexecution.RequestContext;
import io.a2a.server.events.EventQueue;
import io.a2a.spec.InternalError;
import io.a2a.spec.InvalidRequestError;
import io.a2a.spec.JSONRPCError;
import io.a2a.spec.Part;
import io.a2a.spec.TaskState;
import io.a2a.spec.TextPart;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an agent or team for A2A tasks (internal). One run at a time: the runner is one stateful
 * object, reset and given the state its A2A context had after its last run before each new run, so
 * every context is a conversation of its own. A run that ends with a handoff out of the team (to the
 * user, as {@code HandoffTermination} stops it) or whose user proxy asks leaves its task
 * {@code input-required}; the next message of that task continues it.
 */
final class TaskRunnerExecutor implements AgentExecutor {
    /** Key of the server call context's state holding the JSON-RPC method of the request. */
    static final String METHOD = "autogen.a2a.method";

    private static final Logger log = LoggerFactory.getLogger(TaskRunnerExecutor.class);

    private final TaskRunner runner;
    private final Set<String> participants;
    private final Semaphore turn = new Semaphore(1, true);
    private final Map<String, Map<String, Object>> contextStates;
    private final Map<String, HandoffMessage> handoffs = new ConcurrentHashMap<>();
    private final Map<String, ActiveRun> runs = new ConcurrentHashMap<>();
    private volatile @Nullable ActiveRun current;

    TaskRunnerExecutor(TaskRunner runner, int maxContexts) {
        this.runner = runner;
        this.participants = runner instanceof BaseGroupChat chat
                ? chat.participants().stream().map(Participant::name).collect(Collectors.toUnmodifiableSet())
                : Set.of();
        this.contextStates = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
                return size() > maxContexts;
            }
        });
    }

    @Override
    public void execute(RequestContext request, EventQueue queue) throws JSONRPCError {
        String text = A2AMessages.text(request.getMessage());
        TaskEvents events = new TaskEvents(request.getTaskId(), request.getContextId(), queue, holdsEvents(request));
        ActiveRun waiting = runs.get(request.getTaskId());
        if (waiting != null) {
            await(waiting.resume(text, events));
            return;
        }
        HandoffMessage handoff = handoffs.remove(request.getTaskId());
        BaseChatMessage task = handoff != null
                ? new HandoffMessage(text, handoff.target(), handoff.source(), List.of())
                : new TextMessage(text, "user");
        if (request.getTask() == null) {
            events.status(TaskState.SUBMITTED, null);
        }
        acquireTurn(request.getTaskId());
        ActiveRun run = new ActiveRun(events);
        try {
            prepare(run.contextId);
            runs.put(run.taskId, run);
            current = run;
            run.status(TaskState.WORKING, null);
            Thread.ofVirtual().name("autogen-a2a-task-" + run.taskId).start(() -> runToEnd(run, task));
        } catch (RuntimeException e) {
            runs.remove(run.taskId);
            current = null;
            turn.release();
            throw new InternalError("the agent could not start: " + e.getMessage());
        }
        await(run.segment());
    }

    @Override
    public void cancel(RequestContext request, EventQueue queue) throws JSONRPCError {
        var events = new TaskEvents(request.getTaskId(), request.getContextId(), queue, false);
        Runnable announce = () -> events.status(TaskState.CANCELED, null);
        handoffs.remove(request.getTaskId());
        ActiveRun run = runs.get(request.getTaskId());
        if (run != null) {
            run.cancel(announce);
        } else {
            announce.run();
        }
    }

    /** Asks the A2A client of the running task for input; the input function of {@link A2AUserInput}. */
    String askUser(String prompt, CancellationToken cancellation) throws InterruptedException {
        ActiveRun run = current;
        if (run == null) {
            throw new IllegalStateException("no A2A task is running to ask for input");
        }
        return run.ask(prompt, cancellation);
    }

    private void acquireTurn(String taskId) {
        if (turn.tryAcquire()) {
            return;
        }
        ActiveRun running = current;
        if (running != null && running.awaitingInput()) {
            throw new InvalidRequestError("the agent is waiting for input on task " + running.taskId
                    + "; answer or cancel it before starting task " + taskId);
        }
        try {
            turn.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalError("interrupted while waiting for the agent");
        }
    }

    private void runToEnd(ActiveRun run, BaseChatMessage task) {
        RunOptions options = RunOptions.task(task).withCancellationToken(run.token).withOutputTaskMessages(false);
        try (MessageStream<TaskResult> stream = runner.runStream(options)) {
            for (BaseMessage message : stream) {
                if (message instanceof UserInputRequestedEvent) {
                    run.inputRequested();
                } else if (!(message instanceof ModelClientStreamingChunkEvent)) {
                    run.status(TaskState.WORKING, A2AMessages.agentMessage(message, run.taskId, run.contextId));
                }
            }
            TaskResult result = stream.result();
            saveState(run.contextId);
            end(run, result);
        } catch (CancellationException e) {
            log.info("A2A task {} cancelled", run.taskId);
        } catch (RuntimeException e) {
            log.warn("A2A task {} failed", run.taskId, e);
            run.status(TaskState.FAILED, A2AMessages.agentText("The run failed: " + describe(e), run.taskId,
                    run.contextId, Map.of()));
        } finally {
            runs.remove(run.taskId);
            current = null;
            run.finish();
            turn.release();
        }
    }

    private void end(ActiveRun run, TaskResult result) {
        BaseChatMessage last = lastChatMessage(result);
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (result.stopReason() != null) {
            metadata.put("stop_reason", result.stopReason());
        }
        if (last instanceof HandoffMessage handoff && !participants.contains(handoff.target())) {
            handoffs.put(run.taskId, handoff);
            metadata.put(A2AMessages.SOURCE, handoff.source());
            metadata.put("handoff_target", handoff.target());
            run.status(TaskState.INPUT_REQUIRED, A2AMessages.agentText(handoff.content(), run.taskId, run.contextId,
                    metadata));
            return;
        }
        String answer = last == null ? "" : last.toText();
        List<Part<?>> parts = List.of(new TextPart(answer));
        run.artifact("result", parts, metadata);
        if (last != null) {
            metadata.put(A2AMessages.SOURCE, last.source());
        }
        run.status(TaskState.COMPLETED, A2AMessages.agentText(answer, run.taskId, run.contextId, metadata));
    }

    private static @Nullable BaseChatMessage lastChatMessage(TaskResult result) {
        List<BaseMessage> messages = result.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof BaseChatMessage chat) {
                return chat;
            }
        }
        return null;
    }

    private void prepare(String contextId) {
        Map<String, Object> state = contextStates.get(contextId);
        switch (runner) {
            case Team team -> {
                team.reset();
                if (state != null) {
                    team.loadState(state);
                }
            }
            case ChatAgent agent -> {
                agent.reset();
                if (state != null) {
                    agent.loadState(state);
                }
            }
            default -> {
            }
        }
    }

    private void saveState(String contextId) {
        try {
            Map<String, Object> state = switch (runner) {
                case Team team -> team.saveState();
                case ChatAgent agent -> agent.saveState();
                default -> null;
            };
            if (state != null) {
                contextStates.put(contextId, state);
            }
        } catch (RuntimeException e) {
            log.warn("the state of A2A context {} could not be saved; its next message starts afresh", contextId, e);
        }
    }

    private static boolean holdsEvents(RequestContext request) {
        Object method = request.getCallContext() == null ? null : request.getCallContext().getState().get(METHOD);
        boolean streaming = "message/stream".equals(method);
        boolean blocking = request.getConfiguration() == null
                || !Boolean.FALSE.equals(request.getConfiguration().blocking());
        return !streaming && blocking;
    }

    private static void await(java.util.concurrent.CompletableFuture<Void> segment) {
        try {
            segment.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new InternalError(describe(e.getCause()));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "an unexpected error" : message;
    }
}
