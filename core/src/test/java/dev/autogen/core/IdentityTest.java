package dev.autogen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.exceptions.CantHandleException;
import org.junit.jupiter.api.Test;

class IdentityTest {
    @Test
    void agentIdRoundTripsThroughItsStringForm() {
        AgentId id = new AgentId("checker", "conversation-7");
        assertThat(id.toString()).isEqualTo("checker/conversation-7");
        assertThat(AgentId.fromString("checker/conversation-7")).isEqualTo(id);
        assertThat(AgentId.of("checker")).isEqualTo(new AgentId("checker", "default"));
    }

    @Test
    void agentTypeWithInvalidCharactersIsRejectedWithTheReason() {
        assertThatThrownBy(() -> new AgentId("bad type!", "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid agent type 'bad type!'");
        assertThatThrownBy(() -> AgentId.fromString("no-slash"))
                .hasMessageContaining("expected 'type/key'");
    }

    @Test
    void topicIdValidatesTypeAndParses() {
        assertThat(TopicId.fromString("default/default")).isEqualTo(new TopicId("default", "default"));
        assertThat(new TopicId("agent:x=1", "s").type()).isEqualTo("agent:x=1");
        assertThatThrownBy(() -> new TopicId("a b", "s")).hasMessageContaining("invalid topic type");
    }

    @Test
    void typeSubscriptionMapsTopicSourceToAgentKey() {
        var subscription = new TypeSubscription("tasks", "worker");
        assertThat(subscription.isMatch(new TopicId("tasks", "job-1"))).isTrue();
        assertThat(subscription.isMatch(new TopicId("other", "job-1"))).isFalse();
        assertThat(subscription.mapToAgent(new TopicId("tasks", "job-1"))).isEqualTo(new AgentId("worker", "job-1"));
        assertThatThrownBy(() -> subscription.mapToAgent(new TopicId("other", "x")))
                .isInstanceOf(CantHandleException.class);
    }

    @Test
    void typePrefixSubscriptionMatchesEveryTopicTypeWithThePrefix() {
        var subscription = new TypePrefixSubscription("worker:", "worker");
        assertThat(subscription.isMatch(new TopicId("worker:urgent", "a"))).isTrue();
        assertThat(subscription.isMatch(new TopicId("workers", "a"))).isFalse();
        assertThat(subscription.mapToAgent(new TopicId("worker:urgent", "a"))).isEqualTo(new AgentId("worker", "a"));
    }

    @Test
    void subscriptionsAreEqualByIdOrByTopicAndAgentType() {
        assertThat(new TypeSubscription("t", "a")).isEqualTo(new TypeSubscription("t", "a"));
        assertThat(new TypeSubscription("t", "a", "id1")).isEqualTo(new TypeSubscription("u", "b", "id1"));
        assertThat(new TypeSubscription("t", "a")).isNotEqualTo(new TypeSubscription("t", "b"));
        assertThat(new DefaultSubscription("a").topicType()).isEqualTo("default");
    }

    @Test
    void defaultTopicIdOutsideAHandlerHasDefaultSource() {
        assertThat(DefaultTopicId.create()).isEqualTo(new TopicId("default", "default"));
    }

    @Test
    void cancellationTokenRunsCallbacksOnceAndImmediatelyWhenAlreadyCancelled() {
        var token = new CancellationToken();
        int[] calls = new int[2];
        var registration = token.onCancel(() -> calls[0]++);
        var removed = token.onCancel(() -> calls[1]++);
        removed.close();
        token.cancel();
        token.cancel();
        assertThat(calls).containsExactly(1, 0);
        assertThat(token.isCancelled()).isTrue();
        token.onCancel(() -> calls[1]++);
        assertThat(calls[1]).isEqualTo(1);
        registration.close();
        assertThatThrownBy(token::throwIfCancelled).isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void cancellationTokenRunsTheCallbacksStillRegisteredInRegistrationOrder() {
        var token = new CancellationToken();
        var order = new java.util.ArrayList<String>();
        var first = token.onCancel(() -> order.add("first"));
        var middle = token.onCancel(() -> order.add("middle"));
        token.onCancel(() -> order.add("third"));
        var last = token.onCancel(() -> order.add("last"));
        middle.close();
        last.close();
        first.close();
        first.close();
        token.onCancel(() -> order.add("fifth"));
        token.cancel();
        assertThat(order).containsExactly("third", "fifth");
    }
}
