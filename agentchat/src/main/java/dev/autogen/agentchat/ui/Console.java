package dev.autogen.agentchat.ui;

import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.UserInputRequestedEvent;
import dev.autogen.core.models.RequestUsage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Prints a run as it happens, in the layout of Python's {@code autogen_agentchat.ui.Console}: a
 * {@code ---------- <source> ----------} header before each message, then its text; streamed tokens
 * inline as they arrive; and, with {@linkplain Builder#outputStats output stats}, each message's
 * token usage and a summary at the end. It reads a {@link MessageStream} to its end and returns the
 * stream's result: the {@link TaskResult} of {@code run}/{@code runStream}, or the {@link Response}
 * of {@code onMessagesStream}.
 *
 * <!-- java-context: import dev.autogen.agentchat.agents.AssistantAgent;
 *      import dev.autogen.core.CancellationToken; import java.io.Writer; import java.util.List;
 *      import dev.autogen.agentchat.messages.TextMessage; AssistantAgent agent; Writer writer;
 *      TextMessage message; -->
 * <pre>{@code
 * try (MessageStream<TaskResult> stream = agent.runStream("What is the weather in New York?")) {
 *     TaskResult result = Console.print(stream, true);
 * }
 *
 * Console console = Console.builder().output(writer).outputStats(true).build();
 * Response response = console.render(agent.onMessagesStream(List.of(message), new CancellationToken()));
 * }</pre>
 *
 * <p>What it prints, message by message:
 * <ul>
 *   <li>a {@link ModelClientStreamingChunkEvent} is printed without a newline, the header only before
 *       the first chunk of a streamed message; the full message that follows the chunks ends the line
 *       and is not printed again (its usage is);</li>
 *   <li>a {@link UserInputRequestedEvent} is not printed: it tells the {@link UserInputManager}, if
 *       any, that everything before the prompt is on screen;</li>
 *   <li>a final {@link TaskResult} prints {@code ---------- Summary ----------} with the number of
 *       messages, the finish reason ({@code None} when there is none, as Python writes), the total
 *       prompt and completion tokens and the duration; a final {@link Response} prints its chat
 *       message, then a summary with the number of inner messages instead.</li>
 * </ul>
 *
 * <p>Control characters in a message (an escape sequence in a task, a bare carriage return in a model's
 * reply) are shown escaped ({@link TerminalText}), so no message can redraw the terminal. Where Python's
 * Console would print a streamed reply twice (a {@link Response} after chunks), this
 * one prints it once. Lines end with {@code \n} on every platform. A Console holds no state between
 * runs; one can render several streams, one at a time or concurrently to different outputs.
 */
public final class Console {
    private static final String RULE = "-".repeat(10);
    private static final String BOLD = "\u001B[1m";
    private static final String DIM = "\u001B[2m";
    private static final String RESET = "\u001B[0m";

    private final Output out;
    private final boolean outputStats;
    private final boolean color;
    private final InstantSource clock;
    private final @Nullable UserInputManager userInputManager;

    private Console(Builder b) {
        this.out = b.out;
        this.outputStats = b.outputStats;
        this.color = b.color;
        this.clock = b.clock;
        this.userInputManager = b.userInputManager;
    }

    /** Starts building a Console; by default it prints plain text to {@code System.out} without stats. */
    public static Builder builder() {
        return new Builder();
    }

    /** Prints {@code stream} to {@code System.out} without stats and returns its result. */
    public static <R> R print(MessageStream<R> stream) {
        return builder().build().render(stream);
    }

    /** Prints {@code stream} to {@code System.out}, with token usage and a summary if {@code outputStats}. */
    public static <R> R print(MessageStream<R> stream, boolean outputStats) {
        return builder().outputStats(outputStats).build().render(stream);
    }

    /**
     * Prints every message of {@code stream} as it arrives, then the summary if stats are on, and
     * returns the result. The stream is closed when this returns or throws (which cancels the run if
     * it had not finished).
     *
     * @throws IllegalArgumentException if the stream's result is neither a TaskResult nor a Response
     * @throws UncheckedIOException if the output is a {@link Writer} that fails
     * @throws java.util.concurrent.CancellationException if the run was cancelled; any failure of the
     *     run is rethrown as it was thrown
     */
    public <R> R render(MessageStream<R> stream) {
        Objects.requireNonNull(stream, "stream");
        Run run = new Run(clock.instant());
        try (stream) {
            for (BaseMessage message : stream) {
                run.message(message);
            }
            R result = stream.result();
            switch (result) {
                case TaskResult taskResult -> run.taskResult(taskResult);
                case Response response -> run.response(response);
                default -> throw new IllegalArgumentException("Console renders streams that end in a TaskResult "
                        + "or a Response, not a " + result.getClass().getName());
            }
            return result;
        } finally {
            run.endStreamedLine();
        }
    }

    /** Whether token usage and summaries are printed. */
    public boolean outputStats() {
        return outputStats;
    }

    /** The state of one rendered stream. */
    private final class Run {
        private final Instant start;
        private long promptTokens;
        private long completionTokens;
        /** A streamed message is being printed and its line is still open. */
        private boolean streaming;
        /** The id of the message whose chunks are open, null if the chunks did not say. */
        private @Nullable String streamingId;
        /** The id of the last streamed message, until that message arrives. */
        private @Nullable String streamedId;

        Run(Instant start) {
            this.start = start;
        }

        void message(BaseMessage message) {
            switch (message) {
                case UserInputRequestedEvent event -> {
                    if (userInputManager != null) {
                        userInputManager.notifyEventReceived(event.requestId());
                    }
                }
                case ModelClientStreamingChunkEvent chunk -> chunk(chunk);
                default -> {
                    if (!alreadyStreamed(message)) {
                        write(header(message.source()) + TerminalText.escapeControls(message.toText()) + "\n");
                    }
                    usage(message.modelsUsage());
                }
            }
        }

        private void chunk(ModelClientStreamingChunkEvent chunk) {
            if (streaming && chunk.fullMessageId() != null && streamingId != null
                    && !chunk.fullMessageId().equals(streamingId)) {
                endStreamedLine();
            }
            if (!streaming) {
                write(header(chunk.source()));
                streaming = true;
                streamingId = chunk.fullMessageId();
            }
            write(TerminalText.escapeControls(chunk.content()));
        }

        /**
         * Ends an open streamed line; answers whether {@code message} is the message just streamed (so
         * its text is on screen). Chunks without a message id stand for the next message, as in Python.
         */
        private boolean alreadyStreamed(BaseMessage message) {
            if (streaming) {
                boolean idKnown = streamingId != null;
                endStreamedLine();
                if (!idKnown) {
                    return true;
                }
            }
            if (streamedId != null && streamedId.equals(message.id())) {
                streamedId = null;
                return true;
            }
            return false;
        }

        void endStreamedLine() {
            if (streaming) {
                write("\n");
                streaming = false;
                streamedId = streamingId;
                streamingId = null;
            }
        }

        private void usage(@Nullable RequestUsage usage) {
            if (usage == null) {
                return;
            }
            if (outputStats) {
                write(dim("[Prompt tokens: " + usage.promptTokens() + ", Completion tokens: "
                        + usage.completionTokens() + "]") + "\n");
            }
            promptTokens += usage.promptTokens();
            completionTokens += usage.completionTokens();
        }

        void taskResult(TaskResult result) {
            Duration duration = Duration.between(start, clock.instant());
            if (outputStats) {
                write(header("Summary")
                        + "Number of messages: " + result.messages().size() + "\n"
                        + "Finish reason: " + (result.stopReason() == null ? "None" : result.stopReason()) + "\n"
                        + totals(duration));
            }
        }

        void response(Response response) {
            Duration duration = Duration.between(start, clock.instant());
            message(response.chatMessage());
            if (outputStats) {
                write(header("Summary")
                        + "Number of inner messages: " + response.innerMessages().size() + "\n"
                        + totals(duration));
            }
        }

        private String totals(Duration duration) {
            return "Total prompt tokens: " + promptTokens + "\n"
                    + "Total completion tokens: " + completionTokens + "\n"
                    + "Duration: " + String.format(Locale.ROOT, "%.2f", duration.toNanos() / 1e9) + " seconds\n";
        }
    }

    private String header(String title) {
        String line = RULE + " " + TerminalText.escapeControls(title) + " " + RULE;
        return (color ? BOLD + line + RESET : line) + "\n";
    }

    private String dim(String text) {
        return color ? DIM + text + RESET : text;
    }

    private void write(String text) {
        out.write(text);
    }

    /** Where the Console writes. */
    private interface Output {
        void write(String text);
    }

    /** Builds a {@link Console}. */
    public static final class Builder {
        private Output out = text -> {
            System.out.print(text);
            System.out.flush();
        };
        private boolean outputStats;
        private boolean color;
        private InstantSource clock = InstantSource.system();
        private @Nullable UserInputManager userInputManager;

        private Builder() {
        }

        /** Prints to {@code stream} (flushed after each write); {@code System.out} by default. */
        public Builder output(PrintStream stream) {
            Objects.requireNonNull(stream, "stream");
            this.out = text -> {
                stream.print(text);
                stream.flush();
            };
            return this;
        }

        /** Prints to {@code writer} (flushed after each write). */
        public Builder output(Writer writer) {
            Objects.requireNonNull(writer, "writer");
            this.out = text -> {
                try {
                    writer.write(text);
                    writer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("Console could not write to its output", e);
                }
            };
            return this;
        }

        /**
         * (Experimental in Python too) Prints each message's token usage and a summary at the end:
         * message count, finish reason, total tokens and duration. Off by default.
         */
        public Builder outputStats(boolean enabled) {
            this.outputStats = enabled;
            return this;
        }

        /** Makes headers bold and stats dim with ANSI escapes, for terminals. Off (plain text) by default. */
        public Builder color(boolean enabled) {
            this.color = enabled;
            return this;
        }

        /** Measures the duration in the summary; the system clock by default. Tests pass a fixed one. */
        public Builder clock(InstantSource newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /**
         * Told of each {@link UserInputRequestedEvent}, so a user proxy asks for input only once
         * everything before the request is printed. None by default.
         */
        public Builder userInputManager(@Nullable UserInputManager manager) {
            this.userInputManager = manager;
            return this;
        }

        /** Builds the Console. */
        public Console build() {
            return new Console(this);
        }
    }
}
