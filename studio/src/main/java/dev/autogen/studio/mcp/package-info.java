/**
 * The MCP playground of the Studio ({@code /api/mcp}): a browser talks to an MCP server through the
 * Studio over a WebSocket, as in Python's Studio; see {@link dev.autogen.studio.mcp.McpSocket}.
 */
@NullMarked
package dev.autogen.studio.mcp;

import org.jspecify.annotations.NullMarked;
