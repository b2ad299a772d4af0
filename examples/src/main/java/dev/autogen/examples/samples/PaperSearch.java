package dev.autogen.examples.samples;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.tools.FunctionTool;
import dev.autogen.core.tools.annotation.ToolParam;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A search for academic papers, asked by the literature review sample's {@code arxiv_search} tool:
 * {@link ArxivPaperSearch} over arXiv's API, or {@link CannedPaperSearch} offline.
 */
public interface PaperSearch {
    /** The most papers one call may ask for. */
    int MAX_RESULTS = 20;

    /**
     * The {@code maxResults} papers most relevant to {@code query}.
     *
     * @throws RuntimeException if the service fails or answers something that is not a feed of papers
     */
    List<Paper> search(String query, int maxResults, CancellationToken token);

    /** A paper as the Python sample's tool returns it. */
    @JsonPropertyOrder({"title", "authors", "published", "abstract", "pdf_url"})
    record Paper(String title, List<String> authors, LocalDate published,
            @JsonProperty("abstract") String summary, String pdfUrl) {
        public Paper {
            Objects.requireNonNull(title, "title");
            authors = List.copyOf(authors);
            Objects.requireNonNull(published, "published");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(pdfUrl, "pdfUrl");
        }
    }

    /** The {@code arxiv_search} tool's arguments. */
    record Args(@ToolParam("The search query") String query,
            @ToolParam("How many papers to return (default 2)") Optional<Integer> maxResults) {
    }

    /** The {@code arxiv_search} tool over {@code search}: the papers as a JSON list. */
    static FunctionTool tool(PaperSearch search) {
        Objects.requireNonNull(search, "search");
        return FunctionTool.of("arxiv_search", "Search Arxiv for papers related to a given topic, including abstracts",
                Args.class, (args, token) -> {
                    int count = args.maxResults().orElse(2);
                    if (count < 1 || count > MAX_RESULTS) {
                        throw new IllegalArgumentException(
                                "max_results must be between 1 and " + MAX_RESULTS + ", got " + count);
                    }
                    return search.search(args.query(), count, token);
                });
    }
}
