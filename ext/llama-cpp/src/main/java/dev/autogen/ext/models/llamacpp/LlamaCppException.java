package dev.autogen.ext.models.llamacpp;

/** llama.cpp failed to load a model or to answer a request. */
public final class LlamaCppException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with its message and the binding's exception, if any. */
    public LlamaCppException(String message, Throwable cause) {
        super(message, cause);
    }
}
