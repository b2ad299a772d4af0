package dev.autogen.ext.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.ModelCallTrace;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What one model provider adds to {@link ChatCompletionPipeline}: its request body, its HTTP request
 * (URL, headers), how it reads an answer and a stream. Sending, retries, cancellation, error
 * decoding ({@link HttpErrorDecoder}), usage accounting and interceptors are the pipeline's.
 * Each call is its JSON request body.
 */
public interface ChatProtocol {

    /**
     * Turns a request into its JSON body, on the caller's thread so that an invalid request fails there.
     *
     * @throws IllegalArgumentException if the request asks for something the model cannot do
     * @throws IllegalStateException if the client cannot make calls (closed, no credentials)
     */
    ObjectNode prepare(CreateRequest request, boolean stream);

    /**
     * The call's messages as sent to the API, for {@link ModelCallTrace} and the LLM events; by default
     * the body's {@code messages} field.
     */
    default Object wireMessages(ObjectNode body) {
        return body.path("messages");
    }

    /**
     * The provider as the OpenTelemetry GenAI conventions name it ({@code gen_ai.provider.name}:
     * {@code openai}, {@code azure.ai.openai}, {@code anthropic}, ...), recorded in each call's
     * {@link ModelCallTrace} with the body's {@code model}; null when unknown.
     */
    default @Nullable String providerName() {
        return null;
    }

    /** The HTTP request of one attempt; called again for each retry, so credentials may be refreshed. */
    HttpRequest httpRequest(ObjectNode body);

    /**
     * The longest wait for a whole non-streamed answer, headers and body, or null to rely on the
     * request's own timeout.
     */
    default @Nullable Duration responseWait() {
        return null;
    }

    /**
     * Reads a successful non-streamed answer; may record the raw response in {@code trace}.
     *
     * @throws RuntimeException the provider's exception when the answer cannot be read
     */
    CreateResult parse(ObjectNode body, HttpResponse<byte[]> response, ModelCallTrace trace);

    /** How the provider's streamed answers are framed; server-sent events unless overridden. */
    default StreamFraming framing() {
        return StreamFraming.SERVER_SENT_EVENTS;
    }

    /** A fresh reader of one streamed answer, handing the text chunks it completes to {@code emit}. */
    StreamDecoder streamDecoder(ObjectNode body, Consumer<CreateStreamItem> emit);

    /**
     * The provider's exception for a stream whose connection failed part-way, after some of it reached
     * the reader: an {@link IdleTimeoutException}, an {@link IncompleteStreamException} or another
     * {@link IOException}.
     */
    RuntimeException streamBroken(ObjectNode body, IOException cause);

    /** Reads the frames of one streamed answer. Used by one thread. */
    interface StreamDecoder {
        /** Reads one frame. */
        void accept(StreamFraming.Frame frame);

        /** Whether the answer is complete, so no further frame needs reading. */
        default boolean done() {
            return false;
        }

        /**
         * Whether the frames read so far make a whole answer, so that the body may end here. A body that
         * ends while this is false was cut off: the pipeline retries it like a dropped connection. By
         * default {@link #done()}; a provider whose answer may end without a last marker relaxes it.
         */
        default boolean complete() {
            return done();
        }

        /**
         * The final result once the body has ended; may emit last text chunks first.
         *
         * @throws RuntimeException the provider's exception when the stream ended incomplete
         */
        CreateResult finish();
    }
}
