package dev.autogen.ext.models.openai;

/** A request got no answer within the client's {@code timeout}, on every attempt. */
public final class OpenAITimeoutException extends OpenAIException {
    private static final long serialVersionUID = 1L;

    public OpenAITimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
