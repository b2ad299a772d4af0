package dev.autogen.ext.http;

import java.io.IOException;
import java.net.URI;

/**
 * Turns a failed exchange into the exception a caller of one provider expects (e.g.
 * {@code OpenAIApiException}, {@code AnthropicApiException}); each provider supplies one to its
 * {@link HttpTransport}. Called once per call, after the retries.
 */
public interface HttpErrorDecoder {
    /** The default: {@link HttpCallException} for both kinds of failure. */
    HttpErrorDecoder DEFAULT = new HttpErrorDecoder() {
        @Override
        public RuntimeException status(HttpStatusError error) {
            return new HttpCallException(error.method() + " " + error.uri() + " failed with HTTP status "
                    + error.status(), error.uri(), error.status(), error.body(), null);
        }

        @Override
        public RuntimeException failure(URI uri, IOException cause, int attempts) {
            String reason = cause.getMessage() == null || cause.getMessage().isBlank()
                    ? cause.getClass().getSimpleName() : cause.getMessage();
            return new HttpCallException(uri + " failed: " + reason, uri, 0, "", cause);
        }
    };

    /** The exception for an error answer. */
    RuntimeException status(HttpStatusError error);

    /**
     * The exception for an exchange that got no answer: a {@link java.net.http.HttpTimeoutException},
     * a {@link java.net.ConnectException}, a connection lost.
     *
     * @param attempts how many times the request was sent
     */
    RuntimeException failure(URI uri, IOException cause, int attempts);
}
