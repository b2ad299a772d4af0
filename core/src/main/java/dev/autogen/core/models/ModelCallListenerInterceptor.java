package dev.autogen.core.models;

import dev.autogen.core.MessageHandlerContext;
import dev.autogen.core.RuntimeListener;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reports each model call to the listener of the run it happens in
 * ({@link MessageHandlerContext#currentListener()}): {@link RuntimeListener#modelCallStart} before,
 * {@link RuntimeListener#modelCallEnd} with the result or the failure (for a stream, when its result
 * is read, when it breaks, or when it is closed before its result). Outside a run it only passes
 * the call on. The HTTP model clients and the replay client install it by default; wrap any other
 * client with
 * {@code client.withInterceptors(List.of(ModelCallListenerInterceptor.instance()))}.
 */
public final class ModelCallListenerInterceptor implements ChatCompletionInterceptor {
    private static final ModelCallListenerInterceptor INSTANCE = new ModelCallListenerInterceptor();

    private ModelCallListenerInterceptor() {
    }

    /** The interceptor; it has no state. */
    public static ModelCallListenerInterceptor instance() {
        return INSTANCE;
    }

    @Override
    public CreateResult intercept(Chain chain) {
        RuntimeListener listener = MessageHandlerContext.currentListener();
        CreateRequest request = chain.request();
        if (listener == RuntimeListener.NONE) {
            return chain.proceed(request);
        }
        ModelCallTrace trace = chain.trace();
        CreateResult result = started(listener, request, trace, () -> chain.proceed(request));
        listener.modelCallEnd(request, trace, result, null);
        return result;
    }

    @Override
    public ChatCompletionStream interceptStream(Chain chain) {
        RuntimeListener listener = MessageHandlerContext.currentListener();
        CreateRequest request = chain.request();
        if (listener == RuntimeListener.NONE) {
            return chain.proceedStream(request);
        }
        ModelCallTrace trace = chain.trace();
        ChatCompletionStream stream = started(listener, request, trace, () -> chain.proceedStream(request));
        return reportingEnd(stream, (result, error) -> listener.modelCallEnd(request, trace, result, error));
    }

    /**
     * {@code stream}, reporting its end once: its result, the failure that broke it, or a
     * {@link CancellationException} when it is closed before its result.
     */
    private static ChatCompletionStream reportingEnd(ChatCompletionStream stream,
            BiConsumer<@Nullable CreateResult, @Nullable Throwable> end) {
        AtomicBoolean ended = new AtomicBoolean();
        BiConsumer<@Nullable CreateResult, @Nullable Throwable> once = (result, error) -> {
            if (ended.compareAndSet(false, true)) {
                end.accept(result, error);
            }
        };
        Iterator<CreateStreamItem> items = stream.iterator();
        return ChatCompletionStream.fromIterator(new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return items.hasNext();
                } catch (RuntimeException | Error e) {
                    once.accept(null, e);
                    throw e;
                }
            }

            @Override
            public CreateStreamItem next() {
                CreateStreamItem item;
                try {
                    item = items.next();
                } catch (RuntimeException | Error e) {
                    once.accept(null, e);
                    throw e;
                }
                if (item instanceof CreateResult result) {
                    once.accept(result, null);
                }
                return item;
            }
        }, () -> {
            stream.close();
            once.accept(null, new CancellationException("the stream was closed before its result"));
        });
    }

    /** Reports the start, makes the call, and reports its failure as the end. */
    private static <T> T started(RuntimeListener listener, CreateRequest request, ModelCallTrace trace,
            Supplier<T> call) {
        listener.modelCallStart(request, trace);
        try {
            return call.get();
        } catch (RuntimeException | Error e) {
            listener.modelCallEnd(request, trace, null, e);
            throw e;
        }
    }

    @Override
    public String toString() {
        return "ModelCallListenerInterceptor";
    }
}
