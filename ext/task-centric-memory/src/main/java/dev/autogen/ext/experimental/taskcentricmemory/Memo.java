package dev.autogen.ext.experimental.taskcentricmemory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One memory of a {@link MemoryBank}, as Python's {@code Memo}.
 *
 * @param task the task the insight came from, if any
 * @param insight a hint, solution, plan or any other text that may help solve a similar task
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"task", "insight"})
public record Memo(@Nullable String task, @JsonProperty(required = true) String insight) {
    public Memo {
        Objects.requireNonNull(insight, "insight");
    }
}
