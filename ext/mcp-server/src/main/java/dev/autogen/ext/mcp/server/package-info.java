/**
 * Agents and teams served as MCP tools ({@link dev.autogen.ext.mcp.server.McpAgentServer}), over stdio
 * and Streamable HTTP, on the official MCP Java SDK: any MCP client (an {@code McpWorkbench}, an IDE, a
 * desktop assistant) gives a task and gets the final answer.
 */
@NullMarked
package dev.autogen.ext.mcp.server;

import org.jspecify.annotations.NullMarked;
