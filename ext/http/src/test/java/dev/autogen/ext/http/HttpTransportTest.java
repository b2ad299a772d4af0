package dev.autogen.ext.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.testing.LocalHttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
    /** Makes the provider-style exceptions a test can tell apart. */
    private static final class TestDecoder implements HttpErrorDecoder {
        @Override
        public RuntimeException status(HttpStatusError error) {
            return new IllegalStateException("status " + error.status() + " after " + error.attempts() + ": "
                    + error.body());
        }

        @Override
        public RuntimeException failure(URI uri, IOException cause, int attempts) {
            return new IllegalStateException("no answer from " + uri + " after " + attempts + ": "
                    + cause.getClass().getSimpleName(), cause);
        }
    }

    private static HttpTransport transport(int maxRetries) {
        return new HttpTransport(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                new RetryPolicy(maxRetries, RetryPolicy.SDK_MAX_RETRY_AFTER, RetryPolicy.LongRetryAfter.CAP),
                new TestDecoder(), "test call");
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url + "/x")).timeout(Duration.ofSeconds(5)).GET().build();
    }

    @Test
    void retriesA429AndA5xxAfterTheServersDelayThenReturnsTheAnswer() throws IOException {
        try (var server = new LocalHttpServer()
                .thenJson(429, "{\"error\": \"slow down\"}", Map.of("retry-after-ms", "5"))
                .thenJson(503, "{\"error\": \"busy\"}", Map.of("retry-after", "0"))
                .thenJson(200, "{\"ok\": true}");
                var transport = transport(2)) {
            AtomicInteger built = new AtomicInteger();
            HttpResponse<String> response = transport.send(() -> {
                built.incrementAndGet();
                return get(server.url());
            }, HttpResponse.BodyHandlers.ofString(), null, new CancellationToken());

            assertThat(response.body()).isEqualTo("{\"ok\": true}");
            assertThat(server.requests()).hasSize(3);
            assertThat(built).as("the request is made again for each attempt").hasValue(3);
        }
    }

    @Test
    void theDecoderMakesTheExceptionWhenTheRetriesRunOut() throws IOException {
        try (var server = new LocalHttpServer().thenJson(500, "{\"error\": \"boom\"}", Map.of("retry-after-ms", "1"));
                var transport = transport(1)) {
            assertThatThrownBy(() -> transport.send(() -> get(server.url()), HttpResponse.BodyHandlers.ofInputStream(),
                    null, new CancellationToken()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("status 500 after 2: {\"error\": \"boom\"}");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void aClientErrorIsNotRetried() throws IOException {
        try (var server = new LocalHttpServer().thenJson(400, "bad").thenJson(200, "{}");
                var transport = transport(3)) {
            assertThatThrownBy(() -> transport.send(() -> get(server.url()), HttpResponse.BodyHandlers.ofByteArray(),
                    null, new CancellationToken()))
                    .hasMessage("status 400 after 1: bad");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aRefusedConnectionGoesToTheDecoderAfterItsRetries() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (var transport = new HttpTransport(HttpClient.newHttpClient(), RetryPolicy.none(), new TestDecoder(), "t")) {
            assertThatThrownBy(() -> transport.send(() -> get("http://127.0.0.1:" + port),
                    HttpResponse.BodyHandlers.ofString(), null, new CancellationToken()))
                    .hasMessageStartingWith("no answer from http://127.0.0.1:" + port + "/x after 1: ")
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    @Test
    void cancellingTheTokenEndsTheWaitBetweenAttempts() throws Exception {
        try (var server = new LocalHttpServer().thenJson(503, "{}", Map.of("retry-after", "30"));
                var transport = transport(2)) {
            var token = new CancellationToken();
            Thread.ofVirtual().start(() -> {
                try {
                    while (server.requests().isEmpty()) {
                        Thread.sleep(5);
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                token.cancel();
            });
            long start = System.nanoTime();
            assertThatThrownBy(() -> transport.send(() -> get(server.url()), HttpResponse.BodyHandlers.ofString(),
                    null, token))
                    .isInstanceOf(CancellationException.class)
                    .hasMessage("the test call was cancelled while waiting to retry");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void theDefaultDecoderKeepsTheStatusAndBody() throws IOException {
        try (var server = new LocalHttpServer().thenJson(404, "{\"missing\": true}");
                var transport = new HttpTransport(HttpClient.newHttpClient(), RetryPolicy.none(),
                        HttpErrorDecoder.DEFAULT, "t")) {
            assertThatThrownBy(() -> transport.send(() -> get(server.url()), HttpResponse.BodyHandlers.ofString(),
                    null, new CancellationToken()))
                    .isInstanceOfSatisfying(HttpCallException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.body()).isEqualTo("{\"missing\": true}");
                    });
        }
    }

    @Test
    void aLongRetryAfterIsCappedOrIgnoredAsThePolicySays() throws IOException {
        try (var server = new LocalHttpServer().thenJson(429, "{}", Map.of("retry-after", "3600"))) {
            var capped = new RetryPolicy(2, Duration.ofSeconds(60), RetryPolicy.LongRetryAfter.CAP);
            var ignored = new RetryPolicy(2, Duration.ofSeconds(60), RetryPolicy.LongRetryAfter.IGNORE);
            HttpResponse<String> response;
            try (var client = HttpClient.newHttpClient()) {
                response = client.send(get(server.url()), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(capped.delayAfter(response, 1)).isEqualTo(Duration.ofSeconds(60));
            assertThat(ignored.delayAfter(response, 1)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
        }
    }
}
