/**
 * Python {@code FunctionTool}s from Python AutoGen and AutoGen Studio configs, run in a python3
 * process: the counterpart of {@code autogen_core.tools.FunctionTool}'s source-code configs. Start at
 * {@link dev.autogen.ext.tools.python.PythonFunctionTool}.
 *
 * <p>Such a tool runs code written in the config on this machine. Loaded from a config, it is built
 * only with the user's consent ({@link dev.autogen.core.component.ConsentPolicy}).
 */
@NullMarked
package dev.autogen.ext.tools.python;

import org.jspecify.annotations.NullMarked;
