/**
 * Runs Python code through a {@link dev.autogen.core.code_executor.CodeExecutor} as a tool, the
 * counterpart of {@code autogen_ext.tools.code_execution}. Start at
 * {@link dev.autogen.ext.tools.code_execution.PythonCodeExecutionTool}.
 *
 * <p>The code comes from a model. Run it in an executor that isolates it (a container) unless
 * you trust every prompt that reaches the model.
 */
@NullMarked
package dev.autogen.ext.tools.code_execution;

import org.jspecify.annotations.NullMarked;
