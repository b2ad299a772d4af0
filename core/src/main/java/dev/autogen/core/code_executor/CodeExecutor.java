package dev.autogen.core.code_executor;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentBase;
import dev.autogen.core.utils.Concurrency;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Runs code blocks and reports what happened, the counterpart of Python's {@code CodeExecutor}.
 * An executor holds resources (a working directory, a container, a kernel): {@link #start()} before
 * use and {@link #stop()} (or {@link #close()}, e.g. with try-with-resources) when done.
 *
 * <!-- java-context: import dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor; -->
 * <pre>{@code
 * try (CodeExecutor executor = LocalCommandLineCodeExecutor.builder().build()) {
 *     executor.start();
 *     CodeResult result = executor.executeCodeBlocks(
 *             List.of(new CodeBlock("print('hi')", "python")), new CancellationToken());
 *     System.out.println(result.exitCode() + ": " + result.output());
 * }
 * }</pre>
 *
 * <p>{@link #executeCodeBlocks} blocks the calling thread; run it on a virtual thread, or use
 * {@link #executeCodeBlocksAsync}. Executors are components ({@code component_type}
 * {@code code_executor}): implement {@link dev.autogen.core.component.Component} to make yours
 * dumpable and loadable.
 */
public interface CodeExecutor extends ComponentBase, AutoCloseable {
    /**
     * Runs the blocks in order, stopping at the first that fails.
     *
     * @param codeBlocks the blocks to run
     * @param cancellationToken cancels the run; whatever the executor started is stopped
     * @return the exit code of the last block run and the output of all blocks run
     * @throws IllegalArgumentException for bad input the executor cannot run at all
     * @throws CancellationException if the token is cancelled or the thread interrupted during the run
     */
    CodeResult executeCodeBlocks(List<CodeBlock> codeBlocks, CancellationToken cancellationToken);

    /**
     * Runs {@link #executeCodeBlocks} on a new virtual thread. Cancelling the returned future does
     * not stop the run; cancel the token for that.
     */
    default CompletableFuture<CodeResult> executeCodeBlocksAsync(
            List<CodeBlock> codeBlocks, CancellationToken cancellationToken) {
        return Concurrency.supplyAsync("autogen-code-executor", () -> executeCodeBlocks(codeBlocks, cancellationToken));
    }

    /** Acquires the executor's resources; call before the first run. */
    void start();

    /** Releases the executor's resources. Calling it again, or before {@link #start()}, does nothing. */
    void stop();

    /** Restarts the executor, e.g. when the agent that owns it is reset. */
    void restart();

    /** Same as {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }
}
