package dev.autogen.ext.documents;

/** A file in a format that cannot be shown as Markdown (binary, not a supported document type). */
public final class UnsupportedFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with {@code message}. */
    public UnsupportedFormatException(String message) {
        super(message);
    }
}
