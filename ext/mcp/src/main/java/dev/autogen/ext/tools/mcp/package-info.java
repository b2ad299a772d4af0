/**
 * Tools served by Model Context Protocol (MCP) servers, as Python's {@code autogen_ext.tools.mcp}.
 * Start at {@link dev.autogen.ext.tools.mcp.McpWorkbench}: give it the parameters of a server
 * ({@link dev.autogen.ext.tools.mcp.StdioServerParams} for a local program,
 * {@link dev.autogen.ext.tools.mcp.StreamableHttpServerParams} or
 * {@link dev.autogen.ext.tools.mcp.SseServerParams} for a remote one) and it lists and calls the
 * server's tools over one long-lived session. {@link dev.autogen.ext.tools.mcp.McpServerTools}
 * turns a server's tools into plain {@link dev.autogen.core.tools.Tool}s instead. Built on the
 * official MCP Java SDK.
 */
@NullMarked
package dev.autogen.ext.tools.mcp;

import org.jspecify.annotations.NullMarked;
