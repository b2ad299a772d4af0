package dev.autogen.examples.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link GoogleWebSearch} against a loopback server answering as the Custom Search JSON API does. */
class GoogleWebSearchTest {
    private static final String ANSWER = """
            {"kind": "customsearch#search",
             "searchInformation": {"totalResults": "2"},
             "items": [
               {"kind": "customsearch#result", "title": "AutoGen", "link": "https://example.org/autogen",
                "displayLink": "example.org", "snippet": "A framework for agents."},
               {"kind": "customsearch#result", "title": "AutoGen Studio", "link": "https://example.org/studio",
                "snippet": "A no-code tool."}]}
            """;

    private HttpServer server;
    private final BlockingQueue<URI> requests = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> keys = new LinkedBlockingQueue<>();
    private volatile int status = 200;
    private volatile String body = ANSWER;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/customsearch/v1", exchange -> {
            requests.add(exchange.getRequestURI());
            keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-goog-api-key")));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private GoogleWebSearch search() {
        return new GoogleWebSearch(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/customsearch/v1"),
                "key&1", "engine-7");
    }

    @Test
    void sendsKeyEngineQueryAndCountAndReadsTheItems() {
        List<WebSearch.Result> results = search().search("autogen studio", 2, new CancellationToken());

        URI request = requests.poll();
        assertThat(request).isNotNull();
        assertThat(request.getRawQuery()).isEqualTo("cx=engine-7&q=autogen+studio&num=2");
        assertThat(keys.poll()).isEqualTo("key&1");
        assertThat(results).containsExactly(
                new WebSearch.Result("AutoGen", "https://example.org/autogen", "A framework for agents."),
                new WebSearch.Result("AutoGen Studio", "https://example.org/studio", "A no-code tool."));
    }

    @Test
    void aRefusedKeyFailsWithTheServicesMessage() {
        status = 403;
        body = "{\"error\": {\"code\": 403, \"message\": \"Requests from this API key are blocked.\"}}";

        assertThatThrownBy(() -> search().search("x", 1, new CancellationToken()))
                .hasMessageStartingWith("Google Custom Search answered HTTP 403: ")
                .hasMessageContaining("Requests from this API key are blocked.")
                .hasMessageNotContaining("key&1");
    }

    @Test
    void theToolRefusesACountTheApiCannotServe() {
        assertThatThrownBy(() -> WebSearch.tool(search()).runJson(
                AutogenJson.mapper().readTree("{\"query\":\"x\",\"num_results\":11}"), new CancellationToken(), null))
                .hasMessage("num_results must be between 1 and 10, got 11");
        assertThat(requests).isEmpty();
    }

    @Test
    void theEnvironmentPicksGoogleOnlyWithBothVariablesAndSaysWhich() {
        var notes = new ByteArrayOutputStream();
        var offline = new CannedWebSearch(Map.of());
        PrintStream print = new PrintStream(notes, true, StandardCharsets.UTF_8);

        assertThat(WebSearch.fromEnvironment(Map.of("GOOGLE_API_KEY", "k"), offline, print)).isSameAs(offline);
        assertThat(WebSearch.fromEnvironment(Map.of("GOOGLE_API_KEY", "k", "GOOGLE_SEARCH_ENGINE_ID", "e"), offline,
                print)).isInstanceOf(GoogleWebSearch.class);
        assertThat(notes.toString(StandardCharsets.UTF_8)).contains("offline sample results", "Google Custom Search");
    }

    @Test
    void cannedResultsAreLabelledAndChosenByKeyword() {
        var canned = new CannedWebSearch(Map.of("airlines", List.of(new WebSearch.Result("A", "https://a", "s"))));

        assertThat(canned.search("American Airlines report", 2, new CancellationToken()))
                .containsExactly(new WebSearch.Result("[offline sample result] A", "https://a", "s"));
        assertThat(canned.search("weather", 2, new CancellationToken())).isEmpty();
    }
}
