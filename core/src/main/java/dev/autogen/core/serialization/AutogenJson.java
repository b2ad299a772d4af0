package dev.autogen.core.serialization;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/**
 * The JSON conventions shared with Python AutoGen: snake_case field names ({@code models_usage},
 * {@code call_id}), timestamps as pydantic writes them ({@code 2025-01-02T03:04:05.123456Z}), nulls written out as Python's {@code model_dump} does, and
 * unknown fields ignored on read (as pydantic does by default). Reading is as strict as pydantic where
 * Java would otherwise guess: a number is not a string, {@code 1.5} is not an integer; and as strict
 * as JSON itself: no duplicate keys ({@link #readDocument} also refuses a second document).
 */
public final class AutogenJson {
    private static final ObjectMapper SHARED = newObjectMapper();

    private AutogenJson() {
    }

    /**
     * A new mapper with AutoGen's conventions, for callers that want to add modules or settings of
     * their own.
     */
    public static ObjectMapper newObjectMapper() {
        // Jackson's default buffer pool is per thread; messages are handled on short-lived virtual threads,
        // so each would allocate its buffers anew. A shared pool reuses them across threads.
        JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
        return JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("autogen-python-datetimes").addSerializer(Instant.class, new PythonInstantSerializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, textual -> textual
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    /**
     * Reads one whole JSON document, refusing content after its first value (a second object, stray
     * text), which the mapper's own {@code readTree} ignores. The entry point for JSON a user wrote:
     * configs, states.
     *
     * @throws JsonProcessingException naming the line and column of what is wrong
     */
    public static JsonNode readDocument(String json) throws JsonProcessingException {
        return SHARED.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json);
    }

    /**
     * The shared mapper used by the library. Treat it as read-only: reconfiguring it would change
     * the JSON of every component; use {@link #newObjectMapper()} for a mapper of your own.
     */
    public static ObjectMapper mapper() {
        return SHARED;
    }
}
