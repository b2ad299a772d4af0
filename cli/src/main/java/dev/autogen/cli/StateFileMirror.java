package dev.autogen.cli;

import dev.autogen.agentchat.checkpoint.Checkpoint;
import dev.autogen.agentchat.checkpoint.CheckpointStore;
import dev.autogen.agentchat.checkpoint.RunStatus;
import dev.autogen.agentchat.checkpoint.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code --state-out} for a team: a checkpoint store that also writes each checkpoint's team state to
 * the file. The team checkpoints after every completed turn, between turns, so the file always holds
 * the state after the last completed turn, whatever happens next (a failure, Ctrl-C, a kill).
 */
final class StateFileMirror implements CheckpointStore {
    private final CheckpointStore store;
    private final Path file;

    StateFileMirror(CheckpointStore store, Path file) {
        this.store = store;
        this.file = file;
    }

    @Override
    public void save(Checkpoint checkpoint) {
        store.save(checkpoint);
        StateFile.write(file, checkpoint.teamState());
    }

    @Override
    public void updateStatus(String runId, RunStatus status, @Nullable String stopReason) {
        store.updateStatus(runId, status, stopReason);
    }

    @Override
    public List<Checkpoint> checkpoints(String runId) {
        return store.checkpoints(runId);
    }

    @Override
    public Optional<RunSummary> run(String runId) {
        return store.run(runId);
    }

    @Override
    public List<RunSummary> runs() {
        return store.runs();
    }

    @Override
    public void close() {
        store.close();
    }
}
