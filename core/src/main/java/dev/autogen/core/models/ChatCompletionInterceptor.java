package dev.autogen.core.models;

/**
 * Code that runs around every call of a {@link ChatCompletionClient}, in the style of OkHttp's
 * interceptors: it sees the request, may change it, calls {@link Chain#proceed} (or
 * {@link Chain#proceedStream}) to let the rest of the chain and the model answer, and may change or
 * replace the answer. Not calling {@code proceed} short-circuits the call (a cache hit, a canned
 * answer, a refusal). Both methods pass the call on unchanged by default, so an interceptor overrides
 * only what it needs.
 *
 * <!-- java-context: import java.util.List; import org.slf4j.Logger; ChatCompletionClient model; Logger log; -->
 * <pre>{@code
 * ChatCompletionInterceptor timing = new ChatCompletionInterceptor() {
 *     public CreateResult intercept(Chain chain) {
 *         long start = System.nanoTime();
 *         try {
 *             return chain.proceed(chain.request());
 *         } finally {
 *             log.info("model call took {} ms", (System.nanoTime() - start) / 1_000_000);
 *         }
 *     }
 * };
 * ChatCompletionClient client = model.withInterceptors(List.of(timing));
 * }</pre>
 *
 * <p>Interceptors run in list order: the first one sees the request first and the answer last.
 * Implementations must be thread-safe; one instance serves concurrent calls.
 */
public interface ChatCompletionInterceptor {

    /** Intercepts {@link ChatCompletionClient#create(CreateRequest)}. */
    default CreateResult intercept(Chain chain) {
        return chain.proceed(chain.request());
    }

    /**
     * Intercepts {@link ChatCompletionClient#createStream(CreateRequest)}; use
     * {@link ChatCompletionStream#onEach} to observe the items as the reader pulls them.
     */
    default ChatCompletionStream interceptStream(Chain chain) {
        return chain.proceedStream(chain.request());
    }

    /** The rest of the chain, as seen by one interceptor during one call. */
    interface Chain {
        /** The request as the previous interceptor passed it on. */
        CreateRequest request();

        /** Passes {@code request} to the next interceptor, or to the client after the last one. */
        CreateResult proceed(CreateRequest request);

        /** The streaming counterpart of {@link #proceed(CreateRequest)}. */
        ChatCompletionStream proceedStream(CreateRequest request);

        /** What the client put on the wire for this call, as far as it reports it. */
        ModelCallTrace trace();
    }
}
