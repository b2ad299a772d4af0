package dev.autogen.core.models;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a client sent and received on the wire during one call, for interceptors that log it (such as
 * {@link LlmEventLoggingInterceptor}) and listeners that trace it: the provider and model called, the
 * request's messages in the provider's format and the raw response. A client that has no wire format
 * (a scripted replay) records only its provider and model, and readers fall
 * back to the {@link CreateRequest} and {@link CreateResult}. One trace belongs to one call;
 * thread-safe, since a streamed call records on its producer thread.
 */
public final class ModelCallTrace {
    private volatile @Nullable Object requestMessages;
    private volatile @Nullable Object response;
    private volatile @Nullable String provider;
    private volatile @Nullable String model;

    /**
     * Notes who is called: the provider as the OpenTelemetry GenAI conventions name it
     * ({@code openai}, {@code anthropic}, ...) and the model asked for, either null when unknown.
     */
    public void recordModel(@Nullable String provider, @Nullable String model) {
        this.provider = provider;
        this.model = model;
    }

    /** The provider called, if the client recorded it. */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /** The model asked for, if the client recorded it. */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

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
