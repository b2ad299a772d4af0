package dev.autogen.agentchat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.core.AgentId;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.RuntimeListener;
import dev.autogen.core.SingleThreadedAgentRuntime;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.tools.FunctionTool;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** One listener watches a whole team run: each agent's turn, its model calls and its tool calls. */
class TeamListenerTest {
    record CityArgs(String city) {
    }

    /** Records turns, model calls and tool calls, in order. */
    static final class TurnRecorder implements RuntimeListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void agentTurnStart(String agent, String description, AgentId container) {
            events.add("turn " + agent);
        }

        @Override
        public void agentTurnEnd(String agent, AgentId container, @Nullable Throwable error) {
            events.add("turn end " + agent + (error == null ? "" : " failed"));
        }

        @Override
        public void modelCallStart(CreateRequest request) {
            events.add("model");
        }

        @Override
        public void modelCallEnd(CreateRequest request, @Nullable CreateResult result, @Nullable Throwable error) {
            events.add("model end " + (result == null ? "failed" : result.finishReason().value()));
        }

        @Override
        public void toolCallStart(String tool, String callId, String arguments) {
            events.add("tool " + tool + " " + arguments);
        }

        @Override
        public void toolCallEnd(String tool, String callId, String result, boolean isError) {
            events.add("tool end " + result);
        }
    }

    @Test
    void aTeamRunReportsTurnsModelCallsAndToolCallsToOneListener() {
        var models = new ModelInfo(false, true, true, "unknown", true, null);
        var weather = FunctionTool.of("get_weather", "Get the weather for a city.", CityArgs.class,
                args -> "Sunny in " + args.city());
        var forecaster = AssistantAgent.builder("forecaster", new ReplayChatCompletionClient(List.of(
                new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(List.of(
                        new FunctionCall("call_1", "{\"city\": \"Paris\"}", "get_weather"))),
                        new RequestUsage(10, 5), false, null, null)), models))
                .tools(List.of(weather)).build();
        var critic = AssistantAgent.builder("critic", ReplayChatCompletionClient.of("Looks right.")).build();
        List<TurnRecorder> runs = new CopyOnWriteArrayList<>();
        var runtime = new SingleThreadedAgentRuntime(SingleThreadedAgentRuntime.builder().listenerFactory(message -> {
            var recorder = new TurnRecorder();
            runs.add(recorder);
            return recorder;
        }));
        runtime.start();
        var team = RoundRobinGroupChat.builder(List.of(forecaster, critic)).maxTurns(2).runtime(runtime).build();

        team.run("Weather in Paris?");

        assertThat(runs).hasSize(1);
        assertThat(runs.getFirst().events).containsExactly(
                "turn forecaster", "model", "model end function_calls",
                "tool get_weather {\"city\": \"Paris\"}", "tool end Sunny in Paris", "turn end forecaster",
                "turn critic", "model", "model end stop", "turn end critic");
        runtime.close();
    }
}
