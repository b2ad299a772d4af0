package dev.autogen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code BaseAgent.sendMessage(message, recipient, Class)}: the reply typed, or an error naming both types. */
class TypedSendMessageTest {
    record Ping(int seq) {
    }

    record Pong(int seq) {
    }

    record Ask(int seq, boolean wrongType) {
    }

    static final class Echo extends RoutedAgent {
        Echo(AgentInstantiationContext ctx) {
            super(ctx, "Replies to pings.");
        }

        @Rpc
        Pong onPing(Ping ping) {
            return new Pong(ping.seq());
        }
    }

    static final class Asker extends RoutedAgent {
        Asker(AgentInstantiationContext ctx) {
            super(ctx, "Asks the echo agent.");
        }

        @Rpc
        String onAsk(Ask ask) {
            if (ask.wrongType()) {
                return sendMessage(new Ping(ask.seq()), AgentId.of("echo"), String.class);
            }
            Pong pong = sendMessage(new Ping(ask.seq()), AgentId.of("echo"), Pong.class);
            return "pong " + pong.seq();
        }
    }

    @Test
    void theReplyComesBackTypedOrTheErrorNamesBothTypes() {
        try (var runtime = new SingleThreadedAgentRuntime()) {
            BaseAgent.register(runtime, "echo", Echo.class, Echo::new);
            BaseAgent.register(runtime, "asker", Asker.class, Asker::new);
            runtime.start();

            assertThat(runtime.sendMessage(new Ask(7, false), AgentId.of("asker"), String.class)).isEqualTo("pong 7");
            assertThatThrownBy(() -> runtime.sendMessage(new Ask(8, true), AgentId.of("asker")))
                    .isInstanceOf(ClassCastException.class)
                    .hasMessageContaining(Pong.class.getName())
                    .hasMessageContaining("not a java.lang.String");
        }
    }
}
