package dev.autogen.ext.documents;

/** A file that could not be turned into Markdown; the message names the file and the reason. */
public final class DocumentConversionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with {@code message}, caused by {@code cause}. */
    public DocumentConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
