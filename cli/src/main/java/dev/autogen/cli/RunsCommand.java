package dev.autogen.cli;

import dev.autogen.agentchat.checkpoint.CheckpointStore;
import dev.autogen.agentchat.checkpoint.RunSummary;
import dev.autogen.ext.checkpoint.jdbc.JdbcCheckpointStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code autogen runs --checkpoint URI}: the durable runs in a checkpoint store, most recent first. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"Lists the runs in a checkpoint store (see 'autogen run --checkpoint'): id, team, status, "
                + "last completed turn, last update and why it stopped.",
                "Exit codes: 0 listed, 1 the store cannot be opened."})
final class RunsCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @Option(names = "--checkpoint", paramLabel = "URI", required = true,
            description = "The store: a SQLite file, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB?user=U.")
    @SuppressWarnings("NullAway.Init")
    private String checkpoint;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<RunSummary> runs;
        try (CheckpointStore store = JdbcCheckpointStore.open(checkpoint)) {
            runs = store.runs();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CliException.config("autogen: " + CliException.describe(e));
        }
        if (runs.isEmpty()) {
            out.println("No runs in " + checkpoint + ".");
        } else {
            out.printf("%-36s  %-20s  %-17s  %9s  %-24s  %s%n", "RUN ID", "TEAM", "STATUS", "LAST TURN", "UPDATED",
                    "STOP REASON");
            for (RunSummary run : runs) {
                out.printf("%-36s  %-20s  %-17s  %9d  %-24s  %s%n", run.runId(), run.teamName(), run.status().label(),
                        run.lastTurn(), run.updatedAt(), orEmpty(run.stopReason()));
            }
        }
        out.flush();
        return 0;
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ");
    }
}
