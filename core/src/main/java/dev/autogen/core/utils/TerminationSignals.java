package dev.autogen.core.utils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Waits for SIGTERM or SIGINT (Ctrl-C), as Python's {@code stop_when_signal} does, so a program can stop
 * its runtime in an orderly way and go on: while waiting, those signals are taken from the JVM's default
 * handling (which would run the shutdown hooks and exit), and given back afterwards.
 *
 * <!-- java-context: import dev.autogen.core.AgentRuntime; AgentRuntime runtime; -->
 * <pre>{@code
 * runtime.start();
 * TerminationSignals.await();   // or runtime.stopWhenSignal()
 * runtime.stop();
 * }</pre>
 *
 * Uses the JDK's {@code sun.misc.Signal} (module {@code jdk.unsupported}), the JVM's only way to handle a
 * signal without exiting.
 */
public final class TerminationSignals {
    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private TerminationSignals() {
    }

    /**
     * Blocks until the process receives SIGTERM or SIGINT, and returns the signal's name ({@code TERM}
     * or {@code INT}).
     *
     * @throws InterruptedException if the waiting thread is interrupted (the signals are given back)
     */
    public static String await() throws InterruptedException {
        return await(() -> {
        });
    }

    /**
     * As {@link #await()}, calling {@code waiting} once the signals are taken, e.g. to tell that the
     * service is ready: a signal from then on is received here.
     */
    public static String await(Runnable waiting) throws InterruptedException {
        CountDownLatch received = new CountDownLatch(1);
        String[] which = new String[1];
        List<Signal> installed = new ArrayList<>();
        List<SignalHandler> previous = new ArrayList<>();
        try {
            for (String name : SIGNALS) {
                Signal signal = new Signal(name);
                previous.add(Signal.handle(signal, s -> {
                    which[0] = s.getName();
                    received.countDown();
                }));
                installed.add(signal);
            }
            waiting.run();
            received.await();
            return which[0];
        } finally {
            for (int i = 0; i < installed.size(); i++) {
                Signal.handle(installed.get(i), previous.get(i));
            }
        }
    }
}
