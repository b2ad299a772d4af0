package dev.autogen.ext.models.ollama;

/**
 * A call to the Ollama server failed: an error status (an unknown model, a bad request), an error
 * reported inside a stream, a timeout, no server listening, or a response that could not be read.
 * The message names the server, the model and what Ollama said.
 */
public final class OllamaApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;

    OllamaApiException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    OllamaApiException(String message, int statusCode) {
        super(message);
        this.statusCode = statusCode;
    }

    /** The HTTP status, or 0 when no response was received (timeout, connection failure). */
    public int statusCode() {
        return statusCode;
    }
}
