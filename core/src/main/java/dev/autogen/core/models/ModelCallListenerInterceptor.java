package dev.autogen.core.models;

import dev.autogen.core.MessageHandlerContext;
import dev.autogen.core.RuntimeListener;
import java.util.function.Supplier;

/**
 * Reports each model call to the listener of the run it happens in
 * ({@link MessageHandlerContext#currentListener()}): {@link RuntimeListener#modelCallStart} before,
 * {@link RuntimeListener#modelCallEnd} with the result or the failure (for a stream, when its result
 * is read). Outside a run it only passes the call on. The HTTP model clients and the replay client
 * install it by default; wrap any other client with
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
        CreateResult result = started(listener, request, () -> chain.proceed(request));
        listener.modelCallEnd(request, result, null);
        return result;
    }

    @Override
    public ChatCompletionStream interceptStream(Chain chain) {
        RuntimeListener listener = MessageHandlerContext.currentListener();
        CreateRequest request = chain.request();
        if (listener == RuntimeListener.NONE) {
            return chain.proceedStream(request);
        }
        return started(listener, request, () -> chain.proceedStream(request)).onEach(item -> {
            if (item instanceof CreateResult result) {
                listener.modelCallEnd(request, result, null);
            }
        });
    }

    /** Reports the start, makes the call, and reports its failure as the end. */
    private static <T> T started(RuntimeListener listener, CreateRequest request, Supplier<T> call) {
        listener.modelCallStart(request);
        try {
            return call.get();
        } catch (RuntimeException | Error e) {
            listener.modelCallEnd(request, null, e);
            throw e;
        }
    }

    @Override
    public String toString() {
        return "ModelCallListenerInterceptor";
    }
}
