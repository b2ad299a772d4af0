package dev.autogen.ext.opentelemetry;

import dev.autogen.core.MessageHandlerContext;
import dev.autogen.core.RuntimeListener;
import dev.autogen.ext.opentelemetry.internal.Instruments;
import dev.autogen.ext.opentelemetry.internal.RunTracer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;
import java.util.Objects;

/**
 * Traces and measures AutoGen runs with OpenTelemetry, following the GenAI semantic conventions: a
 * team run is an {@code invoke_workflow} span, each participant's turn an {@code invoke_agent} span
 * under it, each model call a {@code chat} span and each tool call an {@code execute_tool} span under
 * the turn; the runtime's send, publish and process spans (named as Python AutoGen names them) link
 * agents into one trace through the {@code traceparent} each message carries in its metadata. Model
 * calls also feed the {@code gen_ai.client.token.usage} and {@code gen_ai.client.operation.duration}
 * histograms.
 *
 * <p>It is a {@link RuntimeListener.Factory}: install it on the runtime a team runs on,
 *
 * <!-- java-context: import dev.autogen.core.SingleThreadedAgentRuntime;
 *      import dev.autogen.agentchat.teams.RoundRobinGroupChat;
 *      import dev.autogen.agentchat.agents.AssistantAgent; import java.util.List;
 *      import io.opentelemetry.api.OpenTelemetry; AssistantAgent writer; AssistantAgent critic;
 *      OpenTelemetry openTelemetry; -->
 * <pre>{@code
 * var tracing = OpenTelemetryTracing.builder(openTelemetry).build();
 * var runtime = new SingleThreadedAgentRuntime(SingleThreadedAgentRuntime.builder().listenerFactory(tracing));
 * var team = RoundRobinGroupChat.builder(List.of(writer, critic)).runtime(runtime).maxTurns(4).build();
 * runtime.start();
 * team.run("Write a haiku.");
 * }</pre>
 *
 * or, for a team that makes its own runtime (one loaded from a config), run it inside {@link #call}.
 * With an {@code OpenTelemetry} whose tracer and meter providers are both no-ops, every run gets
 * {@link RuntimeListener#NONE} and costs nothing. Message contents (prompts, answers, tool arguments
 * and results) go on spans only with {@link Builder#captureMessageContent(boolean)}.
 */
public final class OpenTelemetryTracing implements RuntimeListener.Factory {
    private final Instruments instruments;
    private final boolean enabled;

    private OpenTelemetryTracing(Builder builder) {
        this.instruments = new Instruments(builder.openTelemetry, builder.captureMessageContent);
        this.enabled = builder.openTelemetry.getTracerProvider() != TracerProvider.noop()
                || builder.openTelemetry.getMeterProvider() != MeterProvider.noop();
    }

    /** A builder recording through {@code openTelemetry}. */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    /** Tracing through {@link GlobalOpenTelemetry}, without message contents. */
    public static OpenTelemetryTracing global() {
        return builder(GlobalOpenTelemetry.get()).build();
    }

    /** Whether runs are recorded: false when the tracer and meter providers are no-ops. */
    public boolean enabled() {
        return enabled;
    }

    /** The listener of a new run; {@link RuntimeListener#NONE} when not {@link #enabled()}. */
    @Override
    public RuntimeListener create(Object message) {
        return enabled ? new RunTracer(instruments) : RuntimeListener.NONE;
    }

    /**
     * Runs {@code body} as one traced run, whatever runtime it uses: for a team that makes its own
     * runtime, or an agent run directly. Keep the whole run, reading its stream included, inside
     * {@code body}.
     *
     * <!-- java-context: import dev.autogen.agentchat.base.TaskResult; import dev.autogen.agentchat.base.Team;
     *      Team team; OpenTelemetryTracing tracing; -->
     * <pre>{@code
     * TaskResult result = tracing.call(() -> team.run("Write a haiku."));
     * }</pre>
     */
    public <T> T call(MessageHandlerContext.ThrowingSupplier<T> body) throws Exception {
        return enabled ? MessageHandlerContext.callWatched(new RunTracer(instruments), body) : body.get();
    }

    /** Builds an {@link OpenTelemetryTracing}. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private boolean captureMessageContent;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
        }

        /**
         * Puts message contents on spans (off by default, as the conventions ask): the prompt and answer
         * of each model call ({@code gen_ai.input.messages}, {@code gen_ai.output.messages}) and the
         * arguments and result of each tool call.
         */
        public Builder captureMessageContent(boolean capture) {
            this.captureMessageContent = capture;
            return this;
        }

        public OpenTelemetryTracing build() {
            return new OpenTelemetryTracing(this);
        }
    }
}
