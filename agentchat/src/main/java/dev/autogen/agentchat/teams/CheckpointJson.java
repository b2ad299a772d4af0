package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.util.IdentityHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes the JSON of a checkpoint's states in one pass, from the state records themselves rather than
 * from their {@code saveState()} maps, and writes each message's JSON only once: a message is immutable,
 * so its JSON, made the first time a checkpoint holds it, is reused while later checkpoints still hold
 * it (a history grows by a few messages per turn). One instance per owner (a container, a manager),
 * used from its one thread; the JSON is exactly what the shared mapper writes for the same values.
 */
final class CheckpointJson {
    private static final ObjectMapper MAPPER = AutogenJson.newObjectMapper().registerModule(new SimpleModule(
            "autogen-checkpoint-message-json")
            .addSerializer(BaseMessage.class, new CachedSerializer<>())
            .addSerializer(LLMMessage.class, new CachedSerializer<>()));

    /**
     * The JSON of the messages written by the last pass, and of those written by the current one; made at
     * the first checkpoint, since every team has one of these per container and manager, durable or not.
     */
    private @Nullable IdentityHashMap<Object, String> previous;
    private @Nullable IdentityHashMap<Object, String> current;

    /** {@code value} as compact JSON, its messages from the cache. Call {@link #endPass()} after each checkpoint. */
    String write(Object value) {
        try {
            return MAPPER.writer().withAttribute(CheckpointJson.class, this).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("state cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Forgets the messages the checkpoint just written no longer holds. */
    void endPass() {
        IdentityHashMap<Object, String> done = previous;
        previous = current;
        if (done != null) {
            done.clear();
        }
        current = done;
    }

    private String json(Object message) throws JsonProcessingException {
        IdentityHashMap<Object, String> now = current;
        if (now == null) {
            now = new IdentityHashMap<>();
            current = now;
        }
        IdentityHashMap<Object, String> before = previous;
        String json = now.get(message);
        if (json == null) {
            json = before == null ? null : before.get(message);
            if (json == null) {
                json = AutogenJson.mapper().writeValueAsString(message);
            }
            now.put(message, json);
        }
        return json;
    }

    /** A message as its cached JSON (which already holds its {@code "type"}). */
    private static final class CachedSerializer<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            Object owner = provider.getAttribute(CheckpointJson.class);
            generator.writeRawValue(owner instanceof CheckpointJson cache ? cache.json(value)
                    : AutogenJson.mapper().writeValueAsString(value));
        }

        @Override
        public void serializeWithType(T value, JsonGenerator generator, SerializerProvider provider,
                TypeSerializer typeSerializer) throws IOException {
            serialize(value, generator, provider);
        }
    }
}
