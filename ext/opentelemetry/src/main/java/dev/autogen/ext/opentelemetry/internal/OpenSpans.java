package dev.autogen.ext.opentelemetry.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.jspecify.annotations.Nullable;

/**
 * The spans started and not yet ended, by the key their end callback will name. A key may be open
 * more than once (the same message object sent twice to one agent); the last one opened ends first.
 */
final class OpenSpans<K> {
    private final ConcurrentHashMap<K, Deque<Open>> open = new ConcurrentHashMap<>();

    /**
     * A started span, current on {@code thread} through {@code scope} when it has one, started at
     * {@code startNanos} ({@link System#nanoTime()}).
     */
    record Open(Span span, @Nullable Scope scope, Thread thread, long startNanos) {
        /** Leaves the span's scope if this is the thread that entered it; the span itself stays open. */
        void leave() {
            if (scope != null && Thread.currentThread() == thread) {
                scope.close();
            }
        }
    }

    void push(K key, Span span, @Nullable Scope scope) {
        Open entry = new Open(span, scope, Thread.currentThread(), System.nanoTime());
        open.compute(key, (k, spans) -> {
            Deque<Open> list = spans != null ? spans : new ConcurrentLinkedDeque<>();
            list.push(entry);
            return list;
        });
    }

    /** Removes and returns the latest span opened under {@code key}, or null if none is open. */
    @Nullable Open pop(K key) {
        Open[] taken = new Open[1];
        open.computeIfPresent(key, (k, spans) -> {
            taken[0] = spans.poll();
            return spans.isEmpty() ? null : spans;
        });
        return taken[0];
    }

    /** The latest span opened under {@code key}, or null. */
    @Nullable Span peek(K key) {
        Deque<Open> spans = open.get(key);
        if (spans == null) {
            return null;
        }
        Open top = spans.peek();
        return top == null ? null : top.span();
    }
}
