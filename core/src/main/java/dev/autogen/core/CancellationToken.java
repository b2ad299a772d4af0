package dev.autogen.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels in-flight work: message handlers, model calls, tool calls, code execution, whole runs.
 * Pass one token to the calls that belong together and {@link #cancel()} it to stop them all;
 * cancelled work ends with a {@link CancellationException}, the counterpart of Python's
 * {@code asyncio.CancelledError}.
 *
 * <p>The runtime interrupts the thread of a handler whose token is cancelled, so blocking calls in
 * the handler return promptly. Long CPU-bound handlers should check {@link #isCancelled()}.
 *
 * <!-- java-context: String task; AgentRuntime runtime; AgentId worker; -->
 * <pre>{@code
 * var token = new CancellationToken();
 * var reply = runtime.sendMessageAsync(task, worker, null, token, null);
 * token.cancel();   // reply completes with CancellationException; the worker's handler is interrupted
 * }</pre>
 *
 * <p>Thread-safe. A token cannot be reset: once cancelled it stays cancelled.
 */
public final class CancellationToken {
    private static final Logger LOG = LoggerFactory.getLogger(CancellationToken.class);

    private final Object lock = new Object();
    /** Registered callbacks in registration order: a doubly linked list, so closing one is O(1). */
    private @Nullable Registration first;
    private @Nullable Registration last;
    private volatile boolean cancelled;

    /** Cancels the token and runs every registered callback once, in registration order. */
    public void cancel() {
        List<Registration> toRun;
        synchronized (lock) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = new ArrayList<>();
            for (Registration r = first; r != null; r = r.next) {
                toRun.add(r);
            }
            for (Registration r : toRun) {
                r.previous = null;
                r.next = null;
                r.linked = false;
            }
            first = null;
            last = null;
        }
        for (Registration r : toRun) {
            r.run();
        }
    }

    /** Whether {@link #cancel()} has been called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Throws if the token has been cancelled, for CPU-bound loops that check between steps.
     *
     * @throws CancellationException if cancelled
     */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }

    /**
     * Runs {@code callback} when the token is cancelled, or at once if it already is. Callbacks
     * must be fast and must not throw; a throwing callback is logged and the others still run.
     *
     * @return a registration whose {@code close()} removes the callback once the guarded work ends
     */
    public Registration onCancel(Runnable callback) {
        Registration registration = new Registration(this, callback);
        synchronized (lock) {
            if (!cancelled) {
                registration.previous = last;
                if (last == null) {
                    first = registration;
                } else {
                    last.next = registration;
                }
                last = registration;
                registration.linked = true;
                return registration;
            }
        }
        registration.run();
        return registration;
    }

    /** Cancels {@code future} when the token is cancelled; the link is removed when the future completes. */
    public void linkFuture(Future<?> future) {
        Registration registration = onCancel(() -> future.cancel(true));
        if (future instanceof java.util.concurrent.CompletableFuture<?> cf) {
            cf.whenComplete((r, e) -> registration.close());
        }
    }

    private void remove(Registration registration) {
        synchronized (lock) {
            if (!registration.linked) {
                return;
            }
            if (registration.previous == null) {
                first = registration.next;
            } else {
                registration.previous.next = registration.next;
            }
            if (registration.next == null) {
                last = registration.previous;
            } else {
                registration.next.previous = registration.previous;
            }
            registration.previous = null;
            registration.next = null;
            registration.linked = false;
        }
    }

    @Override
    public String toString() {
        return "CancellationToken[cancelled=" + cancelled + "]";
    }

    /** A registered callback; closing it unregisters the callback if it has not run. */
    public static final class Registration implements AutoCloseable {
        private final CancellationToken token;
        private final Runnable callback;
        /** Links in the token's list, guarded by the token's lock. */
        private @Nullable Registration previous;
        private @Nullable Registration next;
        private boolean linked;

        private Registration(CancellationToken token, Runnable callback) {
            this.token = token;
            this.callback = callback;
        }

        private void run() {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.warn("cancellation callback failed", e);
            }
        }

        @Override
        public void close() {
            token.remove(this);
        }
    }
}
