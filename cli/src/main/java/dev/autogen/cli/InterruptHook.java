package dev.autogen.cli;

import dev.autogen.core.utils.Concurrency;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Ctrl-C (or SIGTERM) during a run: cancels the run and gives the command a few seconds to finish
 * its way (write {@code --state-out}, print its message) before the JVM exits. Close it when the
 * command is done.
 */
final class InterruptHook implements AutoCloseable {
    private static final long GRACE_SECONDS = 10;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile @Nullable Runnable cancel;

    InterruptHook() {
        hook = Concurrency.addShutdownHook("autogen-interrupted", this::onSignal);
    }

    /** What cancels the run in progress. */
    void cancelWith(Runnable cancel) {
        this.cancel = cancel;
    }

    private void onSignal() {
        Runnable action = cancel;
        if (action != null) {
            action.run();
        }
        try {
            finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the command has finished
        }
    }
}
