package dev.autogen.ext.tools.mcp;

/**
 * An MCP session could not be started or used: the server program could not be started, did not
 * answer in time, died, or refused a request. The message names the server and, for a server that
 * died, its exit code and last lines of stderr. {@link McpWorkbench#callTool} turns these into error
 * results instead of throwing.
 */
public class McpSessionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message that names the server and what went wrong. */
    public McpSessionException(String message) {
        super(message);
    }

    /** An exception with a message that names the server and what went wrong, and its cause. */
    public McpSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
