package dev.autogen.ext.runtimes.grpc.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Calls sent to the host and waiting for their reply, by request id. Ids are numbers counted up from
 * 1, as Python's worker writes them. A call leaves the table when its future completes, however it does.
 *
 * @param <R> what a reply is
 */
public final class PendingCalls<R> {
    /** A pending call: whom it is for (as given to {@link #add}) and its future. */
    public record Call<R>(String target, CompletableFuture<R> reply) {
    }

    private final ConcurrentHashMap<String, Call<R>> calls = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private final Runnable onEmpty;

    /** @param onEmpty run whenever the last pending call completes */
    public PendingCalls(Runnable onEmpty) {
        this.onEmpty = onEmpty;
    }

    /** Records a call to {@code target} (named in errors) and returns its request id. */
    public String add(String target, CompletableFuture<R> reply) {
        String id = Long.toString(nextId.incrementAndGet());
        calls.put(id, new Call<>(target, reply));
        reply.whenComplete((r, e) -> {
            calls.remove(id);
            if (calls.isEmpty()) {
                onEmpty.run();
            }
        });
        return id;
    }

    /** A pending call, or null if there is none (answered, cancelled or unknown). */
    public @Nullable Call<R> get(String id) {
        return calls.get(id);
    }

    public boolean isEmpty() {
        return calls.isEmpty();
    }

    /** Fails every pending call with the error {@code errorFor} makes from its target. */
    public void failAll(Function<String, ? extends Throwable> errorFor) {
        for (Map.Entry<String, Call<R>> entry : calls.entrySet()) {
            entry.getValue().reply.completeExceptionally(errorFor.apply(entry.getValue().target));
        }
    }
}
