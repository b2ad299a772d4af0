package dev.autogen.ext.agents.web_surfer;

/** A browser action the surfer could not carry out; the message says what and why, for the model and the user. */
public final class WebSurferException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with {@code message}. */
    public WebSurferException(String message) {
        super(message);
    }

    /** An error with {@code message}, caused by {@code cause}. */
    public WebSurferException(String message, Throwable cause) {
        super(message, cause);
    }
}
