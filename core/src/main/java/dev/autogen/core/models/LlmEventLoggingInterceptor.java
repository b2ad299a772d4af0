package dev.autogen.core.models;

import dev.autogen.core.logging.LLMCallEvent;
import dev.autogen.core.logging.LLMStreamEndEvent;
import dev.autogen.core.logging.LLMStreamStartEvent;
import dev.autogen.core.logging.LoggerNames;
import dev.autogen.core.serialization.AutogenJson;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the structured model-call events at INFO on {@link LoggerNames#EVENT_LOGGER_NAME}, as
 * Python's clients do: {@link LLMCallEvent} after a call, {@link LLMStreamStartEvent} with the first
 * item of a stream and {@link LLMStreamEndEvent} with its result. The messages and the response are
 * what the client recorded in the call's {@link ModelCallTrace} (the provider's wire format), else the
 * request's messages and the result as JSON. The HTTP model clients install it by default; this is
 * the one place these events are written.
 */
public final class LlmEventLoggingInterceptor implements ChatCompletionInterceptor {
    private static final Logger EVENTS = LoggerFactory.getLogger(LoggerNames.EVENT_LOGGER_NAME);
    private static final LlmEventLoggingInterceptor INSTANCE = new LlmEventLoggingInterceptor();

    private LlmEventLoggingInterceptor() {
    }

    /** The interceptor; it has no state. */
    public static LlmEventLoggingInterceptor instance() {
        return INSTANCE;
    }

    @Override
    public CreateResult intercept(Chain chain) {
        CreateResult result = chain.proceed(chain.request());
        if (EVENTS.isInfoEnabled()) {
            Object response = chain.trace().response().orElseGet(() -> AutogenJson.mapper().valueToTree(result));
            EVENTS.info("{}", new LLMCallEvent(messages(chain), response, result.usage().promptTokens(),
                    result.usage().completionTokens()));
        }
        return result;
    }

    @Override
    public ChatCompletionStream interceptStream(Chain chain) {
        var started = new AtomicBoolean();
        return chain.proceedStream(chain.request()).onEach(item -> {
            if (started.compareAndSet(false, true) && EVENTS.isInfoEnabled()) {
                EVENTS.info("{}", new LLMStreamStartEvent(messages(chain)));
            }
            if (item instanceof CreateResult result && EVENTS.isInfoEnabled()) {
                EVENTS.info("{}", new LLMStreamEndEvent(AutogenJson.mapper().valueToTree(result),
                        result.usage().promptTokens(), result.usage().completionTokens()));
            }
        });
    }

    private static Object messages(Chain chain) {
        return chain.trace().requestMessages()
                .orElseGet(() -> AutogenJson.mapper().valueToTree(chain.request().messages()));
    }

    @Override
    public String toString() {
        return "LlmEventLoggingInterceptor";
    }
}
