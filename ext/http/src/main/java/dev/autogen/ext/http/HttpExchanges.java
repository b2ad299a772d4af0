package dev.autogen.ext.http;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.utils.Concurrency;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** One HTTP exchange that a {@link CancellationToken} aborts. */
public final class HttpExchanges {
    private HttpExchanges() {
    }

    /**
     * Sends {@code request} and waits for the response headers (and, with a handler that reads the
     * whole body, the body), blocking the calling (virtual) thread.
     *
     * <!-- java-context: import java.io.InputStream; import dev.autogen.core.CancellationToken;
     *      import java.net.http.HttpResponse.BodyHandlers; CancellationToken token; HttpClient http;
     *      HttpRequest request; -->
     * <pre>{@code
     * HttpResponse<InputStream> r = HttpExchanges.send(http, request, BodyHandlers.ofInputStream(), token, null,
     *         "Ollama request");
     * }</pre>
     *
     * @param wait the longest wait for the response as a whole, or null for the request's own timeout only
     * @param what names the call in cancellation messages, e.g. {@code "Anthropic request"}
     * @throws IOException what the client failed with: {@link HttpTimeoutException} when the request
     *     or {@code wait} timed out, {@link java.net.ConnectException} when it could not connect, ...
     * @throws CancellationException if {@code token} was cancelled or the thread interrupted
     */
    public static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> handler,
            CancellationToken token, @Nullable Duration wait, String what) throws IOException {
        CompletableFuture<HttpResponse<T>> future = http.sendAsync(request, handler);
        try {
            return Concurrency.await(future, token, wait, "the " + what);
        } catch (CancellationException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            throw new CancellationException("the " + what + " was cancelled");
        } catch (TimeoutException e) {
            throw new HttpTimeoutException("no response within " + wait.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (token.isCancelled()) {
                throw new CancellationException("the " + what + " was cancelled");
            }
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(what + " failed: " + cause, cause);
        }
    }
}
