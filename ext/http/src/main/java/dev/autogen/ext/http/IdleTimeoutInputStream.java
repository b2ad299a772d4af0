package dev.autogen.ext.http;

import dev.autogen.core.utils.Concurrency;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A response body whose reads fail with {@link IdleTimeoutException} when no byte arrives for the idle
 * timeout, or when an optional deadline for the whole body passes: a watchdog closes the body under
 * the blocked read. Used by one reading thread.
 */
final class IdleTimeoutInputStream extends FilterInputStream {
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final Duration idle;
    private final @Nullable Duration total;
    private final long deadlineNanos;
    private volatile @Nullable String expired;

    /**
     * @param idle the longest silence between bytes
     * @param total the longest time for the whole exchange, or null for no limit
     * @param startNanos the {@link System#nanoTime()} at which the exchange began
     */
    IdleTimeoutInputStream(InputStream body, Duration idle, @Nullable Duration total, long startNanos) {
        super(body);
        this.idle = idle;
        this.total = total;
        this.deadlineNanos = total == null ? Long.MAX_VALUE : startNanos + total.toNanos();
    }

    private static ScheduledExecutorService watchdog() {
        var executor = new ScheduledThreadPoolExecutor(1, Concurrency.daemonThreadFactory("autogen-http-idle-watchdog"));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Override
    public int read() throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            return check(super.read());
        } catch (IOException e) {
            throw expiredOr(e);
        } finally {
            alarm.cancel(false);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            return check(super.read(b, off, len));
        } catch (IOException e) {
            throw expiredOr(e);
        } finally {
            alarm.cancel(false);
        }
    }

    private ScheduledFuture<?> arm() throws IOException {
        check(0);
        long wait = total == null ? idle.toNanos() : Math.min(idle.toNanos(), deadlineNanos - System.nanoTime());
        String reason = total != null && wait < idle.toNanos()
                ? "the response was not complete within " + HttpTransport.seconds(total) + " (timeout)"
                : "no data arrived for " + HttpTransport.seconds(idle) + " (idle_timeout)";
        if (wait <= 0) {
            expire(reason);
            check(0);
        }
        return WATCHDOG.schedule(() -> expire(reason), wait, TimeUnit.NANOSECONDS);
    }

    private void expire(String reason) {
        expired = reason;
        HttpBodies.closeQuietly(in);
    }

    private int check(int result) throws IOException {
        String reason = expired;
        if (reason != null) {
            throw new IdleTimeoutException(reason, idle);
        }
        return result;
    }

    private IOException expiredOr(IOException e) {
        String reason = expired;
        return reason == null ? e : new IdleTimeoutException(reason, idle);
    }
}
