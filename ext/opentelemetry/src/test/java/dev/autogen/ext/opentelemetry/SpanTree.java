package dev.autogen.ext.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Objects;

/** The finished spans of a test, looked up by name and checked for parent links. */
record SpanTree(List<SpanData> spans) {

    /** The only span named {@code name}. */
    SpanData one(String name) {
        List<SpanData> found = all(name);
        assertThat(found).as("spans named '%s' among %s", name, names()).hasSize(1);
        return found.getFirst();
    }

    /** Every span named {@code name}. */
    List<SpanData> all(String name) {
        return spans.stream().filter(s -> s.getName().equals(name)).toList();
    }

    /** Every span whose name starts with {@code prefix}. */
    List<SpanData> starting(String prefix) {
        return spans.stream().filter(s -> s.getName().startsWith(prefix)).toList();
    }

    List<String> names() {
        return spans.stream().map(SpanData::getName).toList();
    }

    /** The parent of {@code span} among these spans, or null for a root. */
    SpanData parent(SpanData span) {
        return spans.stream().filter(s -> s.getSpanId().equals(span.getParentSpanId())).findFirst().orElse(null);
    }

    /** Whether {@code ancestor} is on the path from {@code span} to its root. */
    boolean descends(SpanData span, SpanData ancestor) {
        for (SpanData s = parent(span); s != null; s = parent(s)) {
            if (Objects.equals(s.getSpanId(), ancestor.getSpanId())) {
                return true;
            }
        }
        return false;
    }
}
