package dev.autogen.ext.memory.lucene;

import dev.autogen.core.CancellationToken;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An embedding that looks texts up in a table, so tests choose the vectors. */
final class TableEmbedding implements EmbeddingFunction {
    private final Map<String, float[]> table = new ConcurrentHashMap<>();

    TableEmbedding put(String text, float... vector) {
        table.put(text, vector);
        return this;
    }

    @Override
    public List<float[]> embed(List<String> texts, CancellationToken cancellationToken) {
        return texts.stream().map(t -> {
            float[] v = table.get(t);
            if (v == null) {
                throw new IllegalArgumentException("no vector for '" + t + "'");
            }
            return v;
        }).toList();
    }
}
