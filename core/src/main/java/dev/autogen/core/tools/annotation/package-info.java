/**
 * Annotations that turn plain Java methods into tools: {@link dev.autogen.core.tools.annotation.ToolFunction}
 * on a method, {@link dev.autogen.core.tools.annotation.ToolParam} on its parameters (or on record
 * components of a tool's argument record). Read by {@link dev.autogen.core.tools.FunctionTool}.
 */
@NullMarked
package dev.autogen.core.tools.annotation;

import org.jspecify.annotations.NullMarked;
