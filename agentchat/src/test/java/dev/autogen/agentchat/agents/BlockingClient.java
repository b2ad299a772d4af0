package dev.autogen.agentchat.agents;

import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;

/** A model that never answers until its call is cancelled (interrupted), like a hung server. */
public final class BlockingClient extends DelegatingClient {
    private final CountDownLatch started;

    public BlockingClient(CountDownLatch started) {
        super(new ReplayChatCompletionClient(List.of(), ModelInfo.unknown()));
        this.started = started;
    }

    @Override
    public CreateResult create(CreateRequest request) {
        started.countDown();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new CancellationException("model call cancelled");
    }
}
