package dev.autogen.ext.http;

import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * An answer outside 2xx that {@link HttpTransport} gives up on, for an {@link HttpErrorDecoder} to
 * turn into the provider's exception.
 *
 * @param method the request method, e.g. {@code POST}
 * @param uri where the request went
 * @param status the HTTP status
 * @param headers the answer's headers
 * @param body the start of the answer's body as text (empty when unreadable)
 * @param attempts how many times the request was sent, 1 without retries
 */
public record HttpStatusError(String method, URI uri, int status, HttpHeaders headers, String body, int attempts) {
}
