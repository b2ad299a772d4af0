package dev.autogen.agentchat.agents;

import dev.autogen.core.CancellationToken;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a {@link UserProxyAgent} gets its human's reply: given a prompt, return what the user typed
 * (Python's {@code input_func}). Block until the user answers; the agent runs the function on its own
 * virtual thread and stops waiting as soon as the run is cancelled, interrupting the function.
 * {@link UserProxyAgent.InputRequestContext#requestId()} tells which
 * {@link dev.autogen.agentchat.messages.UserInputRequestedEvent} the call answers.
 *
 * <!-- java-context: import java.util.concurrent.BlockingQueue;
 *      import java.util.concurrent.LinkedBlockingQueue; -->
 * <pre>{@code
 * BlockingQueue<String> replies = new LinkedBlockingQueue<>();   // filled by a web socket handler
 * var user = new UserProxyAgent("user", (prompt, token) -> replies.take());
 * }</pre>
 */
@FunctionalInterface
public interface InputFunction {
    /**
     * Asks the user and returns the reply.
     *
     * @param prompt what to show the user, e.g. {@code "Enter your response: "}
     * @param cancellationToken cancelled when the run no longer wants the answer
     * @throws Exception anything; the agent reports it as a {@link UserInputException}, except an
     *     interruption after cancellation, which is a cancellation
     */
    String getInput(String prompt, CancellationToken cancellationToken) throws Exception;

    /** An input function that ignores the cancellation token, like Python's synchronous {@code input_func}. */
    static InputFunction of(Function<String, String> function) {
        return (prompt, token) -> function.apply(prompt);
    }

    /**
     * The default: prints the prompt to {@code System.out} and reads a line from {@code System.in}
     * (Python's {@code input()}). A read abandoned by a cancelled request is handed to the next request,
     * so no typed line is lost.
     */
    static InputFunction console() {
        return ConsoleInput.SYSTEM;
    }

    /**
     * The same over other streams: prints the prompt to {@code out} and reads a line from {@code in}
     * (a socket, a pipe, a test's scripted input). Share one such function among everything that reads
     * {@code in}, as it keeps the line it has read ahead.
     */
    static InputFunction console(InputStream in, PrintStream out) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        return new ConsoleInput(() -> in, () -> out);
    }
}
