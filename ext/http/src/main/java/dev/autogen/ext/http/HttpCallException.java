package dev.autogen.ext.http;

import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What {@link HttpErrorDecoder#DEFAULT} throws: an error answer ({@link #status()} above 0) or no
 * answer at all ({@link #status()} 0, with the {@link IOException} as the cause).
 */
public final class HttpCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final URI uri;
    private final int status;
    private final String body;

    /** An exception about {@code uri}. */
    public HttpCallException(String message, URI uri, int status, String body, @Nullable IOException cause) {
        super(message, cause);
        this.uri = uri;
        this.status = status;
        this.body = body;
    }

    /** Where the request went. */
    public URI uri() {
        return uri;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The start of the answer's body, empty when there was none. */
    public String body() {
        return body;
    }

    /** The cause when there was no answer: a timeout, a refused or lost connection. */
    @Override
    public synchronized @Nullable IOException getCause() {
        return (IOException) super.getCause();
    }
}
