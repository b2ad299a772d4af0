package dev.autogen.core.utils;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.MessageHandlerContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one place where AutoGen starts threads, turns a cancelled {@link CancellationToken} into an
 * interrupt of the running work, waits for a future under a token, and runs calls in parallel.
 * Support code for AutoGen's own modules, not part of the API: it may change without notice.
 *
 * <p>Conventions shared by every method: work runs on virtual threads; a cancelled token or an
 * interrupted waiting thread surfaces as {@link CancellationException}, and an interrupt of the
 * waiting thread keeps the thread's interrupt flag set. Waiting uses {@link ReentrantLock}-style
 * parking, never a monitor, so a waiting virtual thread does not pin its carrier.
 */
public final class Concurrency {
    private Concurrency() {
    }

    /**
     * An unstarted virtual thread named {@code name} that runs {@code task} for the same agent and run
     * as the calling thread ({@link MessageHandlerContext}), so work it hands off (a tool call, a
     * stream's producer) still reports to the run's listener.
     */
    public static Thread newThread(String name, Runnable task) {
        return Thread.ofVirtual().name(name).unstarted(inCurrentFrame(task));
    }

    /** Starts {@code task} on a new virtual thread named {@code name}, as {@link #newThread} makes it. */
    public static Thread startThread(String name, Runnable task) {
        return Thread.ofVirtual().name(name).start(inCurrentFrame(task));
    }

    private static Runnable inCurrentFrame(Runnable task) {
        MessageHandlerContext.Frame frame = MessageHandlerContext.current();
        if (frame == null) {
            return task;
        }
        return () -> {
            MessageHandlerContext.Frame previous = MessageHandlerContext.enter(frame);
            try {
                task.run();
            } finally {
                MessageHandlerContext.exit(previous);
            }
        };
    }

    private static final ThreadLocal<AfterDelivery> AFTER_DELIVERY = new ThreadLocal<>();

    /**
     * Offers {@code task} to the thread that is delivering the current message, to run there once the
     * delivery is over instead of on a thread of its own. Only a runtime's mailbox thread that
     * {@linkplain #acceptTaskAfterDelivery accepts} takes it, and only one task per delivery; the
     * runtime then hands the agent's next messages to another thread. The caller must not wait for the
     * task before its delivery ends: it would wait forever.
     *
     * @return whether the task was taken; if not, the caller runs it some other way
     */
    public static boolean runAfterDelivery(Runnable task) {
        AfterDelivery slot = AFTER_DELIVERY.get();
        if (slot == null || slot.task != null) {
            return false;
        }
        slot.task = inCurrentFrame(task);
        return true;
    }

    /**
     * For a runtime's mailbox thread: from now until {@link AfterDelivery#close()}, this thread takes
     * the tasks offered by {@link #runAfterDelivery}; after each delivery the runtime asks
     * {@link AfterDelivery#take()} whether one was offered, and if so gives up its mailbox and runs it.
     */
    public static AfterDelivery acceptTaskAfterDelivery() {
        var slot = new AfterDelivery();
        AFTER_DELIVERY.set(slot);
        return slot;
    }

    /** The task a delivery thread was offered; see {@link #acceptTaskAfterDelivery()}. */
    public static final class AfterDelivery {
        private @Nullable Runnable task;

        private AfterDelivery() {
        }

        /** The task offered during the last delivery, if any; the next delivery may be offered another. */
        public @Nullable Runnable take() {
            Runnable taken = task;
            task = null;
            return taken;
        }

        /** Stops taking tasks on this thread. */
        public void close() {
            AFTER_DELIVERY.remove();
        }
    }

    /** A factory of virtual threads named {@code prefix} followed by a counter from 0. */
    public static ThreadFactory threadFactory(String prefix) {
        return Thread.ofVirtual().name(prefix, 0).factory();
    }

    /** An executor that runs each task on a new virtual thread named {@code prefix} and a counter. */
    public static ExecutorService newThreadPerTaskExecutor(String prefix) {
        return Executors.newThreadPerTaskExecutor(threadFactory(prefix));
    }

    /**
     * Starts {@code task} on a new platform daemon thread named {@code name}: for blocking reads that
     * may never return (standard input, a child process's pipes), which must not keep the JVM alive.
     */
    public static Thread startDaemon(String name, Runnable task) {
        return Thread.ofPlatform().name(name).daemon().start(task);
    }

    /** A factory of platform daemon threads named {@code name}; see {@link #startDaemon}. */
    public static ThreadFactory daemonThreadFactory(String name) {
        return Thread.ofPlatform().name(name).daemon().factory();
    }

    /**
     * Registers {@code task} to run on a platform thread named {@code name} when the JVM shuts down.
     *
     * @return the hook, for {@link Runtime#removeShutdownHook(Thread)}
     */
    public static Thread addShutdownHook(String name, Runnable task) {
        Thread hook = Thread.ofPlatform().name(name).unstarted(task);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Runs {@code body} on a new virtual thread named {@code name}; the future completes with its outcome. */
    public static <T> CompletableFuture<T> supplyAsync(String name, Callable<T> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        startThread(name, () -> {
            try {
                result.complete(body.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /**
     * While the returned scope is open, cancelling {@code token} interrupts the current thread. Closing
     * the scope disarms it: no interrupt arrives after {@code close()} returns, and an interrupt the
     * scope delivered is cleared, while an interrupt from elsewhere stays set.
     *
     * <!-- java-context: import dev.autogen.core.CancellationToken; CancellationToken token;
     *      void blockingCall() throws InterruptedException {} -->
     * <pre>{@code
     * try (var scope = Concurrency.interruptOnCancel(token)) {
     *     blockingCall();   // interrupted when the token is cancelled
     * }
     * }</pre>
     */
    public static CancelScope interruptOnCancel(CancellationToken token) {
        Objects.requireNonNull(token, "token");
        var scope = new CancelScope(Thread.currentThread());
        scope.registration = token.onCancel(scope::interrupt);
        return scope;
    }

    /**
     * Runs {@code body} on this thread so that cancelling {@code token} interrupts it, and reports a
     * cancelled token as {@link CancellationException} however the body ended (the body's own
     * exception becomes the cause).
     *
     * @throws CancellationException if the token is cancelled before or during the call
     */
    public static <T> T callInterruptibly(CancellationToken token, Supplier<T> body) {
        token.throwIfCancelled();
        try (var scope = interruptOnCancel(token)) {
            T result = body.get();
            token.throwIfCancelled();
            return result;
        } catch (RuntimeException e) {
            if (token.isCancelled() && !(e instanceof CancellationException)) {
                var cancelled = new CancellationException("cancelled");
                cancelled.initCause(e);
                throw cancelled;
            }
            throw e;
        }
    }

    /**
     * Waits for {@code future}; cancelling {@code token} (if any) cancels the future with an interrupt.
     * The link to the token is removed when this method returns.
     *
     * @param what names the awaited work in the message of a {@link CancellationException}
     * @throws ExecutionException as {@link Future#get()} does, when the work failed
     * @throws CancellationException if the future was cancelled, or this thread was interrupted (the
     *         future is then cancelled too and the interrupt flag stays set)
     */
    public static <T> T await(Future<T> future, @Nullable CancellationToken token, String what) throws ExecutionException {
        try {
            return await(future, token, null, what);
        } catch (TimeoutException e) {
            throw new AssertionError("no timeout was given", e);
        }
    }

    /**
     * {@link #await(Future, CancellationToken, String)} with a time limit: when {@code timeout} (null
     * for none) passes first, the future is cancelled with an interrupt and {@link TimeoutException} is
     * thrown.
     */
    public static <T> T await(Future<T> future, @Nullable CancellationToken token, @Nullable Duration timeout, String what)
            throws ExecutionException, TimeoutException {
        Objects.requireNonNull(future, "future");
        CancellationToken.Registration registration = token == null ? null : token.onCancel(() -> future.cancel(true));
        try {
            return timeout == null ? future.get() : future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            var cancelled = new CancellationException("interrupted while waiting for " + what);
            cancelled.initCause(e);
            throw cancelled;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } finally {
            if (registration != null) {
                registration.close();
            }
        }
    }

    /**
     * Waits for {@code future} without a token, rethrowing its failure as it is: runtime exceptions and
     * errors unchanged, checked exceptions wrapped in {@link java.util.concurrent.CompletionException}.
     *
     * @throws CancellationException if the future was cancelled or this thread was interrupted
     */
    public static <T> T join(Future<T> future, String what) {
        try {
            return await(future, null, what);
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    /**
     * Runs {@code body} on a new virtual thread named {@code name} and waits for it; cancelling
     * {@code token} interrupts the body, and so does interrupting this thread.
     *
     * @throws ExecutionException wrapping the body's exception
     * @throws CancellationException if the token is cancelled or this thread interrupted
     */
    public static <T> T callOnNewThread(String name, @Nullable CancellationToken token, Callable<T> body)
            throws ExecutionException {
        if (token != null) {
            token.throwIfCancelled();
        }
        FutureTask<T> task = new FutureTask<>(body);
        startThread(name, task);
        return await(task, token, name);
    }

    /**
     * Runs {@code calls} in parallel, each on its own virtual thread named {@code prefix} and a
     * counter, and returns their results in the order of {@code calls}. Returns only once every call
     * has ended. When one fails, the others are interrupted and the first failure is thrown (not the
     * interruptions it caused); cancelling {@code token} or interrupting this thread interrupts them all.
     *
     * @throws ExecutionException wrapping the first failure
     * @throws CancellationException if the token is cancelled or this thread interrupted
     */
    public static <T> List<T> invokeAll(String prefix, List<? extends Callable<? extends T>> calls,
            @Nullable CancellationToken token) throws ExecutionException {
        if (token != null) {
            token.throwIfCancelled();
        }
        List<CompletableFuture<T>> futures = new ArrayList<>(calls.size());
        List<Thread> threads = new ArrayList<>(calls.size());
        for (Callable<? extends T> call : calls) {
            var future = new CompletableFuture<T>();
            futures.add(future);
            threads.add(newThread(prefix + threads.size(), () -> {
                try {
                    future.complete(call.call());
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                }
            }));
        }
        Runnable interruptAll = () -> threads.forEach(Thread::interrupt);
        var firstFailure = new java.util.concurrent.atomic.AtomicReference<@Nullable Throwable>();
        futures.forEach(f -> f.whenComplete((r, e) -> {
            if (e != null && firstFailure.compareAndSet(null, e)) {
                interruptAll.run();
            }
        }));
        CancellationToken.Registration registration = token == null ? null : token.onCancel(interruptAll);
        try {
            threads.forEach(Thread::start);
            boolean interrupted = false;
            for (Thread thread : threads) {
                while (true) {
                    try {
                        thread.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                        interruptAll.run();
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for " + prefix);
            }
        } finally {
            if (registration != null) {
                registration.close();
            }
        }
        if (token != null) {
            token.throwIfCancelled();
        }
        Throwable failure = firstFailure.get();
        if (failure instanceof CancellationException cancelled) {
            throw cancelled;
        }
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        return futures.stream().map(CompletableFuture::resultNow).toList();
    }

    /** The cause of {@code e} as an unchecked exception: itself if unchecked, else wrapped in CompletionException. */
    public static RuntimeException unwrap(ExecutionException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new java.util.concurrent.CompletionException(cause);
    }

    /**
     * Interrupts one thread when a token is cancelled, but only while open; see
     * {@link #interruptOnCancel(CancellationToken)}.
     */
    public static final class CancelScope implements AutoCloseable {
        private final ReentrantLock lock = new ReentrantLock();
        private final Thread thread;
        private CancellationToken.@Nullable Registration registration;
        private boolean armed = true;
        private boolean interrupted;

        private CancelScope(Thread thread) {
            this.thread = thread;
        }

        private void interrupt() {
            lock.lock();
            try {
                if (armed) {
                    interrupted = true;
                    thread.interrupt();
                }
            } finally {
                lock.unlock();
            }
        }

        /** Whether the token's cancellation interrupted the thread. */
        public boolean interrupted() {
            lock.lock();
            try {
                return interrupted;
            } finally {
                lock.unlock();
            }
        }

        /** Disarms the scope and clears the interrupt it delivered, if any. */
        @Override
        public void close() {
            boolean clear;
            lock.lock();
            try {
                armed = false;
                clear = interrupted;
            } finally {
                lock.unlock();
            }
            if (registration != null) {
                registration.close();
            }
            if (clear) {
                Thread.interrupted();
            }
        }
    }
}
