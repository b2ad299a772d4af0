package dev.autogen.agentchat.agents;

import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionInterceptor;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Model clients that misbehave as servers do, built as interceptors around a scripted client. */
public final class FaultyModels {
    private FaultyModels() {
    }

    /** {@code delegate}, except that its first call fails, as a flaky model server would. */
    public static ChatCompletionClient failingOnce(ChatCompletionClient delegate) {
        var failed = new AtomicBoolean();
        return delegate.withInterceptors(List.of(new ChatCompletionInterceptor() {
            @Override
            public CreateResult intercept(Chain chain) {
                if (failed.compareAndSet(false, true)) {
                    throw new IllegalStateException("model server unavailable (HTTP 503)");
                }
                return chain.proceed(chain.request());
            }
        }));
    }

    /** {@code delegate}, except that its call number {@code failing} (from 1) fails as a down server would. */
    public static ChatCompletionClient failingAtCall(int failing, ChatCompletionClient delegate) {
        var calls = new AtomicInteger();
        return delegate.withInterceptors(List.of(new ChatCompletionInterceptor() {
            @Override
            public CreateResult intercept(Chain chain) {
                if (calls.incrementAndGet() == failing) {
                    throw new IllegalStateException("model server unavailable (HTTP 503)");
                }
                return chain.proceed(chain.request());
            }
        }));
    }

    /** {@code delegate}, except that after its first call it hangs, until cancelled, while {@code hang} is set. */
    public static ChatCompletionClient hangingAfterFirstCall(AtomicBoolean hang, ChatCompletionClient delegate) {
        var calls = new AtomicInteger();
        return delegate.withInterceptors(List.of(new ChatCompletionInterceptor() {
            @Override
            public CreateResult intercept(Chain chain) {
                if (calls.incrementAndGet() > 1 && hang.get()) {
                    throw awaitCancellation();
                }
                return chain.proceed(chain.request());
            }
        }));
    }

    /** Waits until the calling thread is interrupted (its call cancelled); returns the exception to throw. */
    private static CancellationException awaitCancellation() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new CancellationException("model call cancelled");
    }

    /** A model that never answers until its call is cancelled (interrupted), like a hung server. */
    public static ChatCompletionClient blocking(CountDownLatch started) {
        return new ReplayChatCompletionClient(List.of(), ModelInfo.unknown()).withInterceptors(List.of(
                new ChatCompletionInterceptor() {
                    @Override
                    public CreateResult intercept(Chain chain) {
                        started.countDown();
                        throw awaitCancellation();
                    }
                }));
    }
}
