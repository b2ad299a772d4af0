package dev.autogen.examples.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.http.HttpTransport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link WebSearch} over Google's Custom Search JSON API ({@code GET .../customsearch/v1?key&cx&q&num}),
 * the service the Python sample calls. Unlike the Python sample it does not download each result's
 * page: the tool returns the API's title, link and snippet.
 */
public final class GoogleWebSearch implements WebSearch {
    /** Google's endpoint. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://customsearch.googleapis.com/customsearch/v1");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final String apiKey;
    private final String engineId;
    private final HttpTransport transport;

    /**
     * A search of engine {@code engineId} with {@code apiKey} at {@code endpoint}.
     *
     * @throws IllegalArgumentException if the key or the engine id is blank
     */
    public GoogleWebSearch(URI endpoint, String apiKey, String engineId) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        if (apiKey.isBlank() || engineId.isBlank()) {
            throw new IllegalArgumentException("a Google search needs GOOGLE_API_KEY and GOOGLE_SEARCH_ENGINE_ID");
        }
        this.apiKey = apiKey;
        this.engineId = engineId;
        this.transport = SampleHttp.transport("Google Custom Search");
    }

    @Override
    public List<Result> search(String query, int numResults, CancellationToken token) {
        URI uri = URI.create(endpoint + "?cx=" + encode(engineId) + "&q=" + encode(query)
                + "&num=" + numResults);
        JsonNode answer = transport.exchange(() -> HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "application/json").header("X-goog-api-key", apiKey).GET().build(), TIMEOUT, token,
                (response, body) -> AutogenJson.mapper().readTree(body));
        List<Result> results = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            results.add(new Result(item.path("title").asText(""), item.path("link").asText(""),
                    item.path("snippet").asText("")));
        }
        return results;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
