package dev.autogen.agentchat.agents;

import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;

/** Delegates to another client but fails the first call, as a flaky model server would. */
public final class FailingOnceClient extends DelegatingClient {
    private boolean failed;

    public FailingOnceClient(ChatCompletionClient delegate) {
        super(delegate);
    }

    @Override
    public CreateResult create(CreateRequest request) {
        if (!failed) {
            failed = true;
            throw new IllegalStateException("model server unavailable (HTTP 503)");
        }
        return super.create(request);
    }
}
