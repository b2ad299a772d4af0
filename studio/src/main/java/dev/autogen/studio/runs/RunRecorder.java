package dev.autogen.studio.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.studio.db.StudioStore;
import org.jspecify.annotations.Nullable;

/** Writes one run's progress to the database: its status, task, result and each message. */
final class RunRecorder {
    private final StudioStore store;
    private final long runId;
    private final long sessionId;

    RunRecorder(StudioStore store, long runId, long sessionId) {
        this.store = store;
        this.runId = runId;
        this.sessionId = sessionId;
    }

    private static ObjectNode values() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The run started: active, with its task and the team config it runs. */
    void started(@Nullable JsonNode task, JsonNode teamConfig) {
        ObjectNode values = values().put("status", "active");
        if (task != null) {
            values.set("task", task);
        }
        values.set("team_config", teamConfig);
        values.putNull("error_message");
        store.runs.update(runId, values);
    }

    /** The durable run that holds the team's state after each turn. */
    void checkpointRun(String checkpointRunId) {
        store.runs.update(runId, values().put("checkpoint_run_id", checkpointRunId));
    }

    /** One message of the run, as sent to the browser. */
    void message(JsonNode dump) {
        ObjectNode values = values().put("session_id", sessionId).put("run_id", runId);
        values.set("config", dump);
        values.putObject("message_meta");
        store.messages.insert(null, values);
    }

    /** The run ended: {@code complete}, {@code stopped} or {@code error}. */
    void finished(String status, JsonNode teamResult, @Nullable String errorMessage) {
        ObjectNode values = values().put("status", status);
        values.set("team_result", teamResult);
        if (errorMessage != null) {
            values.put("error_message", errorMessage);
        }
        store.runs.update(runId, values);
    }
}
