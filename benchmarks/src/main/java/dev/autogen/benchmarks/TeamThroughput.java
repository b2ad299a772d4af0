package dev.autogen.benchmarks;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Team throughput in chat messages per second (issue 23): a {@code RoundRobinGroupChat} of two
 * {@code AssistantAgent}s on replay models producing 1,000 messages (the task and 999 turns), warm;
 * against a baseline that makes the same model-client calls (each agent's growing history) in a bare
 * loop, without a team.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TeamThroughput {
    static final int MESSAGES = 1_000;
    private static final int REPLIES = 10_000_000;

    private RoundRobinGroupChat team;
    private ReplayChatCompletionClient bareModel;

    @Setup(Level.Trial)
    public void setUp() {
        var writer = AssistantAgent.builder("writer",
                new ReplayChatCompletionClient(Collections.nCopies(REPLIES, "A line of verse."))).build();
        var critic = AssistantAgent.builder("critic",
                new ReplayChatCompletionClient(Collections.nCopies(REPLIES, "Keep going."))).build();
        team = RoundRobinGroupChat.builder(List.of(writer, critic)).maxTurns(MESSAGES - 1).build();
        bareModel = new ReplayChatCompletionClient(Collections.nCopies(REPLIES, "A line of verse."));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        team.close();
    }

    /** 1,000 messages of a two-agent RoundRobin team, then a reset. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public TaskResult roundRobin() {
        TaskResult result = team.run("Write a poem.");
        team.reset();
        return result;
    }

    /**
     * The baseline: the model calls of the same run without a team, each agent's history growing by the
     * other's message and its own reply.
     */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int bareModelCalls() {
        List<List<LLMMessage>> histories = List.of(new ArrayList<>(), new ArrayList<>());
        for (List<LLMMessage> history : histories) {
            history.add(new SystemMessage("You are a helpful AI assistant."));
            history.add(new UserMessage("Write a poem.", "user"));
        }
        int produced = 1;
        for (int turn = 0; turn < MESSAGES - 1; turn++) {
            List<LLMMessage> own = histories.get(turn % 2);
            List<LLMMessage> other = histories.get((turn + 1) % 2);
            CreateResult result = bareModel.create(CreateRequest.of(List.copyOf(own)));
            String text = ((ModelContent.Text) result.content()).text();
            own.add(new AssistantMessage(text, turn % 2 == 0 ? "writer" : "critic"));
            other.add(new UserMessage(text, turn % 2 == 0 ? "writer" : "critic"));
            produced++;
        }
        return produced;
    }
}
