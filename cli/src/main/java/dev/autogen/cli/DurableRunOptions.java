package dev.autogen.cli;

import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.TaskRunner;
import dev.autogen.agentchat.checkpoint.CheckpointStore;
import dev.autogen.agentchat.checkpoint.InMemoryCheckpointStore;
import dev.autogen.agentchat.teams.BaseGroupChat;
import dev.autogen.ext.checkpoint.jdbc.JdbcCheckpointStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of {@code autogen run} for durable runs: where checkpoints go, and which run to resume
 * or replay (docs/durable-runs.md).
 */
final class DurableRunOptions {
    @Option(names = "--checkpoint", paramLabel = "URI",
            description = "Write a checkpoint after every turn to this store: a SQLite file (created if missing), "
                    + "jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB?user=U. Prints the run id on stderr.")
    @Nullable String checkpoint;

    @Option(names = "--resume", paramLabel = "RUN_ID",
            description = "Continue this run of --checkpoint from its last completed turn (after a crash, a kill, a "
                    + "failure, or with --task as the answer to a run waiting for input).")
    @Nullable String resume;

    @Option(names = "--from-turn", paramLabel = "N",
            description = "With --resume: replay the run from its turn N into a new run (the original stays as it is).")
    @Nullable Integer fromTurn;

    /** Whether the run continues an earlier one, so needs no task of its own. */
    boolean resuming() {
        return resume != null;
    }

    /** Checks the options go together; call before loading anything. */
    void check() {
        if (checkpoint == null && (resume != null || fromTurn != null)) {
            throw CliException.config("autogen: --resume and --from-turn need --checkpoint, the store the run is in.");
        }
        if (fromTurn != null && resume == null) {
            throw CliException.config("autogen: --from-turn needs --resume RUN_ID, the run to replay.");
        }
        if (fromTurn != null && fromTurn < 0) {
            throw CliException.config("autogen: --from-turn must be 0 or more, got " + fromTurn + ".");
        }
    }

    /**
     * Makes a team checkpoint after every turn: to the {@code --checkpoint} store, and to {@code stateOut}
     * (the team's state after the last completed turn) when given. Null when the team needs neither, or
     * the runner is not a team that takes turns.
     */
    @Nullable CheckpointStore attach(TaskRunner runner, String runnerName, @Nullable Path stateOut) {
        if (!(runner instanceof BaseGroupChat team)) {
            if (checkpoint != null) {
                throw CliException.config("autogen: --checkpoint needs a team; " + runnerName + " is not one.");
            }
            return null;
        }
        if (checkpoint == null && stateOut == null) {
            return null;
        }
        CheckpointStore store;
        try {
            store = checkpoint == null ? new InMemoryCheckpointStore() : JdbcCheckpointStore.open(checkpoint);
        } catch (IllegalArgumentException e) {
            throw CliException.config("autogen: " + CliException.describe(e));
        }
        if (stateOut != null) {
            store = new StateFileMirror(store, stateOut);
        }
        team.checkpointStore(store);
        return store;
    }

    /** Starts the run: a new one, the resumed one, or a replay. */
    MessageStream<TaskResult> start(TaskRunner runner, RunOptions options) {
        if (!(runner instanceof BaseGroupChat team) || resume == null) {
            return runner.runStream(options);
        }
        try {
            return fromTurn == null ? team.resumeStream(resume, options) : team.replayStream(resume, fromTurn, options);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CliException.config("autogen: cannot " + (fromTurn == null ? "resume" : "replay") + " run '" + resume
                    + "': " + CliException.describe(e));
        }
    }

    /** Tells the user the id to resume with, once the run has one. */
    void announce(TaskRunner runner, PrintWriter err) {
        if (checkpoint != null && runner instanceof BaseGroupChat team && team.lastRunId() != null) {
            err.println("autogen: run " + team.lastRunId() + " (checkpoints in " + checkpoint + "; continue it with "
                    + "--checkpoint " + checkpoint + " --resume " + team.lastRunId() + ")");
            err.flush();
        }
    }
}
