package dev.autogen.agentchat.base;

import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.CancellationToken;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of {@link TaskRunner#run(RunOptions)}: the task, a cancellation token, and whether
 * the task messages are part of the output (Python's {@code task}, {@code cancellation_token},
 * {@code output_task_messages}).
 *
 * <!-- java-context: Team team; -->
 * <pre>{@code
 * var token = new CancellationToken();
 * TaskResult result = team.run(RunOptions.task("Write a poem.").withCancellationToken(token));
 * }</pre>
 *
 * @param task the task messages; empty continues a previous run without a new task
 * @param cancellationToken cancels the run; null for none
 * @param outputTaskMessages whether the task messages appear in the stream and the {@link TaskResult}
 */
public record RunOptions(List<BaseChatMessage> task, @Nullable CancellationToken cancellationToken,
        boolean outputTaskMessages) {
    public RunOptions {
        task = List.copyOf(task);
    }

    /** No task: continue where the last run stopped. */
    public static RunOptions none() {
        return new RunOptions(List.of(), null, true);
    }

    /** A text task, sent as a {@link TextMessage} from {@code "user"}. */
    public static RunOptions task(String task) {
        return task(new TextMessage(task, "user"));
    }

    /** A task given as chat messages. */
    public static RunOptions task(BaseChatMessage... task) {
        return new RunOptions(List.of(task), null, true);
    }

    /** A task given as chat messages. */
    public static RunOptions task(List<? extends BaseChatMessage> task) {
        return new RunOptions(List.copyOf(task), null, true);
    }

    /** These options with {@code token} as the cancellation token. */
    public RunOptions withCancellationToken(@Nullable CancellationToken token) {
        return new RunOptions(task, token, outputTaskMessages);
    }

    /** These options with the task messages left out of the output, or not. */
    public RunOptions withOutputTaskMessages(boolean output) {
        return new RunOptions(task, cancellationToken, output);
    }

    /** The cancellation token, or a new one. */
    public CancellationToken cancellationTokenOrNew() {
        return cancellationToken != null ? cancellationToken : new CancellationToken();
    }
}
