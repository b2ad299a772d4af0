package dev.autogen.ext.a2a;

import dev.autogen.agentchat.messages.UserInputRequestedEvent;
import dev.autogen.core.CancellationToken;
import io.a2a.spec.InvalidRequestError;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.TaskState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * One run behind an A2A task (internal). The run may outlive a request: when a user proxy of the
 * served team asks for input, the request's part (a segment) ends with {@code input-required}, and the
 * next message of the same task continues the same run in a new segment.
 */
final class ActiveRun {
    final String taskId;
    final String contextId;
    final CancellationToken token = new CancellationToken();

    private TaskEvents events;
    private CompletableFuture<Void> segment = new CompletableFuture<>();
    private @Nullable CompletableFuture<String> reply;
    private @Nullable String question;
    private boolean pendingEvent;
    private boolean questionShown;
    private boolean ended;

    ActiveRun(TaskEvents events) {
        this.taskId = events.taskId();
        this.contextId = events.contextId();
        this.events = events;
    }

    /** The end of the current segment, for the request that started it to wait on. */
    synchronized CompletableFuture<Void> segment() {
        return segment;
    }

    /** Sends a status update unless the task has ended (cancelled, say). */
    synchronized void status(TaskState state, @Nullable Message message) {
        if (!ended) {
            events.status(state, message);
        }
    }

    synchronized void artifact(String name, List<Part<?>> parts, Map<String, Object> metadata) {
        if (!ended) {
            events.artifact(name, parts, metadata);
        }
    }

    /** Ends the task's current segment and the run's part in the task. */
    synchronized void finish() {
        ended = true;
        endSegment();
    }

    /**
     * Cancels the run: {@code announce} sends the cancellation, after which nothing more is sent about
     * the task, and a user proxy waiting for a reply stops waiting.
     */
    void cancel(Runnable announce) {
        CompletableFuture<String> waiting;
        synchronized (this) {
            ended = true;
            announce.run();
            waiting = reply;
            reply = null;
            endSegment();
        }
        if (waiting != null) {
            waiting.cancel(false);
        }
        token.cancel();
    }

    /** Whether a user proxy waits for the next message of the task. */
    synchronized boolean awaitingInput() {
        return reply != null && questionShown;
    }

    /**
     * Called by the user proxy's input function on its own thread: asks the A2A client and waits for
     * the next message of the task. The question is sent once the run's stream has reached the
     * proxy's {@link UserInputRequestedEvent} ({@link #inputRequested()}), so that every message before
     * it reaches the client first.
     */
    String ask(String prompt, CancellationToken cancellation) throws InterruptedException {
        CompletableFuture<String> answer = new CompletableFuture<>();
        synchronized (this) {
            if (ended) {
                throw new CancellationException("the A2A task " + taskId + " has ended");
            }
            reply = answer;
            question = prompt;
            showQuestionWhenReady();
        }
        try (var registration = cancellation.onCancel(() -> answer.cancel(false))) {
            return answer.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            throw new CancellationException("the A2A task " + taskId + " was cancelled while waiting for input");
        }
    }

    /** Called when the run's stream reaches a user proxy's input request. */
    synchronized void inputRequested() {
        questionShown = false;
        if (question == null) {
            question = "";
        }
        pendingEvent = true;
        showQuestionWhenReady();
    }


    private void showQuestionWhenReady() {
        if (!pendingEvent || reply == null || questionShown) {
            return;
        }
        questionShown = true;
        pendingEvent = false;
        String prompt = question == null || question.isBlank() ? "The agent is waiting for your reply." : question;
        question = null;
        events.status(TaskState.INPUT_REQUIRED, A2AMessages.agentText(prompt, taskId, contextId,
                Map.of(A2AMessages.SOURCE, "user_proxy")));
        endSegment();
    }

    /**
     * Continues the run with the next message of the task, sending its events to {@code next}.
     *
     * @throws InvalidRequestError if nobody in the run waits for input
     */
    CompletableFuture<Void> resume(String text, TaskEvents next) {
        CompletableFuture<String> waiting;
        CompletableFuture<Void> nextSegment;
        synchronized (this) {
            if (reply == null || !questionShown) {
                throw new InvalidRequestError("task " + taskId + " is still running and is not waiting for input");
            }
            waiting = reply;
            reply = null;
            questionShown = false;
            events = next;
            segment = nextSegment = new CompletableFuture<>();
            events.status(TaskState.WORKING, null);
        }
        waiting.complete(text);
        return nextSegment;
    }

    private void endSegment() {
        events.flush();
        segment.complete(null);
    }
}
