package dev.autogen.ext.a2a;

import io.a2a.server.events.EventQueue;
import io.a2a.spec.Artifact;
import io.a2a.spec.Event;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatus;
import io.a2a.spec.TaskStatusUpdateEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The A2A events of one request about one task (internal): sent at once for a stream or a
 * non-blocking send, or held until {@link #flush()} for a blocking send, whose answer is the task as
 * it stands when the request's part of the run ends.
 */
final class TaskEvents {
    private final String taskId;
    private final String contextId;
    private final EventQueue queue;
    private final @Nullable List<Event> held;

    TaskEvents(String taskId, String contextId, EventQueue queue, boolean hold) {
        this.taskId = taskId;
        this.contextId = contextId;
        this.queue = queue;
        this.held = hold ? new ArrayList<>() : null;
    }

    String taskId() {
        return taskId;
    }

    String contextId() {
        return contextId;
    }

    void status(TaskState state, @Nullable Message message) {
        emit(new TaskStatusUpdateEvent.Builder()
                .taskId(taskId)
                .contextId(contextId)
                .status(new TaskStatus(state, message, null))
                .isFinal(state.isFinal() || state == TaskState.INPUT_REQUIRED)
                .build());
    }

    void artifact(String name, List<Part<?>> parts, @Nullable Map<String, Object> metadata) {
        emit(new TaskArtifactUpdateEvent.Builder()
                .taskId(taskId)
                .contextId(contextId)
                .artifact(new Artifact.Builder()
                        .artifactId(UUID.randomUUID().toString())
                        .name(name)
                        .parts(parts)
                        .metadata(metadata)
                        .build())
                .build());
    }

    /** Sends what was held. */
    void flush() {
        if (held != null) {
            held.forEach(queue::enqueueEvent);
            held.clear();
        }
    }

    private void emit(Event event) {
        if (held != null) {
            held.add(event);
        } else {
            queue.enqueueEvent(event);
        }
    }
}
