package dev.autogen.ext.opentelemetry.internal;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Carries a trace context in a message's metadata map, as Python's envelope metadata carries
 * {@code traceparent} and {@code tracestate} (W3C trace context with the default propagator).
 */
final class MetadataPropagation {
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final TextMapPropagator propagator;

    MetadataPropagation(TextMapPropagator propagator) {
        this.propagator = propagator;
    }

    /** Writes {@code context}'s span into {@code metadata}, replacing what an earlier message left there. */
    void inject(Context context, Map<String, String> metadata) {
        propagator.inject(context, metadata, (carrier, key, value) -> carrier.put(key, value));
    }

    /** The context a message's metadata carries; the root context when it carries none. */
    Context extract(Map<String, String> metadata) {
        return metadata.isEmpty() ? Context.root() : propagator.extract(Context.root(), metadata, GETTER);
    }
}
