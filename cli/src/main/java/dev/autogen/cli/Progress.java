package dev.autogen.cli;

import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.UserInputRequestedEvent;
import dev.autogen.core.utils.Concurrency;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A one-line progress display on stderr for a run: a spinner, how many messages have arrived, who
 * sent the last one and the time taken, redrawn in place. It never writes to stdout, so
 * {@code --output json} stays one JSON object, and when stdout and stderr share a terminal it keeps
 * off the transcript: it clears its line before the transcript prints and draws only when the
 * transcript is at the start of a line and has been quiet for a moment.
 */
final class Progress implements AutoCloseable {
    private static final char[] FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏".toCharArray();
    private static final long TICK_MILLIS = 120;
    private static final long QUIET_NANOS = Duration.ofMillis(400).toNanos();

    private final PrintWriter terminal;
    private final LongSupplier nanoTime;
    private final long started;
    private final ScheduledExecutorService ticker;
    private int frame;
    private int messages;
    private String lastSource = "";
    private boolean drawn;
    private boolean transcriptAtLineStart = true;
    private long transcriptWrittenAt;
    private boolean waitingForUser;
    private int hidden;
    private boolean closed;

    private Progress(PrintWriter terminal, LongSupplier nanoTime) {
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.transcriptWrittenAt = started - QUIET_NANOS;
        this.ticker = Executors.newSingleThreadScheduledExecutor(Concurrency.daemonThreadFactory("autogen-progress"));
    }

    /** Starts drawing on {@code terminal} (stderr), now and every tick. */
    static Progress start(PrintWriter terminal) {
        Progress progress = new Progress(terminal, System::nanoTime);
        progress.draw();
        progress.ticker.scheduleAtFixedRate(progress::draw, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return progress;
    }

    /**
     * Counts a message of the run (streamed chunks are not messages). A request for user input hides
     * the line until the next message, so it does not overwrite the prompt.
     */
    synchronized void onMessage(BaseMessage message) {
        waitingForUser = message instanceof UserInputRequestedEvent;
        if (waitingForUser) {
            clear();
            return;
        }
        if (!(message instanceof ModelClientStreamingChunkEvent)) {
            messages++;
            lastSource = message.source();
        }
        draw();
    }

    /** A part of the run during which the line is hidden; closing it ends that part. */
    interface Hidden extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Hides the line of {@code progress} (if any) until the result is closed, e.g. while a question waits
     * for the user's answer on the terminal.
     */
    static Hidden hiding(@Nullable Progress progress) {
        if (progress == null) {
            return () -> { };
        }
        progress.hide(1);
        return () -> progress.hide(-1);
    }

    private synchronized void hide(int change) {
        hidden += change;
        clear();
    }

    /**
     * {@code transcript} (stdout) wrapped so that the progress line is cleared before anything is
     * printed on it, and not drawn while a line of it is half written.
     */
    Writer guard(Writer transcript) {
        return new FilterWriter(transcript) {
            @Override
            public void write(int c) throws IOException {
                beforeTranscript(c == '\n');
                super.write(c);
            }

            @Override
            public void write(char[] text, int offset, int length) throws IOException {
                beforeTranscript(length > 0 && text[offset + length - 1] == '\n');
                super.write(text, offset, length);
            }

            @Override
            public void write(String text, int offset, int length) throws IOException {
                beforeTranscript(length > 0 && text.charAt(offset + length - 1) == '\n');
                super.write(text, offset, length);
            }
        };
    }

    private synchronized void beforeTranscript(boolean endsLine) {
        clear();
        transcriptAtLineStart = endsLine;
        transcriptWrittenAt = nanoTime.getAsLong();
    }

    private synchronized void draw() {
        if (closed || waitingForUser || hidden > 0 || !transcriptAtLineStart || nanoTime.getAsLong() - transcriptWrittenAt < QUIET_NANOS) {
            return;
        }
        frame = (frame + 1) % FRAMES.length;
        double seconds = (nanoTime.getAsLong() - started) / 1e9;
        String line = FRAMES[frame] + " running: " + messages + (messages == 1 ? " message" : " messages")
                + (lastSource.isEmpty() ? "" : ", last from " + lastSource)
                + String.format(Locale.ROOT, ", %.1f s", seconds);
        terminal.print("\r\033[K" + line);
        terminal.flush();
        drawn = true;
    }

    private void clear() {
        if (drawn) {
            terminal.print("\r\033[K");
            terminal.flush();
            drawn = false;
        }
    }

    /** Stops drawing and clears the line. */
    @Override
    public synchronized void close() {
        closed = true;
        ticker.shutdownNow();
        clear();
    }
}
