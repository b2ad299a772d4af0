package dev.autogen.ext.agents.web_surfer;

import dev.autogen.core.CancellationToken;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread that talks to Playwright: Playwright for Java is not thread-safe and delivers its
 * events on the thread that calls it, so every browser call of one surfer runs here, in order.
 */
final class BrowserThread implements AutoCloseable {
    private final ExecutorService executor;

    BrowserThread(String name) {
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "autogen-web-surfer-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code work} on the browser thread and waits for it.
     *
     * @throws CancellationException if {@code token} is cancelled or the caller is interrupted
     */
    <T> T call(Callable<T> work, CancellationToken token) {
        Future<T> future = executor.submit(work);
        token.linkFuture(future);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("web surfing was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
