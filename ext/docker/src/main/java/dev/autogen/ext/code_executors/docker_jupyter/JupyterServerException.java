package dev.autogen.ext.code_executors.docker_jupyter;

/**
 * A request to a Jupyter server failed: it could not be reached, answered with an HTTP error (the
 * message has the status, the URL and the start of the server's answer), or its kernel channel
 * closed.
 */
public final class JupyterServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public JupyterServerException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public JupyterServerException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of the server's answer, or 0 when there was none. */
    public int status() {
        return status;
    }
}
