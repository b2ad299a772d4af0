package dev.autogen.ext.memory.lucene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.autogen.core.Image;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.memory.MemoryMimeType;
import dev.autogen.core.serialization.AutogenJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * Maps a {@link MemoryContent} to a Lucene document and back: the text (embedded, BM25-indexed and
 * stored), the original content when it is JSON data, the MIME type, the metadata (stored as JSON and
 * indexed per key for exact-match filters), an id and the vector.
 */
final class MemoryDocuments {
    static final String ID = "id";
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    private static final String MIME_TYPE = "mime_type";
    private static final String CONTENT_JSON = "content_json";
    private static final String METADATA_JSON = "metadata_json";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private MemoryDocuments() {
    }

    /**
     * The text that stands for {@code content} in search, as Python's {@code _extract_text}: the text
     * itself for text and Markdown, the JSON text for JSON data.
     *
     * @throws IllegalArgumentException for images and other content without a text form
     */
    static String text(MemoryContent content) {
        Object value = content.content();
        if (value instanceof Image) {
            throw new IllegalArgumentException("image content cannot be converted to text, so it cannot be stored in a"
                    + " vector memory");
        }
        if (value instanceof Map<?, ?> map) {
            return json(map);
        }
        if (value instanceof String s) {
            return s;
        }
        boolean textual = content.knownMimeType().map(t -> t == MemoryMimeType.TEXT || t == MemoryMimeType.MARKDOWN)
                .orElse(content.mimeType().startsWith("text/"));
        if (value instanceof byte[] bytes && textual) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("unsupported content type '" + content.mimeType() + "' for a vector memory;"
                + " store text, Markdown or JSON data");
    }

    /** The document for {@code content} with text {@code text} and the prepared vector. */
    static Document toDocument(String id, MemoryContent content, String text, float[] vector,
            VectorSimilarityFunction similarity) {
        var doc = new Document();
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new TextField(TEXT, text, Field.Store.YES));
        doc.add(new StoredField(MIME_TYPE, content.mimeType()));
        if (content.content() instanceof Map<?, ?> map) {
            doc.add(new StoredField(CONTENT_JSON, json(map)));
        }
        Map<String, Object> metadata = content.metadata();
        if (metadata != null && !metadata.isEmpty()) {
            doc.add(new StoredField(METADATA_JSON, json(metadata)));
            metadata.forEach((key, value) -> MetadataFields.term(value).ifPresent(term ->
                    doc.add(new StringField(MetadataFields.PREFIX + key, term, Field.Store.NO))));
        }
        doc.add(new KnnFloatVectorField(VECTOR, vector, similarity));
        return doc;
    }

    /**
     * The memory item {@code doc} holds, its metadata extended as Python's with {@code mime_type},
     * {@code score} and {@code id} (and {@code extra} before those).
     */
    static MemoryContent fromDocument(Document doc, double score, Map<String, Object> extra) {
        String mimeType = doc.get(MIME_TYPE);
        String contentJson = doc.get(CONTENT_JSON);
        Object content = contentJson != null ? parse(contentJson) : doc.get(TEXT);
        Map<String, Object> metadata = new LinkedHashMap<>();
        String metadataJson = doc.get(METADATA_JSON);
        if (metadataJson != null) {
            metadata.putAll(parse(metadataJson));
        }
        metadata.put("mime_type", mimeType);
        metadata.putAll(extra);
        metadata.put("score", score);
        metadata.put("id", doc.get(ID));
        return new MemoryContent(content, mimeType, metadata);
    }

    private static String json(Object value) {
        try {
            return AutogenJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("memory content cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> parse(String json) {
        try {
            return AutogenJson.mapper().readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored memory item is damaged: " + e.getOriginalMessage(), e);
        }
    }
}
