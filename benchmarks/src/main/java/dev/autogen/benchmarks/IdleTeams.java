package dev.autogen.benchmarks;

import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.SingleThreadedAgentRuntime;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

/**
 * Heap retained per idle team after a run (issue 23), run by {@code benchmarks/footprint.sh}: builds
 * N two-agent RoundRobin teams (10 turns, models answering at once), runs each once, and reports the
 * live heap after a full GC minus the live heap before the teams were built (the baseline, same JVM),
 * divided by N; with a third argument {@code shared} all teams use one runtime, given with
 * {@code runtime(...)}, instead of one each (a second argument, in milliseconds, keeps the JVM alive for {@code jmap -histo:live}). The teams stay reachable, so what is counted is what a server holding idle
 * conversations keeps: agents, their model contexts with the run's messages, the manager's thread,
 * the team's runtime and its registrations.
 */
public final class IdleTeams {
    private IdleTeams() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean shared = args.length > 2 && args[2].equals("shared");
        long before = liveHeap();
        SingleThreadedAgentRuntime runtime = shared ? new SingleThreadedAgentRuntime() : null;
        if (runtime != null) {
            runtime.start();
        }
        List<RoundRobinGroupChat> teams = ConcurrentTeams.Teams.build(count, Duration.ZERO, runtime);
        long messages = ConcurrentTeams.runAll(teams);
        long after = liveHeap();
        System.out.printf("{\"teams\": %d, \"shared_runtime\": %b, \"messages\": %d, \"baseline_heap_bytes\": %d, \"heap_bytes\": %d,"
                + " \"bytes_per_idle_team\": %d}%n", count, shared, messages, before, after, (after - before) / count);
        if (args.length > 1) {
            // Holds the teams for a heap histogram: jmap -histo:live PID
            Thread.sleep(Long.parseLong(args[1]));
        }
        if (teams.size() != count) {
            throw new IllegalStateException("teams lost");
        }
    }

    private static long liveHeap() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
