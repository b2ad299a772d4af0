package dev.autogen.core.models;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The usage bookkeeping a {@link ChatCompletionClient} keeps: the last call's usage
 * ({@link ChatCompletionClient#actualUsage()}) and the running total
 * ({@link ChatCompletionClient#totalUsage()}), updated together under one lock so concurrent calls
 * never see a total that misses the last call. Thread-safe.
 *
 * <pre>{@code
 * abstract class MyClient implements ChatCompletionClient {
 *     private final UsageTracker usage = new UsageTracker();
 *
 *     public CreateResult create(CreateRequest request) {
 *         CreateResult result = send(request);
 *         usage.record(result.usage());
 *         return result;
 *     }
 *
 *     public RequestUsage actualUsage() { return usage.actual(); }
 *     public RequestUsage totalUsage() { return usage.total(); }
 *
 *     abstract CreateResult send(CreateRequest request); // the provider's API call
 * }
 * }</pre>
 */
public final class UsageTracker {
    private final ReentrantLock lock = new ReentrantLock();
    private RequestUsage actual = RequestUsage.ZERO;
    private RequestUsage total = RequestUsage.ZERO;

    /** Records one finished call: it becomes the actual usage and is added to the total. */
    public void record(RequestUsage usage) {
        Objects.requireNonNull(usage, "usage");
        lock.lock();
        try {
            actual = usage;
            total = total.plus(usage);
        } finally {
            lock.unlock();
        }
    }

    /** The usage of the last recorded call ({@link RequestUsage#ZERO} before any). */
    public RequestUsage actual() {
        lock.lock();
        try {
            return actual;
        } finally {
            lock.unlock();
        }
    }

    /** The sum of every recorded call. */
    public RequestUsage total() {
        lock.lock();
        try {
            return total;
        } finally {
            lock.unlock();
        }
    }
}
