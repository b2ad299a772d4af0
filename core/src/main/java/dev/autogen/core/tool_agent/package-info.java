/**
 * Running a model's tool calls through the agent runtime, as Python's {@code autogen_core.tool_agent}:
 * a {@link dev.autogen.core.tool_agent.ToolAgent} executes {@link dev.autogen.core.FunctionCall}s sent
 * to it, and {@link dev.autogen.core.tool_agent.ToolAgentCallerLoop} alternates model calls and tool
 * calls until the model answers with text.
 */
@NullMarked
package dev.autogen.core.tool_agent;

import org.jspecify.annotations.NullMarked;
