package dev.autogen.ext.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.AgentId;
import dev.autogen.core.AgentInstantiationContext;
import dev.autogen.core.Event;
import dev.autogen.core.BaseAgent;
import dev.autogen.core.MessageContext;
import dev.autogen.core.RoutedAgent;
import dev.autogen.core.Rpc;
import dev.autogen.core.SingleThreadedAgentRuntime;
import dev.autogen.core.TopicId;
import dev.autogen.core.TypeSubscription;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A trace continues from agent to agent through the traceparent each message carries in its metadata. */
class CrossAgentTracingTest {
    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    record Ask(String question) {
    }

    record Answer(String text) {
    }

    record Note(String text) {
    }

    /** Asks the expert directly, then publishes a note the expert also receives. */
    static final class Front extends RoutedAgent {
        Front(AgentInstantiationContext ctx) {
            super(ctx, "Front desk.");
        }

        @Rpc
        Answer onAsk(Ask ask) {
            if (ask.question().equals("fail")) {
                throw new IllegalStateException("front desk closed");
            }
            Answer answer = (Answer) sendMessage(new Ask(ask.question() + "?"), new AgentId("expert", "default"));
            publishMessage(new Note(answer.text()), new TopicId("notes", "default"));
            return answer;
        }
    }

    /** Answers, keeping the metadata of every message it handles. */
    static final class Expert extends RoutedAgent {
        static final List<Map<String, String>> SEEN = new CopyOnWriteArrayList<>();

        Expert(AgentInstantiationContext ctx) {
            super(ctx, "Knows things.");
        }

        @Rpc
        Answer onAsk(Ask ask, MessageContext context) {
            SEEN.add(context.metadata());
            return new Answer(ask.question() + "!");
        }

        @Event
        void onNote(Note note, MessageContext context) {
            SEEN.add(context.metadata());
        }
    }

    private static SingleThreadedAgentRuntime runtime() {
        var tracing = OpenTelemetryTracing.builder(OTEL.getOpenTelemetry()).build();
        var runtime = new SingleThreadedAgentRuntime(SingleThreadedAgentRuntime.builder().listenerFactory(tracing));
        BaseAgent.register(runtime, "front", Front.class, Front::new);
        BaseAgent.register(runtime, "expert", Expert.class, Expert::new);
        runtime.addSubscription(new TypeSubscription("notes", "expert"));
        runtime.start();
        return runtime;
    }

    @Test
    void aDirectMessageAndAPublishFromOneAgentContinueTheCallersTraceInTheOther() {
        Expert.SEEN.clear();
        var runtime = runtime();
        Tracer tracer = OTEL.getOpenTelemetry().getTracer("test");
        Span request = tracer.spanBuilder("handle request").startSpan();
        Scope scope = request.makeCurrent();
        try {
            runtime.sendMessage(new Ask("why"), AgentId.of("front"));
        } finally {
            scope.close();
            request.end();
        }
        runtime.stopWhenIdle();
        runtime.close();

        SpanTree tree = new SpanTree(OTEL.getSpans());
        assertThat(tree.spans()).extracting(SpanData::getTraceId).containsOnly(request.getSpanContext().getTraceId());
        SpanData toFront = tree.one("autogen send front.(default)-A");
        SpanData atFront = tree.one("autogen process front.(default)-A");
        SpanData toExpert = tree.one("autogen send expert.(default)-A");
        SpanData publish = tree.one("autogen publish notes.(default)-T");
        List<SpanData> atExpert = tree.all("autogen process expert.(default)-A");

        assertThat(tree.parent(toFront).getName()).isEqualTo("handle request");
        assertThat(tree.parent(atFront)).isEqualTo(toFront);
        assertThat(tree.parent(toExpert)).isEqualTo(atFront);
        assertThat(tree.parent(publish)).isEqualTo(atFront);
        assertThat(atExpert).hasSize(2).extracting(tree::parent).containsExactlyInAnyOrder(toExpert, publish);
        assertThat(publish.getAttributes().get(GenAiAttributes.MESSAGING_BATCH_MESSAGE_COUNT)).isEqualTo(1L);

        assertThat(Expert.SEEN).extracting(m -> m.get("traceparent"))
                .containsExactlyInAnyOrder(traceparent(toExpert), traceparent(publish));
    }

    private static String traceparent(SpanData span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex();
    }

    @Test
    void aFailingHandlerEndsItsProcessAndSendSpansWithTheError() {
        var runtime = runtime();

        assertThatThrownBy(() -> runtime.sendMessage(new Ask("fail"), AgentId.of("front")))
                .hasMessageContaining("front desk closed");
        runtime.stopWhenIdle();
        runtime.close();

        SpanTree tree = new SpanTree(OTEL.getSpans());
        for (SpanData span : List.of(tree.one("autogen process front.(default)-A"), tree.one("autogen send front.(default)-A"))) {
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getAttributes().get(GenAiAttributes.ERROR_TYPE)).isEqualTo(IllegalStateException.class.getName());
            assertThat(span.getEvents()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
        }
    }
}
