package dev.autogen.core.serialization;

import java.util.concurrent.ConcurrentHashMap;

/** Placeholder until the serialization registry lands. */
public final class SerializationRegistry {
    private final ConcurrentHashMap<String, MessageSerializer<?>> serializers = new ConcurrentHashMap<>();

    public void add(MessageSerializer<?>... toAdd) {
        for (MessageSerializer<?> s : toAdd) {
            serializers.putIfAbsent(s.typeName() + "|" + s.dataContentType(), s);
        }
    }
}
