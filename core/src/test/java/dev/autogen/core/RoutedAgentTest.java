package dev.autogen.core;

import dev.autogen.core.runtime.InProcessAgentRuntime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.exceptions.CantHandleException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutedAgentTest {
    sealed interface Shape permits Circle, Square {
    }

    record Circle(double r) implements Shape {
    }

    record Square(double side) implements Shape {
    }

    record Text(String value) {
    }

    @DefaultSubscribed
    @TypeSubscribed("shapes")
    static final class Router extends RoutedAgent {
        final List<String> calls = new CopyOnWriteArrayList<>();

        Router(AgentInstantiationContext ctx) {
            super(ctx, "Routes by type.");
        }

        @Rpc
        String circle(Circle c) {
            return "circle " + c.r();
        }

        @Rpc
        String anyShape(Shape s, MessageContext ctx) {
            return "shape " + s.getClass().getSimpleName();
        }

        @Event
        void onText(Text t, MessageContext ctx) {
            calls.add("event " + t.value() + " on " + ctx.topicId().orElseThrow().type());
        }

        @Rpc(match = "isQuestion")
        String bAnswer(Text t) {
            return "answer to " + t.value();
        }

        @Rpc
        String cFallback(Text t) {
            return "fallback " + t.value();
        }

        @Rpc(match = "isShout")
        private String aShout(Text t) {
            return "shout " + t.value();
        }

        boolean isQuestion(Text t) {
            return t.value().endsWith("?");
        }

        private boolean isShout(Text t, MessageContext ctx) {
            return t.value().equals(t.value().toUpperCase());
        }
    }

    private final InProcessAgentRuntime runtime = new InProcessAgentRuntime();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void exactTypeHandlerWinsOverSupertypeHandler() {
        BaseAgent.register(runtime, "router", Router.class, Router::new);
        runtime.start();

        assertThat(runtime.sendMessage(new Circle(2), AgentId.of("router"))).isEqualTo("circle 2.0");
        assertThat(runtime.sendMessage(new Square(1), AgentId.of("router"))).isEqualTo("shape Square");
    }

    @Test
    void matchPredicatesAreTriedInAlphabeticalOrderOfHandlerName() {
        BaseAgent.register(runtime, "router", Router.class, Router::new);
        runtime.start();

        assertThat(runtime.sendMessage(new Text("WHY?"), AgentId.of("router"))).isEqualTo("shout WHY?");
        assertThat(runtime.sendMessage(new Text("why?"), AgentId.of("router"))).isEqualTo("answer to why?");
        assertThat(runtime.sendMessage(new Text("because"), AgentId.of("router"))).isEqualTo("fallback because");
    }

    @Test
    void eventHandlersOnlySeePublishedMessagesOnTheDeclaredSubscriptions() {
        BaseAgent.register(runtime, "router", Router.class, Router::new);
        runtime.start();

        runtime.publishMessage(new Text("a"), new TopicId("default", "default"));
        runtime.publishMessage(new Text("b"), new TopicId("shapes", "default"));
        runtime.publishMessage(new Text("c"), new TopicId("unrelated", "default"));
        runtime.stopWhenIdle();

        assertThat(runtime.tryGetUnderlyingAgentInstance(AgentId.of("router"), Router.class).calls)
                .containsExactlyInAnyOrder("event a on default", "event b on shapes");
    }

    @Test
    void registerAddsDeclaredAndDirectMessageSubscriptions() {
        BaseAgent.register(runtime, "router", Router.class, Router::new);

        assertThat(runtime.subscriptions()).hasSize(3);
        assertThat(runtime.subscriptions()).anySatisfy(s -> assertThat(s).isInstanceOf(DefaultSubscription.class));
        assertThat(runtime.subscriptions()).anySatisfy(s ->
                assertThat(s.isMatch(new TopicId("shapes", "x"))).isTrue());
        assertThat(runtime.subscriptions()).anySatisfy(s -> {
            assertThat(s).isInstanceOf(TypePrefixSubscription.class);
            assertThat(((TypePrefixSubscription) s).topicTypePrefix()).isEqualTo("router:");
        });
    }

    @Test
    void unhandledPublishedMessageIsIgnoredAndUnhandledDirectMessageFails() {
        BaseAgent.register(runtime, "router", Router.class, Router::new);
        runtime.start();

        runtime.publishMessage(42, DefaultTopicId.create());
        runtime.stopWhenIdle();
        runtime.start();
        assertThatThrownBy(() -> runtime.sendMessage(42, AgentId.of("router")))
                .isInstanceOf(CantHandleException.class)
                .hasMessageContaining("no handler for direct message of type java.lang.Integer");
    }

    static final class EventReturningValue extends RoutedAgent {
        EventReturningValue(AgentInstantiationContext ctx) {
            super(ctx, "bad");
        }

        @Event
        String onText(Text t) {
            return t.value();
        }
    }

    static final class TooManyParameters extends RoutedAgent {
        TooManyParameters(AgentInstantiationContext ctx) {
            super(ctx, "bad");
        }

        @MessageHandler
        void onText(Text t, String extra) {
        }
    }

    static final class MissingMatch extends RoutedAgent {
        MissingMatch(AgentInstantiationContext ctx) {
            super(ctx, "bad");
        }

        @Rpc(match = "nowhere")
        String onText(Text t) {
            return "";
        }
    }

    @Test
    void badHandlerSignaturesFailAtRegistrationNamingTheMethod() {
        assertThatThrownBy(() -> BaseAgent.register(runtime, "a", EventReturningValue.class, EventReturningValue::new))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EventReturningValue.onText")
                .hasMessageContaining("must return void");
        assertThatThrownBy(() -> BaseAgent.register(runtime, "b", TooManyParameters.class, TooManyParameters::new))
                .hasMessageContaining("TooManyParameters.onText")
                .hasMessageContaining("(MessageType message, MessageContext context)");
        assertThatThrownBy(() -> BaseAgent.register(runtime, "c", MissingMatch.class, MissingMatch::new))
                .hasMessageContaining("match method 'nowhere' not found");
    }

    static class Base extends RoutedAgent {
        Base(AgentInstantiationContext ctx) {
            super(ctx, "base");
        }

        @Rpc
        String onText(Text t) {
            return "base";
        }
    }

    static final class Derived extends Base {
        Derived(AgentInstantiationContext ctx) {
            super(ctx);
        }

        @Override
        @Rpc
        String onText(Text t) {
            return "derived";
        }

        @Rpc
        String onCircle(Circle c) {
            return "derived circle";
        }
    }

    @Test
    void subclassesInheritAndOverrideHandlers() {
        runtime.registerFactory("derived", Derived::new, Derived.class);
        runtime.start();

        assertThat(runtime.sendMessage(new Text("x"), AgentId.of("derived"))).isEqualTo("derived");
        assertThat(runtime.sendMessage(new Circle(1), AgentId.of("derived"))).isEqualTo("derived circle");
    }

    @Test
    void closureAgentUnknownTypePolicies() {
        ClosureAgent.builder("strict", Text.class, (ctx, t, mctx) -> t.value())
                .unknownTypePolicy(ClosureAgent.UnknownTypePolicy.ERROR).register(runtime);
        ClosureAgent.builder("lenient", Text.class, (ctx, t, mctx) -> t.value())
                .unknownTypePolicy(ClosureAgent.UnknownTypePolicy.IGNORE).register(runtime);
        runtime.start();

        assertThatThrownBy(() -> runtime.sendMessage(new Circle(1), AgentId.of("strict")))
                .isInstanceOf(CantHandleException.class)
                .hasMessageContaining("handles " + Text.class.getName());
        assertThat(runtime.sendMessage(new Circle(1), AgentId.of("lenient"))).isNull();
        assertThat(runtime.sendMessage(new Text("ok"), AgentId.of("lenient"))).isEqualTo("ok");
    }
}
