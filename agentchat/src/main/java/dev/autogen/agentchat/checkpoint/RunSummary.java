package dev.autogen.agentchat.checkpoint;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One run in a {@link CheckpointStore}: its status and its last completed turn.
 *
 * @param runId the run
 * @param teamName the team that ran it
 * @param status where it stands
 * @param lastTurn the turn of its latest checkpoint
 * @param stopReason why it stopped, if it did
 * @param updatedAt when its latest checkpoint or status was written
 */
public record RunSummary(String runId, String teamName, RunStatus status, int lastTurn, @Nullable String stopReason,
        Instant updatedAt) {
}
