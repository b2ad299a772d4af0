package dev.autogen.ext.http;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.utils.Concurrency;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

/**
 * The retry rules the official OpenAI and Anthropic SDKs share: which answers to retry, the
 * server's requested delay, exponential backoff with jitter, and a wait that cancellation ends.
 */
public final class HttpRetries {
    private static final double INITIAL_BACKOFF_SECONDS = 0.5;
    private static final double MAX_BACKOFF_SECONDS = 8.0;

    private HttpRetries() {
    }

    /**
     * Whether an error answer is worth retrying: as its {@code x-should-retry} header says
     * ({@code true}/{@code false}), else for statuses 408, 409, 429 and 5xx.
     */
    public static boolean shouldRetry(HttpResponse<?> response) {
        String header = response.headers().firstValue("x-should-retry").orElse("");
        if (header.equals("true")) {
            return true;
        }
        if (header.equals("false")) {
            return false;
        }
        int status = response.statusCode();
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /**
     * The delay the server asked for: {@code retry-after-ms}, else {@code Retry-After} in seconds or
     * as an HTTP date; empty when absent, unreadable or in the past. Callers apply their own ceiling.
     */
    public static Optional<Duration> retryAfter(HttpHeaders headers) {
        Duration delay = headers.firstValue("retry-after-ms")
                .flatMap(ms -> seconds(ms).map(s -> s / 1000))
                .map(HttpRetries::ofSeconds)
                .orElse(null);
        if (delay == null) {
            delay = headers.firstValue("retry-after").flatMap(HttpRetries::parseRetryAfter).orElse(null);
        }
        return delay == null || delay.isNegative() ? Optional.empty() : Optional.of(delay);
    }

    /** The wait before retry number {@code retry + 1}: 0.5 s doubled per retry, at most 8 s, minus up to 25% jitter. */
    public static Duration backoff(int retry) {
        double seconds = Math.min(INITIAL_BACKOFF_SECONDS * Math.pow(2, retry), MAX_BACKOFF_SECONDS);
        double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(seconds * jitter * 1000));
    }

    /**
     * Waits {@code delay}, ending early when {@code token} is cancelled.
     *
     * @param what names the call in the cancellation message, e.g. {@code "Anthropic request"}
     * @throws CancellationException if {@code token} is cancelled or the thread interrupted meanwhile
     */
    public static void sleep(Duration delay, CancellationToken token, String what) {
        var cancelled = new CompletableFuture<Void>();
        try (var registration = token.onCancel(() -> cancelled.complete(null))) {
            Concurrency.await(cancelled, null, delay, "the retry of the " + what);
            throw new CancellationException("the " + what + " was cancelled while waiting to retry");
        } catch (TimeoutException e) {
            // waited the full delay
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Duration> parseRetryAfter(String value) {
        Optional<Double> seconds = seconds(value);
        if (seconds.isPresent()) {
            return seconds.map(HttpRetries::ofSeconds);
        }
        try {
            return Optional.of(Duration.between(ZonedDateTime.now(),
                    ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> seconds(String value) {
        try {
            double seconds = Double.parseDouble(value.trim());
            return Double.isFinite(seconds) ? Optional.of(seconds) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration ofSeconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000L));
    }
}
