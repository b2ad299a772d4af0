package dev.autogen.core.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChatCompletionStreamTest {
    private static final CreateResult DONE = CreateResult.ofText("a b", RequestUsage.ZERO);

    @Test
    void producedItemsArriveInOrderEndingWithTheResult() {
        var token = new CancellationToken();
        try (var stream = ChatCompletionStream.produce(token, emit -> {
            emit.accept(new ChatCompletionChunk("a "));
            emit.accept(new ChatCompletionChunk("b"));
            emit.accept(DONE);
        })) {
            assertThat(stream.stream().toList())
                    .containsExactly(new ChatCompletionChunk("a "), new ChatCompletionChunk("b"), DONE);
            assertThat(stream.isFinished()).isTrue();
        }
        assertThat(token.isCancelled()).isFalse();
    }

    @Test
    void closingEarlyCancelsTheTokenAndStopsTheProducer() throws Exception {
        var token = new CancellationToken();
        var producerStopped = new CountDownLatch(1);
        var stream = ChatCompletionStream.produce(token, emit -> {
            try {
                for (int i = 0; ; i++) {
                    emit.accept(new ChatCompletionChunk("chunk " + i));
                }
            } finally {
                producerStopped.countDown();
            }
        });
        var it = stream.iterator();
        assertThat(it.next()).isEqualTo(new ChatCompletionChunk("chunk 0"));
        stream.close();
        assertThat(token.isCancelled()).isTrue();
        assertThat(producerStopped.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(it::hasNext).isInstanceOf(CancellationException.class);
    }

    @Test
    void producerFailureReachesTheReader() {
        var stream = ChatCompletionStream.produce(new CancellationToken(), emit -> {
            emit.accept(new ChatCompletionChunk("x"));
            throw new IllegalStateException("connection reset");
        });
        assertThatThrownBy(stream::result).isInstanceOf(IllegalStateException.class).hasMessage("connection reset");
    }

    @Test
    void sourceWithoutResultIsAnError() {
        var stream = ChatCompletionStream.fromIterator(List.of(new ChatCompletionChunk("x")).iterator(), () -> { });
        assertThatThrownBy(stream::result).hasMessageContaining("ended without a CreateResult");
    }

    @Test
    void thePullFormEndsWithTheResultAsTheLastItem() {
        var steps = new java.util.ArrayDeque<dev.autogen.core.utils.ResultStream.Step<CreateStreamItem, CreateResult>>(List.of(
                new dev.autogen.core.utils.ResultStream.Step.Item<>(new ChatCompletionChunk("a ")),
                new dev.autogen.core.utils.ResultStream.Step.Item<>(new ChatCompletionChunk("b")),
                new dev.autogen.core.utils.ResultStream.Step.Done<>(DONE)));
        var closes = new java.util.concurrent.atomic.AtomicInteger();
        try (var stream = ChatCompletionStream.pulling(steps::removeFirst, closes::incrementAndGet)) {
            assertThat(stream.stream().toList())
                    .containsExactly(new ChatCompletionChunk("a "), new ChatCompletionChunk("b"), DONE);
            assertThat(stream.isFinished()).isTrue();
            assertThat(stream.result()).isSameAs(DONE);
        }
        assertThat(closes).hasValue(0);
    }

    @Test
    void readingTheResultItemFinishesTheStreamSoClosingDoesNotCancel() {
        var token = new CancellationToken();
        var stream = ChatCompletionStream.fromIterator(List.of(new ChatCompletionChunk("x"), DONE).iterator(), token::cancel);
        var it = stream.iterator();
        it.next();
        assertThat(it.next()).isSameAs(DONE);
        assertThat(stream.isFinished()).isTrue();
        stream.close();
        assertThat(token.isCancelled()).isFalse();
        assertThat(stream.result()).isSameAs(DONE);
    }
}
