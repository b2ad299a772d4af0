package dev.autogen.ext.memory.lucene;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a JSON array of numbers as a vector. */
final class JsonVectors {
    private JsonVectors() {
    }

    /**
     * @param where names the array in the error message
     * @throws IllegalStateException if {@code node} is not a non-empty array of numbers
     */
    static float[] read(JsonNode node, String where) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalStateException(where + " is not a list of numbers");
        }
        float[] vector = new float[node.size()];
        for (int i = 0; i < vector.length; i++) {
            JsonNode x = node.get(i);
            if (!x.isNumber()) {
                throw new IllegalStateException(where + " has a non-number at position " + i);
            }
            vector[i] = x.floatValue();
        }
        return vector;
    }
}
