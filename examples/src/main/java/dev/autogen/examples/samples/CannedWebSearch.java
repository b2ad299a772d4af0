package dev.autogen.examples.samples;

import dev.autogen.core.CancellationToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An offline {@link WebSearch}: fixed results chosen by the first keyword of a table found in the
 * query, each titled "[offline sample result]" so that neither a model nor a reader takes it for a
 * live search. A query matching no keyword gets no results.
 */
public final class CannedWebSearch implements WebSearch {
    /** What every canned title starts with. */
    public static final String LABEL = "[offline sample result] ";

    private final Map<String, List<Result>> byKeyword;

    /** Results per lower-case keyword, tried in the map's order. */
    public CannedWebSearch(Map<String, List<Result>> byKeyword) {
        this.byKeyword = Map.copyOf(Objects.requireNonNull(byKeyword, "byKeyword"));
        this.byKeyword.keySet().forEach(k -> {
            if (!k.equals(k.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("keyword '" + k + "' must be lower case");
            }
        });
    }

    @Override
    public List<Result> search(String query, int numResults, CancellationToken token) {
        String lower = query.toLowerCase(Locale.ROOT);
        List<Result> found = new ArrayList<>();
        byKeyword.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .filter(e -> lower.contains(e.getKey()))
                .findFirst()
                .ifPresent(e -> e.getValue().stream().limit(numResults)
                        .forEach(r -> found.add(new Result(LABEL + r.title(), r.link(), r.snippet()))));
        return found;
    }
}
