package dev.autogen.core.models;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a client sent and received on the wire during one call, for interceptors that log it (such as
 * {@link LlmEventLoggingInterceptor}): the request's messages in the provider's format and the raw
 * response. A client that has no wire format (a scripted replay) records nothing, and readers fall
 * back to the {@link CreateRequest} and {@link CreateResult}. One trace belongs to one call;
 * thread-safe, since a streamed call records on its producer thread.
 */
public final class ModelCallTrace {
    private volatile @Nullable Object requestMessages;
    private volatile @Nullable Object response;

    /** Notes the messages as sent to the API (JSON-like). */
    public void recordRequestMessages(Object messages) {
        this.requestMessages = messages;
    }

    /** Notes the API's raw response (JSON-like). */
    public void recordResponse(Object response) {
        this.response = response;
    }

    /** The messages as sent, if the client recorded them. */
    public Optional<Object> requestMessages() {
        return Optional.ofNullable(requestMessages);
    }

    /** The raw response, if the client recorded it. */
    public Optional<Object> response() {
        return Optional.ofNullable(response);
    }
}
