package dev.autogen.ext.runtimes.grpc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.TopicId;
import dev.autogen.core.TypePrefixSubscription;
import dev.autogen.core.TypeSubscription;
import org.junit.jupiter.api.Test;

class SubscriptionTableTest {
    private final SubscriptionTable table = new SubscriptionTable();

    @Test
    void topicsReachTheAgentTypesOfMatchingSubscriptions() {
        table.add("a", new TypeSubscription("notes", "listener", "s1"));
        table.add("b", new TypePrefixSubscription("alerts.", "watcher", "s2"));
        assertThat(table.agentTypesFor(new TopicId("notes", "x"))).containsExactly("listener");
        assertThat(table.agentTypesFor(new TopicId("alerts.fire", "x"))).containsExactly("watcher");
        assertThat(table.agentTypesFor(new TopicId("other", "x"))).isEmpty();
        assertThat(table.removeAll("b")).isEqualTo(1);
        assertThat(table.agentTypesFor(new TopicId("alerts.fire", "x"))).isEmpty();
    }

    @Test
    void aWorkerAddingItsOwnSubscriptionAgainChangesNothingButAnotherWorkerIsRefused() {
        table.add("a", new TypeSubscription("notes", "listener", "s1"));
        table.add("a", new TypeSubscription("notes", "listener", "s1"));
        assertThat(table.all()).hasSize(1);
        assertThatThrownBy(() -> table.add("b", new TypeSubscription("notes", "listener", "s9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscription already exists");
        assertThat(table.remove("s1")).isTrue();
        assertThat(table.remove("s1")).isFalse();
    }
}
