package dev.autogen.agentchat.checkpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/** A {@link CheckpointStore} in memory, gone with the process: for tests and trying things out. */
public final class InMemoryCheckpointStore implements CheckpointStore {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, TreeMap<Integer, Checkpoint>> checkpoints = new LinkedHashMap<>();
    private final Map<String, RunSummary> runs = new LinkedHashMap<>();

    @Override
    public void save(Checkpoint checkpoint) {
        lock.lock();
        try {
            checkpoints.computeIfAbsent(checkpoint.runId(), id -> new TreeMap<>()).put(checkpoint.turn(), checkpoint);
            runs.put(checkpoint.runId(), new RunSummary(checkpoint.runId(), checkpoint.teamName(), checkpoint.status(),
                    checkpoint.turn(), checkpoint.stopReason(), checkpoint.createdAt()));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void updateStatus(String runId, RunStatus status, @Nullable String stopReason) {
        lock.lock();
        try {
            RunSummary run = runs.get(runId);
            if (run == null) {
                throw new IllegalArgumentException("no run '" + runId + "' in this checkpoint store");
            }
            runs.put(runId, new RunSummary(runId, run.teamName(), status, run.lastTurn(), stopReason, Instant.now()));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Checkpoint> checkpoints(String runId) {
        lock.lock();
        try {
            TreeMap<Integer, Checkpoint> turns = checkpoints.get(runId);
            return turns == null ? List.of() : List.copyOf(turns.values());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<RunSummary> run(String runId) {
        lock.lock();
        try {
            return Optional.ofNullable(runs.get(runId));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<RunSummary> runs() {
        lock.lock();
        try {
            List<RunSummary> all = new ArrayList<>(runs.values());
            all.sort(Comparator.comparing(RunSummary::updatedAt).reversed());
            return all;
        } finally {
            lock.unlock();
        }
    }
}
