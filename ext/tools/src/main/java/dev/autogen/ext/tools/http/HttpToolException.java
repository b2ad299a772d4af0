package dev.autogen.ext.tools.http;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * An {@link HttpTool} call failed: the server could not be reached, took too long, answered with
 * a status outside 2xx, or did not answer JSON when JSON was expected. The message names the
 * method, the URL and the status; a workbench turns it into an error result for the model.
 */
public final class HttpToolException extends IOException {
    private static final long serialVersionUID = 1L;

    private final @Nullable Integer status;
    private final URI uri;

    /**
     * An exception.
     *
     * @param message what failed, naming method and URL
     * @param status the HTTP status, null when there was no response
     * @param uri the URL called
     */
    public HttpToolException(String message, @Nullable Integer status, URI uri) {
        super(message);
        this.status = status;
        this.uri = Objects.requireNonNull(uri, "uri");
    }

    /** The HTTP status of the response; empty when there was none (connection failure, timeout). */
    public OptionalInt status() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** The URL called. */
    public URI uri() {
        return uri;
    }
}
