package dev.autogen.ext.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class HttpRetriesTest {
    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> List.of(e.getValue()))), (a, b) -> true);
    }

    @Test
    void retryAfterPrefersMillisThenSecondsThenHttpDate() {
        assertThat(HttpRetries.retryAfter(headers(Map.of("retry-after-ms", "250", "retry-after", "9"))))
                .contains(Duration.ofMillis(250));
        assertThat(HttpRetries.retryAfter(headers(Map.of("retry-after", "1.5")))).contains(Duration.ofMillis(1500));
        String inAnHour = ZonedDateTime.now(ZoneOffset.UTC).plusHours(1).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(HttpRetries.retryAfter(headers(Map.of("retry-after", inAnHour))).orElseThrow())
                .isBetween(Duration.ofMinutes(58), Duration.ofMinutes(61));
    }

    @Test
    void retryAfterIsEmptyWhenAbsentUnreadableOrPast() {
        assertThat(HttpRetries.retryAfter(headers(Map.of()))).isEmpty();
        assertThat(HttpRetries.retryAfter(headers(Map.of("retry-after", "soon")))).isEmpty();
        assertThat(HttpRetries.retryAfter(headers(Map.of("retry-after", "-3")))).isEmpty();
    }

    @Test
    void backoffDoublesFromHalfASecondUpToEightWithAtMostAQuarterOff() {
        assertThat(HttpRetries.backoff(0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
        assertThat(HttpRetries.backoff(2)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2000));
        assertThat(HttpRetries.backoff(10)).isBetween(Duration.ofMillis(6000), Duration.ofMillis(8000));
    }

    @Test
    void sleepEndsWithCancellationWhenTheTokenIsCancelled() {
        var token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> HttpRetries.sleep(Duration.ofMinutes(5), token, "test call"))
                .isInstanceOf(CancellationException.class)
                .hasMessage("the test call was cancelled while waiting to retry");
    }
}
