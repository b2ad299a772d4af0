package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.BaseChatAgent;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.CancellationToken;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A custom agent from the Custom Agents tutorial: it counts down from a number, streaming each step
 * as an inner message, and answers "Done!". No model is involved.
 */
public final class CountDownAgentExample {
    private CountDownAgentExample() {
    }

    /** Streams {@code count}..., down to 1..., then answers "Done!". */
    public static final class CountDownAgent extends BaseChatAgent {
        private final int count;

        public CountDownAgent(String name, int count) {
            super(name, "A simple agent that counts down.");
            this.count = count;
        }

        public CountDownAgent(String name) {
            this(name, 3);
        }

        @Override
        public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
            return List.of(TextMessage.class);
        }

        /** The whole count down at once: the stream's events are simply not watched. */
        @Override
        public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken) {
            return onMessagesStream(messages, cancellationToken, message -> {
            });
        }

        /** Hands each step to {@code events} as it is counted, then answers. */
        @Override
        public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken,
                Consumer<? super BaseMessage> events) {
            List<BaseMessage> innerMessages = new ArrayList<>();
            for (int i = count; i > 0; i--) {
                cancellationToken.throwIfCancelled();
                var message = new TextMessage(i + "...", name());
                innerMessages.add(message);
                events.accept(message);
            }
            return new Response(new TextMessage("Done!", name()), innerMessages);
        }

        @Override
        public void onReset(CancellationToken cancellationToken) {
        }
    }

    /** Streams a count down from 3 to {@code out}. */
    public static Response run(PrintStream out) {
        var countdownAgent = new CountDownAgent("countdown");
        return Console.builder().output(out).build()
                .render(countdownAgent.onMessagesStream(List.of(), new CancellationToken()));
    }

    public static void main(String[] args) {
        run(System.out);
    }
}
