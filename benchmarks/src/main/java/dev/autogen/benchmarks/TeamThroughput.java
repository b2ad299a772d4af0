package dev.autogen.benchmarks;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.FunctionTool;
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
    /** Replies per model: each run asks each agent about 500 times, then the scripts start over. */
    private static final int REPLIES = MESSAGES;

    private static final ModelInfo TOOL_MODEL = new ModelInfo(false, true, false, "unknown", false, null);

    private RoundRobinGroupChat team;
    private List<ReplayChatCompletionClient> teamModels;
    private ReplayChatCompletionClient bareModel;
    private RoundRobinGroupChat toolTeam;
    private List<ReplayChatCompletionClient> toolTeamModels;
    private ReplayChatCompletionClient bareToolModel;
    private FunctionTool weather;

    /** The tool's arguments. */
    public record CityArgs(String city) {
    }

    @Setup(Level.Trial)
    public void setUp() {
        teamModels = List.of(writerModel(), criticModel());
        team = writerAndCritic(teamModels.get(0), teamModels.get(1));
        bareModel = writerModel();

        weather = FunctionTool.of("get_weather", "Get the weather for a city.", CityArgs.class,
                args -> "Sunny in " + args.city());
        toolTeamModels = List.of(toolCalls(), toolCalls());
        var forecaster = AssistantAgent.builder("forecaster", toolTeamModels.get(0)).tools(List.of(weather)).build();
        var checker = AssistantAgent.builder("checker", toolTeamModels.get(1)).tools(List.of(weather)).build();
        toolTeam = RoundRobinGroupChat.builder(List.of(forecaster, checker)).maxTurns(MESSAGES - 1).build();
        bareToolModel = toolCalls();
    }

    static ReplayChatCompletionClient writerModel() {
        return new ReplayChatCompletionClient(Collections.nCopies(REPLIES, "A line of verse."));
    }

    static ReplayChatCompletionClient criticModel() {
        return new ReplayChatCompletionClient(Collections.nCopies(REPLIES, "Keep going."));
    }

    /** The team of the text row: two AssistantAgents taking turns for 1,000 messages. */
    static RoundRobinGroupChat writerAndCritic(ReplayChatCompletionClient writerModel,
            ReplayChatCompletionClient criticModel) {
        var writer = AssistantAgent.builder("writer", writerModel).build();
        var critic = AssistantAgent.builder("critic", criticModel).build();
        return RoundRobinGroupChat.builder(List.of(writer, critic)).maxTurns(MESSAGES - 1).build();
    }

    /** A model that asks for the weather in Paris on every call. */
    private static ReplayChatCompletionClient toolCalls() {
        CreateResult call = CreateResult.ofCalls(List.of(new FunctionCall("call_1", "{\"city\": \"Paris\"}",
                "get_weather")), new RequestUsage(10, 5));
        return new ReplayChatCompletionClient(Collections.nCopies(REPLIES, call), TOOL_MODEL);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        team.close();
        toolTeam.close();
    }

    /** 1,000 messages of a two-agent RoundRobin team, then a reset. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public TaskResult roundRobin() {
        TaskResult result = team.run("Write a poem.");
        team.reset();
        teamModels.forEach(ReplayChatCompletionClient::reset);
        return result;
    }

    /**
     * The baseline: the model calls of the same run without a team, each agent's history growing by the
     * other's message and its own reply.
     */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int bareModelCalls() {
        int produced = bareModelCalls(bareModel);
        bareModel.reset();
        return produced;
    }

    /** The model calls of a 1,000-message run made in a bare loop; returns the messages produced. */
    static int bareModelCalls(ReplayChatCompletionClient model) {
        List<List<LLMMessage>> histories = List.of(new ArrayList<>(), new ArrayList<>());
        for (List<LLMMessage> history : histories) {
            history.add(new SystemMessage("You are a helpful AI assistant."));
            history.add(new UserMessage("Write a poem.", "user"));
        }
        int produced = 1;
        for (int turn = 0; turn < MESSAGES - 1; turn++) {
            List<LLMMessage> own = histories.get(turn % 2);
            List<LLMMessage> other = histories.get((turn + 1) % 2);
            CreateResult result = model.create(CreateRequest.of(List.copyOf(own)));
            String text = ((ModelContent.Text) result.content()).text();
            own.add(new AssistantMessage(text, turn % 2 == 0 ? "writer" : "critic"));
            other.add(new UserMessage(text, turn % 2 == 0 ? "writer" : "critic"));
            produced++;
        }
        return produced;
    }

    /**
     * 1,000 chat messages of a two-agent RoundRobin team where every turn is one tool call (the model
     * asks, the tool answers, the turn ends with a {@code ToolCallSummaryMessage}), then a reset.
     */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public TaskResult roundRobinToolCalls() {
        TaskResult result = toolTeam.run("What is the weather in Paris?");
        toolTeam.reset();
        toolTeamModels.forEach(ReplayChatCompletionClient::reset);
        return result;
    }

    /**
     * The baseline of the tool row: the same model calls, each followed by running the tool on the
     * call's JSON arguments, in a bare loop.
     */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int bareModelAndToolCalls() throws Exception {
        List<List<LLMMessage>> histories = List.of(new ArrayList<>(), new ArrayList<>());
        for (List<LLMMessage> history : histories) {
            history.add(new SystemMessage("You are a helpful AI assistant."));
            history.add(new UserMessage("What is the weather in Paris?", "user"));
        }
        CancellationToken token = new CancellationToken();
        int produced = 1;
        for (int turn = 0; turn < MESSAGES - 1; turn++) {
            List<LLMMessage> own = histories.get(turn % 2);
            List<LLMMessage> other = histories.get((turn + 1) % 2);
            CreateResult result = bareToolModel.create(CreateRequest.builder(List.copyOf(own))
                    .tools(List.of(weather)).build());
            FunctionCall call = ((ModelContent.FunctionCalls) result.content()).calls().get(0);
            Object answer = weather.runJson(AutogenJson.mapper().readTree(call.arguments()), token, call.id());
            String summary = String.valueOf(answer);
            String source = turn % 2 == 0 ? "forecaster" : "checker";
            own.add(new AssistantMessage(List.of(call), source));
            own.add(new FunctionExecutionResultMessage(List.of(
                    new FunctionExecutionResult(summary, call.name(), call.id(), false))));
            other.add(new UserMessage(summary, source));
            produced++;
        }
        bareToolModel.reset();
        return produced;
    }
}
