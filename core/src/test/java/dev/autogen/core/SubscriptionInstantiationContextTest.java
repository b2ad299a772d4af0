package dev.autogen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.runtime.InProcessAgentRuntime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubscriptionInstantiationContextTest {
    record Note(String text) {
    }

    /** Subscribes each agent type to a topic named after it, and to the default topic. */
    public static final class OwnTopic implements SubscriptionFactory {
        static final List<SubscriptionInstantiationContext> SEEN = new CopyOnWriteArrayList<>();

        @Override
        public List<Subscription> subscriptions(SubscriptionInstantiationContext context) {
            SEEN.add(context);
            return List.of(new TypeSubscription("topic-of-" + context.agentType().type(), context.agentType().type()),
                    DefaultSubscription.of(context));
        }
    }

    static final class NoDefaultConstructor implements SubscriptionFactory {
        NoDefaultConstructor(String unused) {
        }

        @Override
        public List<Subscription> subscriptions(SubscriptionInstantiationContext context) {
            return List.of();
        }
    }

    static final class Broken implements SubscriptionFactory {
        @Override
        public List<Subscription> subscriptions(SubscriptionInstantiationContext context) {
            throw new IllegalArgumentException("no topic for " + context.agentType().type());
        }
    }

    @SubscribedBy(OwnTopic.class)
    @TypeSubscribed("announcements")
    static final class Listener extends RoutedAgent {
        static final List<String> HEARD = new CopyOnWriteArrayList<>();

        Listener(AgentInstantiationContext ctx) {
            super(ctx, "Listens.");
        }

        @Event
        void onNote(Note note, MessageContext ctx) {
            HEARD.add(id().type() + " heard " + note.text() + " on " + ctx.topicId().orElseThrow().type());
        }
    }

    @SubscribedBy(NoDefaultConstructor.class)
    static final class Misconfigured extends RoutedAgent {
        Misconfigured(AgentInstantiationContext ctx) {
            super(ctx, "Never registered.");
        }
    }

    @SubscribedBy(Broken.class)
    static final class WithBrokenFactory extends RoutedAgent {
        WithBrokenFactory(AgentInstantiationContext ctx) {
            super(ctx, "Never registered.");
        }
    }

    private final InProcessAgentRuntime runtime = new InProcessAgentRuntime();

    @AfterEach
    void close() {
        runtime.close();
        OwnTopic.SEEN.clear();
        Listener.HEARD.clear();
    }

    @Test
    void aFactoryOnTheClassMakesSubscriptionsForEachTypeItIsRegisteredAs() {
        BaseAgent.register(runtime, "alice", Listener.class, Listener::new);
        BaseAgent.register(runtime, "bob", Listener.class, Listener::new);
        runtime.start();

        assertThat(OwnTopic.SEEN).extracting(c -> c.agentType().type()).containsExactly("alice", "bob");
        assertThat(OwnTopic.SEEN).allSatisfy(c -> assertThat(c.runtime()).isSameAs(runtime));
        assertThat(runtime.subscriptions()).contains(new TypeSubscription("topic-of-alice", "alice"),
                new TypeSubscription("topic-of-bob", "bob"), new DefaultSubscription("alice"),
                new TypeSubscription("announcements", "bob"));

        runtime.publishMessage(new Note("hi"), new TopicId("topic-of-alice", "default"));
        runtime.publishMessage(new Note("all"), DefaultTopicId.create());
        runtime.stopWhenIdle();

        assertThat(Listener.HEARD).containsExactlyInAnyOrder("alice heard hi on topic-of-alice",
                "alice heard all on default", "bob heard all on default");
    }

    @Test
    void skippingClassSubscriptionsSkipsTheFactoryToo() {
        BaseAgent.register(runtime, "quiet", Listener.class, Listener::new, true, false);

        assertThat(OwnTopic.SEEN).isEmpty();
        assertThat(runtime.subscriptions()).noneMatch(s -> s instanceof TypeSubscription t
                && t.agentType().equals("quiet") && !(s instanceof TypePrefixSubscription));
    }

    @Test
    void aFactoryThatCannotBeCreatedOrFailsIsNamed() {
        assertThatThrownBy(() -> BaseAgent.register(runtime, "m", Misconfigured.class, Misconfigured::new))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("@SubscribedBy(NoDefaultConstructor) on Misconfigured: cannot create the"
                        + " factory; it needs a no-argument constructor");
        assertThatThrownBy(() -> BaseAgent.register(runtime, "w", WithBrokenFactory.class, WithBrokenFactory::new))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the subscription factory Broken (@SubscribedBy on WithBrokenFactory) failed for agent type"
                        + " 'w': no topic for w");
    }

    @Test
    void aClosureAgentsSubscriptionsCanBeMadeKnowingItsType() {
        List<String> got = new CopyOnWriteArrayList<>();
        ClosureAgent.builder("collector", Note.class, (ctx, note, mctx) -> {
            got.add(note.text());
            return null;
        }).subscriptions(ctx -> List.of(DefaultSubscription.of(ctx))).register(runtime);
        runtime.start();

        runtime.publishMessage(new Note("collected"), DefaultTopicId.create());
        runtime.stopWhenIdle();

        assertThat(got).containsExactly("collected");
        assertThat(runtime.subscriptions()).contains(new DefaultSubscription("collector"));
    }

    @Test
    void aClosureAgentsFactoryThatReturnsNothingIsNamed() {
        var builder = ClosureAgent.builder("nothing", Note.class, (ctx, note, mctx) -> null)
                .subscriptions((SubscriptionFactory) ctx -> null);

        assertThatThrownBy(() -> builder.register(runtime)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the subscription factory of closure agent 'nothing' returned no list for agent type"
                        + " 'nothing'");
    }
}
