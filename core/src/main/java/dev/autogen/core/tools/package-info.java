/**
 * Tools that models can call: the schema sent to the model ({@link dev.autogen.core.tools.ToolSchema}),
 * the {@link dev.autogen.core.tools.Tool} contract, typed tools ({@link dev.autogen.core.tools.BaseTool},
 * {@link dev.autogen.core.tools.FunctionTool} from {@link dev.autogen.core.tools.annotation.ToolFunction}-annotated
 * methods or lambdas) and the {@link dev.autogen.core.tools.Workbench} that runs them and turns every
 * failure into an error {@link dev.autogen.core.tools.ToolResult}. Mirrors Python's
 * {@code autogen_core.tools}.
 */
@NullMarked
package dev.autogen.core.tools;

import org.jspecify.annotations.NullMarked;
