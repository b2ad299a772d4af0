package dev.autogen.agentchat.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.autogen.agentchat.state.StateJson;
import dev.autogen.core.serialization.AutogenJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The state of a team after one completed turn of a run, written atomically. The team state and the
 * messages are held as the JSON a store writes ({@link #teamStateJson()}, {@link #messagesJson()}), so a
 * checkpoint is serialized once, when the team takes it; {@link #teamState()} and {@link #messages()}
 * read them back as maps.
 *
 * @param runId the run
 * @param turn 0 for the task, then 1, 2, ... for each completed turn (a step of parallel speakers is one turn)
 * @param teamName the team's name
 * @param status where the run stands after this turn
 * @param stopReason why the run stopped, when this turn ended it
 * @param teamStateJson the team's state after the turn, Python's {@code TeamState} JSON (it loads into Python AutoGen)
 * @param messagesJson a JSON array of the messages this turn added to the conversation, each as Python's
 *     {@code dump()} writes it
 * @param checkedFrom the index in the messages from which the termination condition was given them
 *     (the last speaker's messages in a step of several); replaying them restores the condition's state
 * @param createdAt when the checkpoint was written
 * @param version the format version, {@value #VERSION}
 */
public record Checkpoint(String runId, int turn, String teamName, RunStatus status, @Nullable String stopReason,
        String teamStateJson, String messagesJson, int checkedFrom, Instant createdAt, String version) {
    /** The format version written today. */
    public static final String VERSION = "1";

    private static final TypeReference<List<Map<String, Object>>> MESSAGES = new TypeReference<>() {
    };

    public Checkpoint {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(teamName, "teamName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(teamStateJson, "teamStateJson");
        Objects.requireNonNull(messagesJson, "messagesJson");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(version, "version");
        if (turn < 0) {
            throw new IllegalArgumentException("a checkpoint's turn is 0 or more, got " + turn);
        }
    }

    /**
     * A checkpoint of a team state and messages given as maps, as {@code saveState()} and
     * {@code dump()} return them.
     */
    public Checkpoint(String runId, int turn, String teamName, RunStatus status, @Nullable String stopReason,
            Map<String, Object> teamState, List<Map<String, Object>> messages, int checkedFrom, Instant createdAt,
            String version) {
        this(runId, turn, teamName, status, stopReason, StateJson.write(teamState), json(messages), checkedFrom,
                createdAt, version);
    }

    /** The team's state after the turn, as {@code team.saveState()} returns it. */
    public Map<String, Object> teamState() {
        return StateJson.read(teamStateJson);
    }

    /** The messages this turn added, each as Python's {@code dump()} writes it. */
    public List<Map<String, Object>> messages() {
        try {
            return AutogenJson.mapper().readValue(messagesJson, MESSAGES);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("checkpoint " + turn + " of run '" + runId
                    + "': its messages are not a JSON array of objects: " + e.getOriginalMessage(), e);
        }
    }

    /** This checkpoint as one of run {@code newRunId} (for a replay into a new run). */
    public Checkpoint inRun(String newRunId, RunStatus newStatus) {
        return new Checkpoint(newRunId, turn, teamName, newStatus, newStatus == status ? stopReason : null,
                teamStateJson, messagesJson, checkedFrom, createdAt, version);
    }

    private static String json(List<Map<String, Object>> messages) {
        try {
            return AutogenJson.mapper().writeValueAsString(messages);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("messages cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
