package dev.autogen.agentchat.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.autogen.agentchat.messages.BaseChatMessage;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which messages from one source a {@link MessageFilterAgent} lets through: the first or last
 * {@code count}, or all of them when {@code position} (or {@code count}) is not given. As Python's
 * {@code PerSourceFilter}: {@code {"source": "B", "position": "last", "count": 1}}.
 *
 * <pre>{@code
 * PerSourceFilter.first("user", 1);
 * PerSourceFilter.last("critic", 2);
 * PerSourceFilter.all("planner");
 * }</pre>
 *
 * @param source the name of the agent (or {@code "user"}) whose messages this selects
 * @param position {@code first} or {@code last}; null keeps every message from the source
 * @param count how many; null or 0 keeps every message from the source, as in Python
 */
@JsonPropertyOrder({"source", "position", "count"})
public record PerSourceFilter(@JsonProperty(required = true) String source, @Nullable Position position,
        @Nullable Integer count) {
    public PerSourceFilter {
        Objects.requireNonNull(source, "source");
        if (count != null && count < 0) {
            throw new IllegalArgumentException("filter for source '" + source + "': count must not be negative, got "
                    + count);
        }
    }

    /** The first {@code count} messages from {@code source}. */
    public static PerSourceFilter first(String source, int count) {
        return new PerSourceFilter(source, Position.FIRST, count);
    }

    /** The last {@code count} messages from {@code source}. */
    public static PerSourceFilter last(String source, int count) {
        return new PerSourceFilter(source, Position.LAST, count);
    }

    /** Every message from {@code source}. */
    public static PerSourceFilter all(String source) {
        return new PerSourceFilter(source, null, null);
    }

    /** The messages of {@code messages} from this source that this filter keeps, in order. */
    <M extends BaseChatMessage> List<M> select(List<M> messages) {
        List<M> fromSource = messages.stream().filter(m -> m.source().equals(source)).toList();
        if (position == null || count == null || count == 0) {
            return fromSource;
        }
        int n = Math.min(count, fromSource.size());
        return position == Position.FIRST ? fromSource.subList(0, n)
                : fromSource.subList(fromSource.size() - n, fromSource.size());
    }

    /** Which end of the source's messages to keep. */
    public enum Position {
        FIRST("first"),
        LAST("last");

        private final String json;

        Position(String json) {
            this.json = json;
        }

        /** The JSON form: {@code "first"} or {@code "last"}. */
        @JsonValue
        public String json() {
            return json;
        }
    }
}
