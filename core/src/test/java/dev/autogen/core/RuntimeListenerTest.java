package dev.autogen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.utils.Concurrency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A runtime's listener factory watches each run: every send, publish and process it causes. */
class RuntimeListenerTest {
    record Ask(String question) {
    }

    record Answer(String text) {
    }

    record Note(String text) {
    }

    record Fail() {
    }

    /** Asks the expert, then publishes a note, for each question. */
    @DefaultSubscribed
    static final class Front extends RoutedAgent {
        Front(AgentInstantiationContext ctx) {
            super(ctx, "Front desk.");
        }

        @Rpc
        Answer onAsk(Ask ask) {
            Answer answer = (Answer) sendMessage(new Ask(ask.question() + "?"), new AgentId("expert", "default"));
            publishMessage(new Note(answer.text()), new TopicId("notes", "default"));
            return answer;
        }

        @Rpc
        Answer onFail(Fail fail) {
            throw new IllegalStateException("no answer");
        }
    }

    /** Answers with the metadata its message carried, checked from a helper thread too. */
    static final class Expert extends RoutedAgent {
        final List<Map<String, String>> seenMetadata = new CopyOnWriteArrayList<>();

        Expert(AgentInstantiationContext ctx) {
            super(ctx, "Knows things.");
        }

        @Rpc
        Answer onAsk(Ask ask, MessageContext context) throws ExecutionException {
            seenMetadata.add(context.metadata());
            RuntimeListener onHelper = Concurrency.callOnNewThread("helper", null, MessageHandlerContext::currentListener);
            return new Answer(ask.question() + " " + context.metadata().get("trace") + " "
                    + (onHelper != RuntimeListener.NONE));
        }
    }

    /** Records each callback; its start callbacks put the run's trace id into the metadata. */
    static final class Recorder implements RuntimeListener {
        final String trace;
        final List<String> events = new CopyOnWriteArrayList<>();

        Recorder(String trace) {
            this.trace = trace;
        }

        @Override
        public void messageSendStart(Object message, AgentId recipient, @Nullable AgentId sender, Map<String, String> metadata) {
            events.add("sendStart " + name(message) + " -> " + recipient.type());
            metadata.putIfAbsent("trace", trace);
        }

        @Override
        public void messageSendEnd(Object message, AgentId recipient, @Nullable Throwable error) {
            events.add("sendEnd " + name(message) + (error == null ? "" : " failed"));
        }

        @Override
        public void messagePublishStart(Object message, TopicId topic, @Nullable AgentId sender, Map<String, String> metadata) {
            events.add("publishStart " + name(message) + " -> " + topic.type());
        }

        @Override
        public void messagePublishEnd(Object message, TopicId topic, int recipients) {
            events.add("publishEnd " + name(message) + " to " + recipients);
        }

        @Override
        public void messageProcessStart(Object message, AgentId agent, MessageContext context) {
            events.add("processStart " + name(message) + " at " + agent.type());
        }

        @Override
        public void messageProcessEnd(Object message, AgentId agent, MessageContext context, @Nullable Throwable error) {
            events.add("processEnd " + name(message) + " at " + agent.type() + (error == null ? "" : " failed"));
        }

        private static String name(Object message) {
            return message.getClass().getSimpleName();
        }
    }

    @Test
    void eachRunGetsItsOwnListenerAndItsMetadataTravelsWithEveryMessageItCauses() {
        List<Recorder> runs = new CopyOnWriteArrayList<>();
        var runtime = new SingleThreadedAgentRuntime(SingleThreadedAgentRuntime.builder().listenerFactory(message -> {
            var recorder = new Recorder("run-" + runs.size());
            runs.add(recorder);
            return recorder;
        }));
        BaseAgent.register(runtime, "front", Front.class, Front::new);
        BaseAgent.register(runtime, "expert", Expert.class, Expert::new);
        runtime.addSubscription(new TypeSubscription("notes", "expert"));
        runtime.start();

        Answer first = runtime.sendMessage(new Ask("why"), AgentId.of("front"), Answer.class);
        Answer second = runtime.sendMessage(new Ask("how"), AgentId.of("front"), Answer.class);
        runtime.stopWhenIdle();

        assertThat(first.text()).isEqualTo("why? run-0 true");
        assertThat(second.text()).isEqualTo("how? run-1 true");
        assertThat(runs).hasSize(2);
        assertThat(runs.getFirst().events).containsSubsequence(
                "sendStart Ask -> front", "processStart Ask at front",
                "sendStart Ask -> expert", "processStart Ask at expert", "processEnd Ask at expert", "sendEnd Ask",
                "publishStart Note -> notes", "publishEnd Note to 1",
                "processEnd Ask at front", "sendEnd Ask");
        assertThat(runs.getFirst().events).contains("processStart Note at expert", "processEnd Note at expert");
        runtime.close();
    }

    @Test
    void aFailedHandlerEndsItsProcessAndSendWithTheError() {
        var recorder = new Recorder("r");
        var runtime = new SingleThreadedAgentRuntime(SingleThreadedAgentRuntime.builder().listenerFactory(m -> recorder));
        BaseAgent.register(runtime, "front", Front.class, Front::new);
        runtime.start();

        assertThatThrownBy(() -> runtime.sendMessage(new Fail(), AgentId.of("front"))).hasMessage("no answer");

        assertThat(recorder.events).containsExactly("sendStart Fail -> front", "processStart Fail at front",
                "processEnd Fail at front failed", "sendEnd Fail failed");
        runtime.close();
    }

    @Test
    void aDroppedMessageStillEndsItsSendAndPublish() {
        var recorder = new Recorder("r");
        var runtime = new SingleThreadedAgentRuntime(SingleThreadedAgentRuntime.builder()
                .listenerFactory(m -> recorder)
                .interventionHandler(new InterventionHandler() {
                    @Override
                    public Intervention onSend(Object message, MessageContext context, AgentId recipient) {
                        return new DropMessage("not today");
                    }

                    @Override
                    public Intervention onPublish(Object message, MessageContext context) {
                        return new DropMessage("not today");
                    }
                }));
        BaseAgent.register(runtime, "front", Front.class, Front::new);
        runtime.start();

        assertThatThrownBy(() -> runtime.sendMessage(new Ask("why"), AgentId.of("front"))).hasMessageContaining("not today");
        runtime.publishMessage(new Note("hi"), new TopicId("notes", "default"));

        assertThat(recorder.events).containsExactly("sendStart Ask -> front", "sendEnd Ask failed",
                "publishStart Note -> notes", "publishEnd Note to 0");
        runtime.close();
    }

    @Test
    void aRunStartedInsideCallWatchedReportsToItsListenerOnARuntimeWithoutFactory() throws Exception {
        var recorder = new Recorder("watched");
        var runtime = new SingleThreadedAgentRuntime();
        BaseAgent.register(runtime, "front", Front.class, Front::new);
        BaseAgent.register(runtime, "expert", Expert.class, Expert::new);
        runtime.start();

        Answer answer = MessageHandlerContext.callWatched(recorder,
                () -> runtime.sendMessage(new Ask("why"), AgentId.of("front"), Answer.class));

        assertThat(answer.text()).isEqualTo("why? watched true");
        assertThat(recorder.events).startsWith("sendStart Ask -> front", "processStart Ask at front");
        assertThat(MessageHandlerContext.current()).isNull();
        runtime.close();
    }

    @Test
    void withoutAFactoryHandlersSeeNoListenerAndNoMetadata() {
        var runtime = new SingleThreadedAgentRuntime();
        BaseAgent.register(runtime, "front", Front.class, Front::new);
        BaseAgent.register(runtime, "expert", Expert.class, Expert::new);
        runtime.start();

        assertThat(runtime.sendMessage(new Ask("why"), AgentId.of("front"), Answer.class).text())
                .isEqualTo("why? null false");
        runtime.close();
    }
}
