package dev.autogen.ext.tools.mcp;

import java.time.Duration;

/** Timeouts as Python writes them (seconds as numbers) and as Java uses them (durations). */
final class Seconds {
    private Seconds() {
    }

    static Duration toDuration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
    }

    static double check(double seconds, String field) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(field + " must be a positive number of seconds, got " + seconds);
        }
        return seconds;
    }

    static double of(Duration duration, String field) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got " + duration);
        }
        return duration.toNanos() / 1_000_000_000d;
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
