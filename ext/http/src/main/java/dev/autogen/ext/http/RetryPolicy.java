package dev.autogen.ext.http;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * When and how long {@link HttpTransport} waits before sending a request again: up to
 * {@code maxRetries} retries of answers {@link HttpRetries#shouldRetry} accepts (408, 409, 429, 5xx,
 * or as {@code x-should-retry} says) and of timeouts and connection failures, after the server's
 * {@code retry-after-ms} / {@code Retry-After} or else {@link HttpRetries#backoff}.
 *
 * @param maxRetries how many times a failed request is sent again (0: never)
 * @param maxRetryAfter the longest server-requested delay taken as it is
 * @param longRetryAfter what a longer server-requested delay becomes
 */
public record RetryPolicy(int maxRetries, Duration maxRetryAfter, LongRetryAfter longRetryAfter) {
    /** The ceiling the official OpenAI and Anthropic SDKs put on a server-requested delay. */
    public static final Duration SDK_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    /** What to do with a server-requested delay above {@link #maxRetryAfter()}. */
    public enum LongRetryAfter {
        /** Wait {@code maxRetryAfter} instead (openai-python). */
        CAP,
        /** Ignore it and back off as without one (the Anthropic SDKs). */
        IGNORE
    }

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max_retries must be 0 or more, got " + maxRetries);
        }
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(longRetryAfter, "longRetryAfter");
    }

    /** Never retries. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, SDK_MAX_RETRY_AFTER, LongRetryAfter.CAP);
    }

    /** Whether the request may be sent again after {@code attempts} attempts. */
    public boolean mayRetry(int attempts) {
        return attempts <= maxRetries;
    }

    /** The wait before sending again after the error answer {@code response} ended attempt {@code attempts}. */
    public Duration delayAfter(HttpResponse<?> response, int attempts) {
        return HttpRetries.retryAfter(response.headers())
                .map(delay -> delay.compareTo(maxRetryAfter) <= 0 ? delay
                        : longRetryAfter == LongRetryAfter.CAP ? maxRetryAfter : null)
                .orElseGet(() -> delayAfterFailure(attempts));
    }

    /** The wait before sending again after a timeout or connection failure ended attempt {@code attempts}. */
    public Duration delayAfterFailure(int attempts) {
        return HttpRetries.backoff(attempts - 1);
    }
}
