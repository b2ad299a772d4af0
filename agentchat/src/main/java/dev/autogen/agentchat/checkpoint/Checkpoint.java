package dev.autogen.agentchat.checkpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The state of a team after one completed turn of a run, written atomically.
 *
 * @param runId the run
 * @param turn 0 for the task, then 1, 2, ... for each completed turn (a step of parallel speakers is one turn)
 * @param teamName the team's name
 * @param status where the run stands after this turn
 * @param stopReason why the run stopped, when this turn ended it
 * @param teamState the team's state after the turn, Python's {@code TeamState} JSON (it loads into Python AutoGen)
 * @param messages the messages this turn added to the conversation, each as Python's {@code dump()} writes it
 * @param checkedFrom the index in {@code messages} from which the termination condition was given them
 *     (the last speaker's messages in a step of several); replaying them restores the condition's state
 * @param createdAt when the checkpoint was written
 * @param version the format version, {@value #VERSION}
 */
public record Checkpoint(String runId, int turn, String teamName, RunStatus status, @Nullable String stopReason,
        Map<String, Object> teamState, List<Map<String, Object>> messages, int checkedFrom, Instant createdAt,
        String version) {
    /** The format version written today. */
    public static final String VERSION = "1";

    public Checkpoint {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(teamName, "teamName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(teamState, "teamState");
        messages = List.copyOf(messages);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(version, "version");
        if (turn < 0) {
            throw new IllegalArgumentException("a checkpoint's turn is 0 or more, got " + turn);
        }
    }

    /** This checkpoint as one of run {@code newRunId} (for a replay into a new run). */
    public Checkpoint inRun(String newRunId, RunStatus newStatus) {
        return new Checkpoint(newRunId, turn, teamName, newStatus, newStatus == status ? stopReason : null, teamState,
                messages, checkedFrom, createdAt, version);
    }
}
