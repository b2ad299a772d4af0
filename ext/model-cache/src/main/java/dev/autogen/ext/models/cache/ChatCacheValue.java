package dev.autogen.ext.models.cache;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ChatCompletionCache} keeps under one key, Python's {@code CHAT_CACHE_VALUE_TYPE}:
 * the {@link CreateResult} of a {@code create} call, or every item of a {@code create_stream} call
 * (text chunks, then the result). Its JSON form is Python's: the result object, or an array of
 * strings ending with the result object, so a store shared with Python AutoGen (Redis) serves both.
 *
 * <!-- java-context: import dev.autogen.core.cache.CacheStore; import dev.autogen.core.cache.InMemoryStore;
 *      import dev.autogen.core.models.ChatCompletionClient; ChatCompletionClient client; -->
 * <pre>{@code
 * CacheStore<ChatCacheValue> store = new InMemoryStore<>();
 * var cache = new ChatCompletionCache(client, store);
 * }</pre>
 */
@JsonDeserialize(using = ChatCacheValue.Deserializer.class)
public sealed interface ChatCacheValue permits ChatCacheValue.Result, ChatCacheValue.Streamed {

    /**
     * The result of a {@code create} call.
     *
     * @param result the model's result, as the underlying client returned it
     */
    record Result(CreateResult result) implements ChatCacheValue {
        public Result {
            Objects.requireNonNull(result, "result");
        }

        @JsonValue
        CreateResult json() {
            return result;
        }
    }

    /**
     * The items of a {@code create_stream} call, in order; the last is normally the {@link CreateResult}.
     *
     * @param items the chunks and the result
     */
    record Streamed(List<CreateStreamItem> items) implements ChatCacheValue {
        public Streamed {
            items = List.copyOf(items);
        }

        /** The last {@link CreateResult} among the items, if any. */
        public Optional<CreateResult> result() {
            for (int i = items.size() - 1; i >= 0; i--) {
                if (items.get(i) instanceof CreateResult r) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }

        @JsonValue
        List<Object> json() {
            List<Object> out = new ArrayList<>(items.size());
            for (CreateStreamItem item : items) {
                out.add(switch (item) {
                    case ChatCompletionChunk c -> c.content();
                    case CreateResult r -> r;
                });
            }
            return out;
        }
    }

    /**
     * Reads what a store returned: a {@link ChatCacheValue}, a bare {@link CreateResult}, a list of
     * strings and results, or their JSON form (a JSON string, a Jackson tree, or maps and lists, as
     * a store without a value type returns). Anything else is empty, a cache miss, as in Python.
     */
    static Optional<ChatCacheValue> fromStored(Object stored) {
        ObjectMapper mapper = AutogenJson.mapper();
        try {
            return Optional.ofNullable(switch (stored) {
                case ChatCacheValue v -> v;
                case CreateResult r -> new Result(r);
                case String json -> mapper.readValue(json, ChatCacheValue.class);
                case JsonNode tree -> mapper.treeToValue(tree, ChatCacheValue.class);
                case List<?> list -> fromList(list, mapper);
                case Map<?, ?> map -> mapper.convertValue(map, ChatCacheValue.class);
                default -> null;
            });
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ChatCacheValue fromList(List<?> list, ObjectMapper mapper) {
        List<CreateStreamItem> items = new ArrayList<>(list.size());
        for (Object item : list) {
            items.add(switch (item) {
                case CreateStreamItem i -> i;
                case String s -> new ChatCompletionChunk(s);
                default -> mapper.convertValue(item, CreateResult.class);
            });
        }
        return new Streamed(items);
    }

    /** Reads Python's JSON form: an object is a result, an array is streamed items. */
    final class Deserializer extends StdDeserializer<ChatCacheValue> {
        Deserializer() {
            super(ChatCacheValue.class);
        }

        @Override
        public ChatCacheValue deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = p.readValueAsTree();
            if (tree == null || tree.isNull()) {
                return null;
            }
            if (tree.isObject()) {
                return new Result(ctxt.readTreeAsValue(tree, CreateResult.class));
            }
            if (tree.isArray()) {
                List<CreateStreamItem> items = new ArrayList<>(tree.size());
                for (JsonNode item : tree) {
                    if (item.isTextual()) {
                        items.add(new ChatCompletionChunk(item.textValue()));
                    } else if (item.isObject()) {
                        items.add(ctxt.readTreeAsValue(item, CreateResult.class));
                    } else {
                        return (ChatCacheValue) ctxt.handleUnexpectedToken(ChatCacheValue.class, p.currentToken(), p,
                                "a cached stream item must be a string or a CreateResult object, got %s", item);
                    }
                }
                return new Streamed(items);
            }
            return (ChatCacheValue) ctxt.handleUnexpectedToken(ChatCacheValue.class, p.currentToken(), p,
                    "a cached chat value must be a CreateResult object or an array of stream items, got %s", tree);
        }
    }
}
