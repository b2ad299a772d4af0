package dev.autogen.agentchat.conditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.PythonFixtures;
import dev.autogen.agentchat.base.TerminatedException;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.MessageFactory;
import dev.autogen.agentchat.messages.MultiModalMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ThoughtEvent;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.RequestUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TerminationConditionsTest {
    private static TextMessage text(String content, String source) {
        return new TextMessage(content, source);
    }

    private static TextMessage withUsage(String source, int prompt, int completion) {
        return new TextMessage("answer", source).withModelsUsage(new RequestUsage(prompt, completion));
    }

    private static ToolCallExecutionEvent executed(String source, String... names) {
        List<FunctionExecutionResult> results = new ArrayList<>();
        for (String name : names) {
            results.add(new FunctionExecutionResult("done", name, "call_" + name, false));
        }
        return new ToolCallExecutionEvent(results, source);
    }

    @Test
    void maxMessageStopsOnPythonsRunWithPythonsReason() {
        JsonNode taskResult = PythonFixtures.read("01_round_robin_max5.normalized.json").get("task_result");
        var factory = new MessageFactory();
        var condition = new MaxMessageTermination(5);

        StopMessage stop = null;
        for (JsonNode node : taskResult.get("messages")) {
            assertThat(stop).as("fired before the last message").isNull();
            stop = condition.check(List.of(factory.create(node)));
        }

        assertThat(stop).isNotNull();
        assertThat(stop.content()).isEqualTo(taskResult.get("stop_reason").textValue())
                .isEqualTo("Maximum number of messages 5 reached, current message count: 5");
        assertThat(stop.source()).isEqualTo("MaxMessageTermination");
        assertThat(condition.terminated()).isTrue();
    }

    @Test
    void maxMessageCountsTheWholeDeltaAndReportsTheOvershoot() {
        var condition = new MaxMessageTermination(3);
        assertThat(condition.check(List.of(text("task", "user")))).isNull();
        StopMessage stop = condition.check(List.of(text("a", "a"), text("b", "b"), text("c", "c")));
        assertThat(stop.content()).isEqualTo("Maximum number of messages 3 reached, current message count: 4");
    }

    @Test
    void maxMessageCountsAgentEventsOnlyWhenAsked() {
        List<BaseMessage> turn = List.of(new ThoughtEvent("thinking", "a"), executed("a", "add"), text("4", "a"));

        var chatOnly = new MaxMessageTermination(2);
        assertThat(chatOnly.check(turn)).isNull();
        assertThat(chatOnly.messageCount()).isEqualTo(1);

        var withEvents = new MaxMessageTermination(2, true);
        assertThat(withEvents.check(turn).content())
                .isEqualTo("Maximum number of messages 2 reached, current message count: 3");
    }

    @Test
    void textMentionLooksAtEveryMessagesTextIncludingEventsAndMultiModal() {
        var condition = new TextMentionTermination("APPROVE");
        assertThat(condition.check(List.of(text("not yet", "critic")))).isNull();
        StopMessage stop = condition.check(List.of(new ThoughtEvent("I will APPROVE this", "critic")));
        assertThat(stop.content()).isEqualTo("Text 'APPROVE' mentioned");
        assertThat(stop.source()).isEqualTo("TextMentionTermination");

        var multiModal = new TextMentionTermination("TERMINATE");
        assertThat(multiModal.check(List.of(new MultiModalMessage(List.of("see image", "TERMINATE"), "user"))))
                .isNotNull();
    }

    @Test
    void textMentionIsCaseSensitive() {
        assertThat(new TextMentionTermination("APPROVE").check(List.of(text("approve", "critic")))).isNull();
    }

    @Test
    void textMentionWithSourcesIgnoresOtherAgents() {
        var condition = new TextMentionTermination("APPROVE", List.of("critic"));
        assertThat(condition.check(List.of(text("I APPROVE of my own work", "writer")))).isNull();
        assertThat(condition.terminated()).isFalse();
        assertThat(condition.check(List.of(text("APPROVE", "critic")))).isNotNull();
    }

    @Test
    void tokenUsageSumsModelsUsageAcrossChecks() {
        var condition = TokenUsageTermination.builder().maxTotalToken(50).build();
        assertThat(condition.check(List.of(text("task", "user"), withUsage("a", 10, 5)))).isNull();
        assertThat(condition.check(List.of(withUsage("b", 12, 8)))).isNull();
        StopMessage stop = condition.check(List.of(new ThoughtEvent("hmm", "a"), withUsage("a", 11, 6)));
        assertThat(stop.content()).isEqualTo(
                "Token usage limit reached, total token count: 52, prompt token count: 33, completion token count: 19.");
        assertThat(stop.source()).isEqualTo("TokenUsageTermination");
    }

    @Test
    void tokenUsageStopsOnWhicheverLimitIsReachedFirst() {
        var condition = new TokenUsageTermination(null, 100, 10);
        StopMessage stop = condition.check(List.of(withUsage("a", 20, 10)));
        assertThat(stop.content()).isEqualTo(
                "Token usage limit reached, total token count: 30, prompt token count: 20, completion token count: 10.");

        var promptLimit = TokenUsageTermination.builder().maxPromptToken(20).build();
        assertThat(promptLimit.check(List.of(withUsage("a", 20, 0)))).isNotNull();
    }

    @Test
    void tokenUsageNeedsALimit() {
        assertThatThrownBy(() -> TokenUsageTermination.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("At least one of max_total_token, max_prompt_token, or max_completion_token must be provided");
        assertThatThrownBy(() -> TokenUsageTermination.builder().maxCompletionToken(0))
                .hasMessageContaining("max_completion_token must be at least 1");
    }

    @Test
    void handoffStopsOnlyForItsTarget() {
        var condition = new HandoffTermination("user");
        assertThat(condition.check(List.of(new HandoffMessage("to bob", "alice", "bob", List.of())))).isNull();
        StopMessage stop = condition.check(List.of(
                new HandoffMessage("Transferred to user", "lazy_assistant", "user", List.of())));
        assertThat(stop.content()).isEqualTo("Handoff to user from lazy_assistant detected.");
        assertThat(stop.source()).isEqualTo("HandoffTermination");
    }

    @Test
    void timeoutFiresOnceTheClockHasMovedPastIt() {
        var now = new AtomicLong(1_000);
        var condition = new TimeoutTermination(2.5, now::get);
        assertThat(condition.check(List.of())).isNull();

        now.addAndGet(Duration.ofMillis(2_499).toNanos());
        assertThat(condition.check(List.of(text("hi", "a")))).isNull();

        now.addAndGet(Duration.ofMillis(1).toNanos());
        StopMessage stop = condition.check(List.of(text("hi", "a")));
        assertThat(stop.content()).isEqualTo("Timeout of 2.5 seconds reached");
        assertThat(stop.source()).isEqualTo("TimeoutTermination");
    }

    @Test
    void timeoutResetRestartsTheClock() {
        var now = new AtomicLong();
        var condition = new TimeoutTermination(10, now::get);
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(condition.check(List.of()).content()).isEqualTo("Timeout of 10.0 seconds reached");

        condition.reset();
        assertThat(condition.terminated()).isFalse();
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(condition.check(List.of())).isNull();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(condition.check(List.of())).isNotNull();
    }

    @Test
    void timeoutFromDurationAndValidation() {
        assertThat(new TimeoutTermination(Duration.ofMillis(1500)).timeoutSeconds()).isEqualTo(1.5);
        assertThatThrownBy(() -> new TimeoutTermination(0)).hasMessageContaining("timeout_seconds must be a positive");
        assertThatThrownBy(() -> new TimeoutTermination(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void externalStopsAtTheNextCheckAfterSetFromAnotherThread() throws Exception {
        var condition = new ExternalTermination();
        assertThat(condition.check(List.of(text("hi", "a")))).isNull();

        var done = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            condition.set();
            done.countDown();
        });
        done.await();

        assertThat(condition.terminated()).as("set() alone does not fire").isFalse();
        StopMessage stop = condition.check(List.of(text("hi again", "b")));
        assertThat(stop.content()).isEqualTo("External termination requested");
        assertThat(stop.source()).isEqualTo("ExternalTermination");
    }

    @Test
    void externalResetForgetsAPendingRequest() {
        var condition = new ExternalTermination();
        condition.set();
        condition.reset();
        assertThat(condition.isSet()).isFalse();
        assertThat(condition.check(List.of())).isNull();
    }

    @Test
    void sourceMatchStopsWhenANamedAgentSpeaks() {
        var condition = new SourceMatchTermination("summarizer", "editor");
        assertThat(condition.check(List.of())).isNull();
        assertThat(condition.check(List.of(text("draft", "writer")))).isNull();
        StopMessage stop = condition.check(List.of(new ThoughtEvent("summing up", "summarizer")));
        assertThat(stop.content()).isEqualTo("'summarizer' answered");
        assertThat(stop.source()).isEqualTo("SourceMatchTermination");
        assertThatThrownBy(() -> new SourceMatchTermination(List.of())).hasMessageContaining("at least one");
    }

    @Test
    void stopMessageStopsOnAStopMessageOnly() {
        var condition = new StopMessageTermination();
        assertThat(condition.check(List.of(text("stop", "a")))).isNull();
        StopMessage stop = condition.check(List.of(new StopMessage("done", "a")));
        assertThat(stop.content()).isEqualTo("Stop message received");
        assertThat(stop.source()).isEqualTo("StopMessageTermination");
    }

    @Test
    void textMessageStopsOnATextMessageFromTheSource() {
        var any = new TextMessageTermination();
        assertThat(any.check(List.of(executed("assistant", "search")))).isNull();
        assertThat(any.check(List.of(text("answer", "assistant"))).content())
                .isEqualTo("Text message received from 'assistant'");

        var fromAssistant = new TextMessageTermination("assistant");
        assertThat(fromAssistant.check(List.of(text("task", "user")))).isNull();
        StopMessage stop = fromAssistant.check(List.of(text("answer", "assistant")));
        assertThat(stop.content()).isEqualTo("Text message received from 'assistant'");
        assertThat(stop.source()).isEqualTo("TextMessageTermination");
    }

    @Test
    void functionCallStopsWhenTheNamedToolRan() {
        var condition = new FunctionCallTermination("approve");
        assertThat(condition.check(List.of(text("call approve", "a"), executed("a", "search")))).isNull();
        StopMessage stop = condition.check(List.of(executed("a", "search", "approve")));
        assertThat(stop.content()).isEqualTo("Function 'approve' was executed.");
        assertThat(stop.source()).isEqualTo("FunctionCallTermination");
    }

    @Test
    void functionalSeesTheDeltaAndIsNotAComponent() {
        List<List<BaseMessage>> seen = new ArrayList<>();
        var condition = new FunctionalTermination(messages -> {
            seen.add(messages);
            return !messages.isEmpty() && messages.getLast() instanceof StopMessage;
        });
        var first = List.of(text("a", "a"));
        var second = List.<BaseMessage>of(text("b", "b"), new StopMessage("Stop", "agent1"));

        assertThat(condition.check(first)).isNull();
        StopMessage stop = condition.check(second);

        assertThat(seen).containsExactly(List.copyOf(first), second);
        assertThat(stop.content()).isEqualTo("Functional termination condition met");
        assertThat(stop.source()).isEqualTo("FunctionalTermination");
        assertThatThrownBy(condition::dumpComponent).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("FunctionalTermination holds a Java predicate");
    }

    static Stream<Arguments> firingConditions() {
        var now = new AtomicLong();
        var external = new ExternalTermination();
        List<BaseMessage> trigger = List.of(text("APPROVE", "critic"),
                new HandoffMessage("to user", "critic", "user", List.of()), new StopMessage("stop", "critic"),
                executed("critic", "approve"), withUsage("critic", 60, 60));
        return Stream.of(
                Arguments.of(new MaxMessageTermination(2), trigger, (Runnable) () -> { }),
                Arguments.of(new TextMentionTermination("APPROVE"), trigger, (Runnable) () -> { }),
                Arguments.of(TokenUsageTermination.builder().maxTotalToken(100).build(), trigger, (Runnable) () -> { }),
                Arguments.of(new HandoffTermination("user"), trigger, (Runnable) () -> { }),
                Arguments.of(new TimeoutTermination(1, now::get), trigger,
                        (Runnable) () -> now.addAndGet(Duration.ofSeconds(1).toNanos())),
                Arguments.of(external, trigger, (Runnable) external::set),
                Arguments.of(new SourceMatchTermination("critic"), trigger, (Runnable) () -> { }),
                Arguments.of(new StopMessageTermination(), trigger, (Runnable) () -> { }),
                Arguments.of(new TextMessageTermination("critic"), trigger, (Runnable) () -> { }),
                Arguments.of(new FunctionCallTermination("approve"), trigger, (Runnable) () -> { }),
                Arguments.of(new FunctionalTermination(m -> true), trigger, (Runnable) () -> { }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firingConditions")
    void everyConditionRefusesToFireTwiceAndWorksAgainAfterReset(TerminationCondition condition,
            List<BaseMessage> trigger, Runnable arm) {
        arm.run();
        assertThat(condition.terminated()).isFalse();
        assertThat(condition.check(trigger)).isNotNull();
        assertThat(condition.terminated()).isTrue();

        assertThatThrownBy(() -> condition.check(trigger))
                .isInstanceOf(TerminatedException.class)
                .hasMessage("Termination condition has already been reached");

        condition.reset();
        assertThat(condition.terminated()).isFalse();
        arm.run();
        assertThat(condition.check(trigger)).as("fires again after reset").isNotNull();
    }
}
