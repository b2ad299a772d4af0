package dev.autogen.core.serialization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The serializers a runtime knows, keyed by (type name, content type), the counterpart of Python's
 * {@code SerializationRegistry}. Deserializing an unknown pair yields an {@link UnknownPayload}
 * rather than failing, so messages from other languages' agents are still delivered. Safe for
 * concurrent use.
 *
 * <!-- java-context: import static dev.autogen.core.serialization.SerializationConstants.JSON_DATA_CONTENT_TYPE;
 *      record AskQuestion(String question, int maxWords) {} AskQuestion question; -->
 * <pre>{@code
 * var registry = new SerializationRegistry();
 * registry.add(JsonMessageSerializer.of(AskQuestion.class));
 * byte[] bytes = registry.serialize(question, registry.typeName(question), JSON_DATA_CONTENT_TYPE);
 * Object back = registry.deserialize(bytes, "AskQuestion", JSON_DATA_CONTENT_TYPE);
 * }</pre>
 */
public final class SerializationRegistry {
    private record Key(String typeName, String dataContentType) {
    }

    /** The serializers added one by one; made at the first, since most registries only use bundles. */
    private record Own(ConcurrentHashMap<Key, MessageSerializer<?>> serializers,
            ConcurrentHashMap<Class<?>, String> typeNames) {
    }

    private volatile @Nullable Own own;
    /** Shared sets consulted after this registry's own serializers, newest first. */
    private volatile List<Bundle> bundles = List.of();

    /**
     * An immutable set of serializers that many registries use without copying it (see
     * {@link #add(Bundle)}): a library that registers the same dozen serializers on every runtime it
     * creates (a team does, on its own runtime) builds one bundle once instead of a dozen map entries
     * per runtime.
     */
    public static final class Bundle {
        private final Map<Key, MessageSerializer<?>> serializers;
        private final Map<Class<?>, String> typeNames;
        private final List<MessageSerializer<?>> all;

        private Bundle(List<MessageSerializer<?>> all) {
            this.all = all;
            Map<Key, MessageSerializer<?>> byKey = new HashMap<>();
            Map<Class<?>, String> names = new HashMap<>();
            for (MessageSerializer<?> serializer : all) {
                byKey.put(new Key(serializer.typeName(), serializer.dataContentType()), serializer);
                names.put(serializer.type(), serializer.typeName());
            }
            this.serializers = Map.copyOf(byKey);
            this.typeNames = Map.copyOf(names);
        }

        /** A bundle of {@code serializers}; a later one for the same (type name, content type) wins. */
        public static Bundle of(Collection<? extends MessageSerializer<?>> serializers) {
            List<MessageSerializer<?>> all = new ArrayList<>();
            for (MessageSerializer<?> serializer : serializers) {
                all.add(Objects.requireNonNull(serializer, "serializer"));
            }
            return new Bundle(List.copyOf(all));
        }

        /** The serializers, in the order given. */
        public List<MessageSerializer<?>> serializers() {
            return all;
        }
    }

    /** Creates an empty registry. */
    public SerializationRegistry() {
    }

    /**
     * Adds serializers; one added for a (type name, content type) pair that is already known
     * replaces the earlier one, as in Python.
     */
    public void add(MessageSerializer<?>... toAdd) {
        for (MessageSerializer<?> serializer : toAdd) {
            add(serializer);
        }
    }

    /** Adds serializers; see {@link #add(MessageSerializer...)}. */
    public void add(Collection<? extends MessageSerializer<?>> toAdd) {
        for (MessageSerializer<?> serializer : toAdd) {
            add(serializer);
        }
    }

    /**
     * Uses a shared bundle: its serializers are known to this registry from now on without being
     * copied into it. A serializer added to the registry itself for the same (type name, content type)
     * takes precedence over the bundle's.
     */
    public void add(Bundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        synchronized (this) {
            if (bundles.contains(bundle)) {
                return;
            }
            List<Bundle> updated = new ArrayList<>(bundles.size() + 1);
            updated.add(bundle);
            updated.addAll(bundles);
            bundles = List.copyOf(updated);
        }
    }

    private @Nullable MessageSerializer<?> find(Key key) {
        Own added = own;
        MessageSerializer<?> found = added == null ? null : added.serializers().get(key);
        if (found != null) {
            return found;
        }
        for (Bundle bundle : bundles) {
            MessageSerializer<?> shared = bundle.serializers.get(key);
            if (shared != null) {
                return shared;
            }
        }
        return null;
    }

    private void add(MessageSerializer<?> serializer) {
        Objects.requireNonNull(serializer, "serializer");
        Own added = own;
        if (added == null) {
            synchronized (this) {
                added = own;
                if (added == null) {
                    added = new Own(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
                    own = added;
                }
            }
        }
        added.serializers().put(new Key(serializer.typeName(), serializer.dataContentType()), serializer);
        added.typeNames().put(serializer.type(), serializer.typeName());
    }

    /** Whether a serializer is registered for the pair. */
    public boolean isRegistered(String typeName, String dataContentType) {
        return find(new Key(typeName, dataContentType)) != null;
    }

    /**
     * Serializes a message with the serializer registered for the pair. An {@link UnknownPayload}
     * under its own pair is passed on as the bytes it arrived with, so agents can relay messages
     * they cannot decode.
     *
     * @throws IllegalArgumentException if no serializer is registered for the pair, or the message
     *     is not of the serializer's type
     */
    public byte[] serialize(Object message, String typeName, String dataContentType) {
        Objects.requireNonNull(message, "message");
        MessageSerializer<?> serializer = find(new Key(typeName, dataContentType));
        if (serializer == null && message instanceof UnknownPayload unknown
                && unknown.typeName().equals(typeName) && unknown.dataContentType().equals(dataContentType)) {
            return unknown.payload();
        }
        if (serializer == null) {
            throw new IllegalArgumentException("unknown type " + typeName + " with content type " + dataContentType
                    + ": add a serializer for it (e.g. JsonMessageSerializer.of(" + message.getClass().getSimpleName()
                    + ".class))");
        }
        return serializeWith(serializer, message);
    }

    private static <T> byte[] serializeWith(MessageSerializer<T> serializer, Object message) {
        if (!serializer.type().isInstance(message)) {
            throw new IllegalArgumentException("the serializer for " + serializer.typeName() + " handles "
                    + serializer.type().getName() + ", not " + message.getClass().getName());
        }
        return serializer.serialize(serializer.type().cast(message));
    }

    /**
     * Deserializes a payload with the serializer registered for the pair, or wraps it in an
     * {@link UnknownPayload} when there is none.
     *
     * @throws IllegalArgumentException if the registered serializer rejects the payload
     */
    public Object deserialize(byte[] payload, String typeName, String dataContentType) {
        Objects.requireNonNull(payload, "payload");
        MessageSerializer<?> serializer = find(new Key(typeName, dataContentType));
        if (serializer == null) {
            return new UnknownPayload(typeName, dataContentType, payload);
        }
        return serializer.deserialize(payload);
    }

    /**
     * The name a message travels under: the name its class was registered with, otherwise its
     * simple class name (Python uses the class {@code __name__}). An {@link UnknownPayload} keeps
     * the name it arrived with.
     */
    public String typeName(Object message) {
        Objects.requireNonNull(message, "message");
        if (message instanceof UnknownPayload unknown) {
            return unknown.typeName();
        }
        Own added = own;
        String registered = added == null ? null : added.typeNames().get(message.getClass());
        if (registered != null) {
            return registered;
        }
        for (Bundle bundle : bundles) {
            String shared = bundle.typeNames.get(message.getClass());
            if (shared != null) {
                return shared;
            }
        }
        String simpleName = message.getClass().getSimpleName();
        return simpleName.isEmpty() ? message.getClass().getName() : simpleName;
    }
}
