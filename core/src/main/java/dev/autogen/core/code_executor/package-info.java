/**
 * Running code that agents write, the counterpart of {@code autogen_core.code_executor}. Start at
 * {@link dev.autogen.core.code_executor.CodeExecutor}; {@link dev.autogen.core.code_executor.CodeBlock}
 * is its input, {@link dev.autogen.core.code_executor.CodeResult} its output, and
 * {@link dev.autogen.core.code_executor.MarkdownCodeBlocks} pulls fenced blocks out of a model's reply.
 * Implementations live in extension modules (e.g. {@code autogen-ext-code-executors}).
 */
@NullMarked
package dev.autogen.core.code_executor;

import org.jspecify.annotations.NullMarked;
