package dev.autogen.examples.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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

    private CannedServer server;

    @BeforeEach
    void start() throws IOException {
        server = new CannedServer("/customsearch/v1", "application/json", ANSWER);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GoogleWebSearch search() {
        return new GoogleWebSearch(server.uri(), "key&1", "engine-7");
    }

    @Test
    void sendsKeyEngineQueryAndCountAndReadsTheItems() {
        List<WebSearch.Result> results = search().search("autogen studio", 2, new CancellationToken());

        CannedServer.Request request = server.requests.poll();
        assertThat(request.uri().getRawQuery()).isEqualTo("cx=engine-7&q=autogen+studio&num=2");
        assertThat(request.headers().getFirst("X-goog-api-key")).isEqualTo("key&1");
        assertThat(results).containsExactly(
                new WebSearch.Result("AutoGen", "https://example.org/autogen", "A framework for agents."),
                new WebSearch.Result("AutoGen Studio", "https://example.org/studio", "A no-code tool."));
    }

    @Test
    void aRefusedKeyFailsWithTheServicesMessage() {
        server.status = 403;
        server.body = "{\"error\": {\"code\": 403, \"message\": \"Requests from this API key are blocked.\"}}";

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
        assertThat(server.requests).isEmpty();
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
