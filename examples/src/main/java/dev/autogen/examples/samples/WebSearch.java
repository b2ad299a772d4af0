package dev.autogen.examples.samples;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.tools.FunctionTool;
import dev.autogen.core.tools.annotation.ToolParam;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A web search the samples' {@code google_search} tool asks: {@link GoogleWebSearch} over Google's
 * Custom Search JSON API, or {@link CannedWebSearch} offline.
 */
public interface WebSearch {
    /**
     * The top {@code numResults} results for {@code query}.
     *
     * @throws RuntimeException if the search service fails; the tool reports it to the model
     */
    List<Result> search(String query, int numResults, CancellationToken token);

    /** One search result, as the Python sample's tool returns it. */
    record Result(String title, String link, String snippet) {
        public Result {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(snippet, "snippet");
        }
    }

    /** The {@code google_search} tool's arguments. */
    record Args(@ToolParam("What to search for") String query,
            @ToolParam("How many results to return (default 2)") Optional<Integer> numResults) {
    }

    /** The most results one call may ask for (the Custom Search API's own limit per request). */
    int MAX_RESULTS = 10;

    /**
     * The samples' {@code google_search} tool over {@code search}: the results as a JSON list of
     * {@code title}, {@code link} and {@code snippet}.
     */
    static FunctionTool tool(WebSearch search) {
        Objects.requireNonNull(search, "search");
        return FunctionTool.of("google_search",
                "Search Google for information, returns results with a snippet and body content", Args.class,
                (args, token) -> {
                    int count = args.numResults().orElse(2);
                    if (count < 1 || count > MAX_RESULTS) {
                        throw new IllegalArgumentException(
                                "num_results must be between 1 and " + MAX_RESULTS + ", got " + count);
                    }
                    return search.search(args.query(), count, token);
                });
    }

    /**
     * Google's Custom Search when {@code GOOGLE_API_KEY} and {@code GOOGLE_SEARCH_ENGINE_ID} are set in
     * {@code env}, else {@code offline}; says on {@code notes} which one.
     */
    static WebSearch fromEnvironment(Map<String, String> env, WebSearch offline, PrintStream notes) {
        String key = env.get("GOOGLE_API_KEY");
        String engine = env.get("GOOGLE_SEARCH_ENGINE_ID");
        if (key == null || key.isBlank() || engine == null || engine.isBlank()) {
            notes.println("(Web search: offline sample results; set GOOGLE_API_KEY and GOOGLE_SEARCH_ENGINE_ID "
                    + "for Google's Custom Search.)");
            return offline;
        }
        notes.println("(Web search: Google Custom Search.)");
        return new GoogleWebSearch(GoogleWebSearch.DEFAULT_ENDPOINT, key.strip(), engine.strip());
    }
}
