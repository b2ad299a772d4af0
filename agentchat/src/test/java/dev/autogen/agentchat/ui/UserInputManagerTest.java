package dev.autogen.agentchat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.CancellationToken;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class UserInputManagerTest {
    @Test
    void asksForInputOnlyAfterTheConsoleHasSeenTheRequest() throws Exception {
        List<String> events = new ArrayList<>();
        var manager = new UserInputManager((prompt, token) -> {
            synchronized (events) {
                events.add("asked: " + prompt);
            }
            return "yes";
        });
        var started = new CompletableFuture<Void>();
        var answer = new CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            started.complete(null);
            answer.complete(manager.requestInput("r1", "Continue?", null));
        });
        started.get();
        synchronized (events) {
            events.add("console printed the request");
        }
        manager.notifyEventReceived("r1");

        assertThat(answer.get()).isEqualTo("yes");
        assertThat(events).containsExactly("console printed the request", "asked: Continue?");
    }

    @Test
    void theWrappedCallbackFindsTheRequestIdThroughTheSupplier() {
        var manager = UserInputManager.of(prompt -> prompt.toUpperCase());
        var current = new AtomicReference<>("r7");
        manager.notifyEventReceived("r7");

        assertThat(manager.wrappedCallback(current::get).apply("ok?", new CancellationToken())).isEqualTo("OK?");
    }

    @Test
    void cancellingTheTokenStopsTheWait() throws Exception {
        var manager = UserInputManager.of(prompt -> "never asked");
        var token = new CancellationToken();
        var failure = new AtomicReference<Throwable>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                manager.requestInput("r2", "Continue?", token);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        token.cancel();
        waiter.join();

        assertThat(failure.get()).isInstanceOf(CancellationException.class).hasMessageContaining("r2");
    }
}
