package dev.autogen.cli;

import dev.autogen.core.component.ComponentRegistry;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.utils.Concurrency;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Start-up work that {@code autogen run} needs before its first line whatever the arguments are:
 * java.util.logging's level for Lucene, SLF4J's logger factory, the shared JSON mapper and the
 * registry of component providers. {@link #start} begins it on a second thread while picocli builds
 * and parses the command line on the main one (each is a few tens of milliseconds of cold class
 * loading); {@link #await} is where the run waits for it, before it touches any of them.
 */
final class Preload {
    /**
     * Lucene says through java.util.logging, at every start of a vector memory, that a faster vector API
     * exists behind a JVM flag; that is advice for the operator, not a problem of the run. Held here because
     * java.util.logging keeps loggers weakly.
     */
    private static @Nullable Logger luceneVectors;
    private static @Nullable CompletableFuture<Void> started;

    private Preload() {
    }

    /** Begins the work on a daemon thread; called once, by {@code main}, before the command line is read. */
    static void start() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        started = done;
        Concurrency.startDaemon("autogen-preload", () -> {
            try {
                run();
            } finally {
                done.complete(null);
            }
        });
    }

    /** Waits until the work begun by {@link #start} is done; returns at once when it was not begun. */
    static void await() {
        CompletableFuture<Void> done = started;
        if (done != null) {
            done.join();
        }
    }

    /** Lowers Lucene's vectorization notice to SEVERE (see {@link #luceneVectors}). */
    static void quietLucene() {
        Logger logger = Logger.getLogger("org.apache.lucene.internal.vectorization");
        logger.setLevel(Level.SEVERE);
        luceneVectors = logger;
    }

    private static void run() {
        quietLucene();
        try {
            LoggerFactory.getILoggerFactory();
            AutogenJson.mapper();
            ComponentRegistry.defaultRegistry();
        } catch (RuntimeException | LinkageError e) {
            // Only a head start: the run does each of these itself and reports a failure where it meets it.
        }
    }
}
