package dev.autogen.agentchat.checkpoint;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a durable team keeps its checkpoints: one per completed turn of each run. Implementations are
 * safe to use from several threads; {@link #save} is atomic (a reader, or a process that resumes after a
 * crash, sees the checkpoint whole or not at all). {@code InMemoryCheckpointStore} is for tests; module
 * {@code autogen-ext-checkpoint-jdbc} keeps them in SQLite (the embedded default) or PostgreSQL.
 *
 * <!-- java-context: import dev.autogen.agentchat.base.ChatAgent;
 *      import dev.autogen.agentchat.teams.RoundRobinGroupChat; List<ChatAgent> agents; CheckpointStore store; -->
 * <pre>{@code
 * var team = RoundRobinGroupChat.builder(agents).build();
 * team.checkpointStore(store);
 * team.run("Write a haiku.");               // a checkpoint after every turn
 * String runId = team.lastRunId();
 * // ... after a crash, in a new process with the same team:
 * team.resume(runId);                        // continues from the last completed turn
 * }</pre>
 */
public interface CheckpointStore extends AutoCloseable {
    /** Writes {@code checkpoint} and makes it its run's latest, in one transaction. */
    void save(Checkpoint checkpoint);

    /** Sets a run's status (and stop reason) without a new checkpoint: a failure or a cancellation. */
    void updateStatus(String runId, RunStatus status, @Nullable String stopReason);

    /** Every checkpoint of a run, by turn; empty for an unknown run. */
    List<Checkpoint> checkpoints(String runId);

    /** The run's latest checkpoint. */
    default Optional<Checkpoint> latest(String runId) {
        List<Checkpoint> all = checkpoints(runId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The run, if the store has it. */
    Optional<RunSummary> run(String runId);

    /** Every run, most recently updated first. */
    List<RunSummary> runs();

    /** Releases the store's connections; the default does nothing. */
    @Override
    default void close() {
    }
}
