package dev.autogen.benchmarks;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionInterceptor;
import dev.autogen.core.models.CreateResult;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Scratch harness: N two-agent teams at once, 10 turns, a model answering after 50 ms. */
public final class ConcurrentTeams {
    public static void main(String[] args) throws Exception {
        int teams = Integer.parseInt(args[0]);
        int turns = 10;
        Duration delay = Duration.ofMillis(50);
        List<RoundRobinGroupChat> all = new ArrayList<>(teams);
        for (int i = 0; i < teams; i++) {
            all.add(RoundRobinGroupChat.builder(List.of(
                    AssistantAgent.builder("writer", slow(delay, "A line of verse.")).build(),
                    AssistantAgent.builder("critic", slow(delay, "Keep going.")).build())).maxTurns(turns).build());
        }
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            List<Future<TaskResult>> runs = new ArrayList<>(teams);
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (RoundRobinGroupChat team : all) {
                    runs.add(executor.submit(() -> team.run("Write a poem.")));
                }
            }
            long messages = 0;
            for (Future<TaskResult> run : runs) {
                messages += run.get().messages().size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("round %d: %d teams, %d messages in %.2f s; heap after GC %d MB (%.1f KiB/team)%n",
                    round, teams, messages, seconds, used >> 20, used / 1024.0 / teams);
            for (RoundRobinGroupChat team : all) {
                team.reset();
            }
        }
        if (args.length > 1) {
            System.gc();
            System.out.println("holding");
            Thread.sleep(Long.parseLong(args[1]));
        }
    }

    static ChatCompletionClient slow(Duration delay, String reply) {
        ChatCompletionInterceptor sleep = new ChatCompletionInterceptor() {
            @Override
            public CreateResult intercept(Chain chain) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return chain.proceed(chain.request());
            }
        };
        return new ReplayChatCompletionClient(Collections.nCopies(20, reply)).withInterceptors(List.of(sleep));
    }
}
