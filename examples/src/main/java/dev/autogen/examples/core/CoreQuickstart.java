package dev.autogen.examples.core;

import dev.autogen.core.AgentId;
import dev.autogen.core.AgentInstantiationContext;
import dev.autogen.core.BaseAgent;
import dev.autogen.core.DefaultSubscribed;
import dev.autogen.core.DefaultTopicId;
import dev.autogen.core.MessageContext;
import dev.autogen.core.MessageHandler;
import dev.autogen.core.RoutedAgent;
import dev.autogen.core.SingleThreadedAgentRuntime;
import java.io.PrintStream;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * The Core quickstart of the AutoGen documentation: a Modifier and a Checker agent count down from
 * 10 by publishing messages to each other, until the Checker's condition stops them.
 *
 * <p>Run it with {@code ./autogen}, or call {@link #run(PrintStream)}.
 */
public final class CoreQuickstart {
    private static final String RULE = "-".repeat(80);

    private CoreQuickstart() {
    }

    /** The message the two agents pass: a number. */
    public record Message(int content) {
    }

    /** Modifies the number it receives and publishes the result. */
    @DefaultSubscribed
    public static final class Modifier extends RoutedAgent {
        private final IntUnaryOperator modifyVal;
        private final PrintStream out;

        Modifier(AgentInstantiationContext context, IntUnaryOperator modifyVal, PrintStream out) {
            super(context, "A modifier agent.");
            this.modifyVal = modifyVal;
            this.out = out;
        }

        @MessageHandler
        void handleMessage(Message message, MessageContext ctx) {
            int val = modifyVal.applyAsInt(message.content());
            out.printf("%s%nModifier:%n%nModified %d to %d%n%n", RULE, message.content(), val);
            publishMessage(new Message(val), DefaultTopicId.create());
        }
    }

    /** Publishes the number on while it passes the check, and stops the count once it fails. */
    @DefaultSubscribed
    public static final class Checker extends RoutedAgent {
        private final IntPredicate runUntil;
        private final PrintStream out;

        Checker(AgentInstantiationContext context, IntPredicate runUntil, PrintStream out) {
            super(context, "A checker agent.");
            this.runUntil = runUntil;
            this.out = out;
        }

        @MessageHandler
        void handleMessage(Message message, MessageContext ctx) {
            if (!runUntil.test(message.content())) {
                out.printf("%s%nChecker:%n%n%d passed the check, continue.%n%n", RULE, message.content());
                publishMessage(new Message(message.content()), DefaultTopicId.create());
            } else {
                out.printf("%s%nChecker:%n%n%d failed the check, stopping.%n%n", RULE, message.content());
            }
        }
    }

    /**
     * Registers both agents with a new local runtime, sends 10 to the Checker, and waits until the
     * agents stop.
     */
    public static void run(PrintStream out) {
        try (var runtime = new SingleThreadedAgentRuntime()) {
            BaseAgent.register(runtime, "modifier", Modifier.class, ctx -> new Modifier(ctx, x -> x - 1, out));
            BaseAgent.register(runtime, "checker", Checker.class, ctx -> new Checker(ctx, x -> x <= 1, out));
            runtime.start();
            runtime.sendMessage(new Message(10), new AgentId("checker", "default"));
            runtime.stopWhenIdle();
        }
        out.flush();
    }

    public static void main(String[] args) {
        run(System.out);
    }
}
