package dev.autogen.agentchat.agents;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.utils.Concurrency;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Console input for {@link UserProxyAgent}. Reading a stream cannot be interrupted, so each line is
 * read on a daemon thread and the caller waits for it interruptibly; a read still pending when a
 * request was cancelled serves the next request.
 */
final class ConsoleInput implements InputFunction {
    /** The JVM's console: {@code System.in} and {@code System.out}, looked up when first used. */
    static final ConsoleInput SYSTEM = new ConsoleInput(() -> System.in, () -> System.out);

    private final Supplier<InputStream> in;
    private final Supplier<PrintStream> out;
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable BufferedReader reader;
    private @Nullable CompletableFuture<@Nullable String> pending;

    ConsoleInput(Supplier<InputStream> in, Supplier<PrintStream> out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public String getInput(String prompt, CancellationToken cancellationToken) throws Exception {
        PrintStream console = out.get();
        console.print(prompt);
        console.flush();
        CompletableFuture<@Nullable String> line = pendingRead();
        String value;
        try {
            value = line.get();
        } catch (ExecutionException e) {
            consumed(line);
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (cancellationToken.isCancelled() || Thread.currentThread().isInterrupted()) {
            // A late request that was given up (its line already read) must leave the line to the next one.
            throw new CancellationException("the request for input was cancelled; the line stays for the next request");
        }
        consumed(line);
        if (value == null) {
            throw new EOFException("end of standard input");
        }
        return value;
    }

    private CompletableFuture<@Nullable String> pendingRead() {
        lock.lock();
        try {
            if (pending == null) {
                if (reader == null) {
                    reader = new BufferedReader(new InputStreamReader(in.get(), Charset.defaultCharset()));
                }
                BufferedReader source = reader;
                CompletableFuture<@Nullable String> read = new CompletableFuture<>();
                Concurrency.startDaemon("autogen-console-input", () -> {
                    try {
                        read.complete(source.readLine());
                    } catch (IOException e) {
                        read.completeExceptionally(new UncheckedIOException("cannot read standard input", e));
                    }
                });
                pending = read;
            }
            return pending;
        } finally {
            lock.unlock();
        }
    }

    private void consumed(CompletableFuture<@Nullable String> line) {
        lock.lock();
        try {
            if (pending == line) {
                pending = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
