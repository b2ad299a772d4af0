package dev.autogen.examples.samples;

import dev.autogen.core.CancellationToken;
import java.util.List;
import java.util.Objects;

/**
 * An offline {@link PaperSearch}: the same fixed papers for every query, each title starting with
 * "[offline sample result]" so that neither a model nor a reader takes them for a live search.
 */
public final class CannedPaperSearch implements PaperSearch {
    private final List<Paper> papers;

    /** Answers every query with (the first of) {@code papers}. */
    public CannedPaperSearch(List<Paper> papers) {
        this.papers = List.copyOf(Objects.requireNonNull(papers, "papers"));
    }

    @Override
    public List<Paper> search(String query, int maxResults, CancellationToken token) {
        return papers.stream().limit(maxResults)
                .map(p -> new Paper(CannedWebSearch.LABEL + p.title(), p.authors(), p.published(), p.summary(),
                        p.pdfUrl()))
                .toList();
    }
}
