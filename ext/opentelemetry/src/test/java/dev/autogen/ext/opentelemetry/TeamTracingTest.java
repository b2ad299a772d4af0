package dev.autogen.ext.opentelemetry;

import static dev.autogen.ext.opentelemetry.GenAiAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.SingleThreadedAgentRuntime;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.tools.FunctionTool;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A team run is one trace: a workflow span, agent spans under it, chat and tool spans under those. */
class TeamTracingTest {
    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    record CityArgs(String city) {
    }

    private static final ModelInfo TOOL_MODEL = new ModelInfo(false, true, true, "gpt-4o", true, null);

    /** A forecaster that calls get_weather once, then a critic that answers; two turns. */
    private static RoundRobinGroupChat.Builder weatherTeam(FunctionTool weather) {
        var forecaster = AssistantAgent.builder("forecaster", new ReplayChatCompletionClient(List.of(
                new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(List.of(
                        new FunctionCall("call_1", "{\"city\": \"Paris\"}", "get_weather"))),
                        new RequestUsage(10, 5), false, null, null)), TOOL_MODEL))
                .tools(List.of(weather)).build();
        var critic = AssistantAgent.builder("critic", ReplayChatCompletionClient.of("Looks right.")).build();
        return RoundRobinGroupChat.builder(List.of(forecaster, critic)).maxTurns(2);
    }

    private static FunctionTool sunny() {
        return FunctionTool.of("get_weather", "Get the weather for a city.", CityArgs.class,
                args -> "Sunny in " + args.city());
    }

    private static SpanTree runTraced(OpenTelemetryTracing tracing, RoundRobinGroupChat.Builder team) {
        var runtime = new SingleThreadedAgentRuntime(SingleThreadedAgentRuntime.builder().listenerFactory(tracing));
        runtime.start();
        team.runtime(runtime).build().run("Weather in Paris?");
        runtime.stopWhenIdle();
        runtime.close();
        return new SpanTree(OTEL.getSpans());
    }

    @Test
    void aRoundRobinRunWithAToolCallIsOneWorkflowWithAgentChatAndToolSpans() {
        SpanTree tree = runTraced(OpenTelemetryTracing.builder(OTEL.getOpenTelemetry()).build(), weatherTeam(sunny()));

        assertThat(tree.spans()).extracting(SpanData::getTraceId).containsOnly(tree.spans().getFirst().getTraceId());
        SpanData workflow = tree.one("invoke_workflow RoundRobinGroupChatManager");
        assertThat(tree.parent(workflow)).isNull();
        assertThat(workflow.getParentSpanContext().isValid()).isFalse();
        String teamId = workflow.getAttributes().get(CONVERSATION_ID);
        assertThat(workflow.getAttributes().get(OPERATION_NAME)).isEqualTo(INVOKE_WORKFLOW);
        assertThat(workflow.getAttributes().get(WORKFLOW_NAME)).isEqualTo("RoundRobinGroupChatManager");
        assertThat(teamId).isNotBlank();
        assertThat(workflow.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

        SpanData forecaster = tree.one("invoke_agent forecaster");
        SpanData critic = tree.one("invoke_agent critic");
        for (SpanData agent : List.of(forecaster, critic)) {
            assertThat(tree.descends(agent, workflow)).as(agent.getName() + " under the workflow").isTrue();
            assertThat(agent.getAttributes().get(OPERATION_NAME)).isEqualTo(INVOKE_AGENT);
            assertThat(agent.getAttributes().get(CONVERSATION_ID)).isEqualTo(teamId);
            assertThat(agent.getKind()).isEqualTo(SpanKind.INTERNAL);
        }
        assertThat(forecaster.getAttributes().get(AGENT_NAME)).isEqualTo("forecaster");
        assertThat(forecaster.getAttributes().get(AGENT_ID)).isEqualTo("forecaster_" + teamId + "/" + teamId);
        assertThat(forecaster.getEndEpochNanos()).isLessThanOrEqualTo(critic.getStartEpochNanos());

        SpanData toolChat = tree.one("chat gpt-4o");
        assertThat(tree.parent(toolChat)).isEqualTo(forecaster);
        assertThat(toolChat.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(toolChat.getAttributes().get(OPERATION_NAME)).isEqualTo(CHAT);
        assertThat(toolChat.getAttributes().get(PROVIDER_NAME)).isEqualTo("replay");
        assertThat(toolChat.getAttributes().get(REQUEST_MODEL)).isEqualTo("gpt-4o");
        assertThat(toolChat.getAttributes().get(USAGE_OUTPUT_TOKENS)).isEqualTo(5L);
        assertThat(toolChat.getAttributes().get(USAGE_INPUT_TOKENS)).isPositive();
        assertThat(toolChat.getAttributes().get(RESPONSE_FINISH_REASONS)).containsExactly("function_calls");
        assertThat(toolChat.getAttributes().get(CONVERSATION_ID)).isEqualTo(teamId);
        assertThat(toolChat.getAttributes().get(INPUT_MESSAGES)).as("content is opt-in").isNull();

        SpanData tool = tree.one("execute_tool get_weather");
        assertThat(tree.parent(tool)).isEqualTo(forecaster);
        assertThat(tool.getAttributes().get(OPERATION_NAME)).isEqualTo(EXECUTE_TOOL);
        assertThat(tool.getAttributes().get(TOOL_NAME)).isEqualTo("get_weather");
        assertThat(tool.getAttributes().get(TOOL_CALL_ID)).isEqualTo("call_1");
        assertThat(tool.getAttributes().get(TOOL_CALL_ARGUMENTS)).isNull();
        assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

        SpanData criticChat = tree.one("chat unknown");
        assertThat(tree.parent(criticChat)).isEqualTo(critic);

        SpanData start = tree.one("autogen send RoundRobinGroupChatManager_" + teamId + ".(" + teamId + ")-A");
        assertThat(tree.parent(start)).isEqualTo(workflow);
        assertThat(start.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(start.getAttributes().get(MESSAGING_MESSAGE_TYPE)).isEqualTo("GroupChatStart");
        assertThat(tree.starting("autogen process ")).isNotEmpty().allSatisfy(process -> {
            assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(tree.descends(process, workflow)).isTrue();
        });
        assertThat(tree.starting("autogen publish ")).isNotEmpty();
    }

    @Test
    void modelCallsFeedTheTokenUsageAndDurationHistograms() {
        runTraced(OpenTelemetryTracing.builder(OTEL.getOpenTelemetry()).build(), weatherTeam(sunny()));

        MetricData usage = metric("gen_ai.client.token.usage");
        assertThat(usage.getUnit()).isEqualTo("{token}");
        List<HistogramPointData> points = List.copyOf(usage.getHistogramData().getPoints());
        HistogramPointData output = points.stream()
                .filter(p -> "output".equals(p.getAttributes().get(TOKEN_TYPE))
                        && "gpt-4o".equals(p.getAttributes().get(REQUEST_MODEL)))
                .findFirst().orElseThrow();
        assertThat(output.getSum()).isEqualTo(5.0);
        assertThat(output.getAttributes().get(PROVIDER_NAME)).isEqualTo("replay");
        assertThat(output.getAttributes().get(OPERATION_NAME)).isEqualTo(CHAT);
        assertThat(points).anySatisfy(p -> assertThat(p.getAttributes().get(TOKEN_TYPE)).isEqualTo("input"));

        MetricData duration = metric("gen_ai.client.operation.duration");
        assertThat(duration.getUnit()).isEqualTo("s");
        assertThat(duration.getHistogramData().getPoints().stream().mapToLong(HistogramPointData::getCount).sum())
                .isEqualTo(2);
    }

    @Test
    void aFailingToolIsAnErrorSpanAndContentIsCapturedWhenAskedFor() {
        var failing = FunctionTool.of("get_weather", "Get the weather for a city.", CityArgs.class, args -> {
            throw new IllegalStateException("weather service down");
        });
        SpanTree tree = runTraced(OpenTelemetryTracing.builder(OTEL.getOpenTelemetry()).captureMessageContent(true).build(),
                weatherTeam(failing));

        SpanData tool = tree.one("execute_tool get_weather");
        assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(tool.getStatus().getDescription()).contains("weather service down");
        assertThat(tool.getAttributes().get(ERROR_TYPE)).isEqualTo(TOOL_ERROR);
        assertThat(tool.getAttributes().get(TOOL_CALL_ARGUMENTS)).isEqualTo("{\"city\": \"Paris\"}");
        assertThat(tool.getAttributes().get(TOOL_CALL_RESULT)).contains("weather service down");

        SpanData chat = tree.one("chat gpt-4o");
        assertThat(chat.getAttributes().get(INPUT_MESSAGES))
                .contains("\"role\":\"user\"", "\"content\":\"Weather in Paris?\"");
        assertThat(chat.getAttributes().get(OUTPUT_MESSAGES))
                .contains("\"type\":\"tool_call\"", "\"name\":\"get_weather\"", "\"finish_reason\":\"function_calls\"");
        assertThat(tree.one("invoke_workflow RoundRobinGroupChatManager").getStatus().getStatusCode())
                .as("the team goes on after a tool error").isEqualTo(StatusCode.UNSET);
    }

    @Test
    void aTeamOnItsOwnRuntimeIsTracedInsideCall() throws Exception {
        var tracing = OpenTelemetryTracing.builder(OTEL.getOpenTelemetry()).build();
        var team = weatherTeam(sunny()).build();

        tracing.call(() -> team.run("Weather in Paris?"));

        SpanTree tree = new SpanTree(OTEL.getSpans());
        SpanData workflow = tree.one("invoke_workflow RoundRobinGroupChatManager");
        assertThat(tree.descends(tree.one("execute_tool get_weather"), workflow)).isTrue();
        assertThat(tree.descends(tree.one("invoke_agent critic"), workflow)).isTrue();
    }

    @Test
    void withNoOpProvidersRunsGetNoListener() {
        var tracing = OpenTelemetryTracing.builder(OpenTelemetry.noop()).build();

        assertThat(tracing.enabled()).isFalse();
        assertThat(tracing.create(new Object())).isSameAs(dev.autogen.core.RuntimeListener.NONE);
        assertThat(OpenTelemetryTracing.builder(OTEL.getOpenTelemetry()).build().enabled()).isTrue();
    }

    private static MetricData metric(String name) {
        return OTEL.getMetrics().stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " among " + OTEL.getMetrics()));
    }
}
