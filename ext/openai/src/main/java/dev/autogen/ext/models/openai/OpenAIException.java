package dev.autogen.ext.models.openai;

/**
 * A model call through an OpenAI-compatible API failed: the server could not be reached, did not
 * answer in time ({@link OpenAITimeoutException}), answered with an HTTP error
 * ({@link OpenAIApiException}), or answered with something that is not the API's format. The
 * message names the URL and what went wrong.
 */
public class OpenAIException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OpenAIException(String message) {
        super(message);
    }

    public OpenAIException(String message, Throwable cause) {
        super(message, cause);
    }
}
