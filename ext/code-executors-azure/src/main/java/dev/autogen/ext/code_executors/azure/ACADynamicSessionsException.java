package dev.autogen.ext.code_executors.azure;

/**
 * A request to an Azure Container Apps session pool that failed: an error answer (its status and
 * the service's message), a timeout or a connection error. The message names the request's URL.
 */
public final class ACADynamicSessionsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    ACADynamicSessionsException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    ACADynamicSessionsException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of the error answer, or 0 when there was none. */
    public int status() {
        return status;
    }
}
