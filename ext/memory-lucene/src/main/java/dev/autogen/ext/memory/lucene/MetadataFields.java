package dev.autogen.ext.memory.lucene;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * How metadata values are indexed for exact-match filters, and the filter query for a
 * {@code {key: value}} map (all pairs must match). Strings, booleans and numbers are filterable;
 * numbers match by value ({@code 2} matches {@code 2.0}); other values (lists, maps) are stored but not
 * indexed.
 */
final class MetadataFields {
    /** The prefix of the indexed metadata fields. */
    static final String PREFIX = "metadata.";

    private MetadataFields() {
    }

    /** The indexed term of {@code value}, or empty if such values are not filterable. */
    static Optional<String> term(@Nullable Object value) {
        return switch (value) {
            case null -> Optional.empty();
            case String s -> Optional.of("s:" + s);
            case Boolean b -> Optional.of("b:" + b);
            case Integer i -> Optional.of("n:" + i);
            case Long l -> Optional.of("n:" + l);
            case Short s -> Optional.of("n:" + s);
            case Byte b -> Optional.of("n:" + b);
            case BigInteger i -> Optional.of("n:" + i);
            case Number n -> Optional.of("n:" + number(n));
            default -> Optional.empty();
        };
    }

    private static String number(Number n) {
        double d = n.doubleValue();
        if (n instanceof BigDecimal big) {
            try {
                return big.stripTrailingZeros().toBigIntegerExact().toString();
            } catch (ArithmeticException e) {
                return Double.toString(d);
            }
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /**
     * The filter for {@code where}, or null for none.
     *
     * @throws IllegalArgumentException for an operator ({@code $and}, {@code $gt}, ...) or a value that
     *     cannot be matched exactly
     */
    static @Nullable Query filter(@Nullable Map<String, ?> where) {
        if (where == null || where.isEmpty()) {
            return null;
        }
        var query = new BooleanQuery.Builder();
        for (Map.Entry<String, ?> e : where.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("$")) {
                throw new IllegalArgumentException("metadata filter operator '" + key + "' is not supported; filters are"
                        + " exact matches, {\"key\": value, ...}, all of which must hold");
            }
            String term = term(e.getValue()).orElseThrow(() -> new IllegalArgumentException(
                    "metadata filter '" + key + "' has a value that cannot be matched exactly (" + describe(e.getValue())
                            + "); use a string, number or boolean"));
            query.add(new TermQuery(new Term(PREFIX + key, term)), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    private static String describe(@Nullable Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> m -> "an object; operators such as $eq or $in are not supported";
            case Iterable<?> i -> "a list";
            default -> String.valueOf(value);
        };
    }
}
