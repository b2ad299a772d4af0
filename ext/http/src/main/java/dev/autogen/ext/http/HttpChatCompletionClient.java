package dev.autogen.ext.http;

import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.RequestUsage;

/**
 * The base of the HTTP model clients: {@link #create}, {@link #createStream} and the usage counters
 * are those of the client's {@link ChatCompletionPipeline}; a subclass supplies the pipeline (with its
 * {@link ChatProtocol}) and the rest of {@link ChatCompletionClient} (token counting, model info,
 * the component config).
 */
public abstract class HttpChatCompletionClient implements ChatCompletionClient {

    /** For subclasses. */
    protected HttpChatCompletionClient() {
    }

    /** The pipeline this client's calls go through; the same instance on every call. */
    protected abstract ChatCompletionPipeline pipeline();

    /** One completion, through the pipeline's interceptors and transport. */
    @Override
    public CreateResult create(CreateRequest request) {
        return pipeline().create(request);
    }

    /** One streamed completion, through the pipeline's interceptors and transport. */
    @Override
    public ChatCompletionStream createStream(CreateRequest request) {
        return pipeline().createStream(request);
    }

    @Override
    public RequestUsage actualUsage() {
        return pipeline().actualUsage();
    }

    @Override
    public RequestUsage totalUsage() {
        return pipeline().totalUsage();
    }
}
