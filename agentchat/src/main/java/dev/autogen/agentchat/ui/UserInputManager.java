package dev.autogen.agentchat.ui;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.utils.Concurrency;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a user proxy from prompting before the {@link Console} has printed everything that comes
 * before the prompt, as Python's {@code UserInputManager} does. The user proxy's input function
 * waits, per request id, until the Console reads the matching
 * {@link dev.autogen.agentchat.messages.UserInputRequestedEvent} and calls
 * {@link #notifyEventReceived}; only then is the real input function called.
 *
 * <!-- java-context: import dev.autogen.agentchat.agents.UserProxyAgent;
 *      import dev.autogen.agentchat.base.Team;
 *      import dev.autogen.agentchat.agents.UserProxyAgent.InputRequestContext; import java.util.Scanner;
 *      Team team; Scanner scanner; -->
 * <pre>{@code
 * var manager = new UserInputManager((prompt, token) -> scanner.nextLine());
 * var proxy = new UserProxyAgent("user", manager.wrappedCallback(InputRequestContext::requestId)::apply);
 * Console.builder().userInputManager(manager).build().render(team.runStream("Write a poem."));
 * }</pre>
 *
 * <p>Thread-safe: the Console notifies from its thread while the user proxy waits on its own.
 */
public final class UserInputManager {
    private final BiFunction<String, @Nullable CancellationToken, String> callback;
    private final ConcurrentMap<String, CompletableFuture<Void>> received = new ConcurrentHashMap<>();

    /** A manager whose input function takes the prompt and the request's cancellation token (null if none). */
    public UserInputManager(BiFunction<String, @Nullable CancellationToken, String> callback) {
        this.callback = Objects.requireNonNull(callback, "callback");
    }

    /** A manager whose input function takes only the prompt. */
    public static UserInputManager of(Function<String, String> callback) {
        Objects.requireNonNull(callback, "callback");
        return new UserInputManager((prompt, token) -> callback.apply(prompt));
    }

    /**
     * An input function for a user proxy: it finds the current request id with {@code requestId}
     * and answers with {@link #requestInput}.
     */
    public BiFunction<String, @Nullable CancellationToken, String> wrappedCallback(Supplier<String> requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return (prompt, token) -> requestInput(requestId.get(), prompt, token);
    }

    /**
     * Waits until the event of request {@code requestId} has been received (at once if it already
     * has), then calls the input function with {@code prompt}.
     *
     * @throws CancellationException if {@code token} is cancelled or the thread is interrupted while waiting
     */
    public String requestInput(String requestId, String prompt, @Nullable CancellationToken token) {
        Objects.requireNonNull(requestId, "requestId");
        CompletableFuture<Void> event = received.computeIfAbsent(requestId, id -> new CompletableFuture<>());
        try {
            Concurrency.await(event, token, "input request " + requestId);
        } catch (CancellationException e) {
            throw cancelled(requestId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for the input request " + requestId + " failed", e.getCause());
        } finally {
            received.remove(requestId, event);
        }
        return callback.apply(prompt, token);
    }

    /** Tells a waiting (or future) input request that the Console has shown its event. */
    public void notifyEventReceived(String requestId) {
        Objects.requireNonNull(requestId, "requestId");
        received.computeIfAbsent(requestId, id -> new CompletableFuture<>()).complete(null);
    }

    private static CancellationException cancelled(String requestId, Exception cause) {
        var e = new CancellationException("input request " + requestId + " was cancelled while waiting for the console");
        e.initCause(cause);
        return e;
    }
}
