package dev.autogen.core.utils;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A list that only grows (or is cleared) and hands out immutable snapshots in constant time: a
 * conversation that every model call and speaker selection reads whole, without copying it each time.
 * A snapshot sees the elements present when it was taken and never changes; later additions and
 * {@link #clear()} leave it alone. Not thread-safe: guard it as any list; a snapshot, once published,
 * may be read from any thread.
 *
 * <pre>{@code
 * var thread = new AppendOnlyList<String>();
 * thread.add("hello");
 * List<String> seen = thread.snapshot();   // ["hello"], O(1)
 * thread.add("world");                      // seen is still ["hello"]
 * }</pre>
 *
 * @param <E> the element type
 */
public final class AppendOnlyList<E> extends AbstractList<E> implements RandomAccess {
    private static final Object[] EMPTY = {};

    private Object[] elements = EMPTY;
    private int size;

    public AppendOnlyList() {
    }

    public AppendOnlyList(Collection<? extends E> initial) {
        addAll(initial);
    }

    @Override
    public boolean add(E element) {
        Objects.requireNonNull(element, "element");
        if (size == elements.length) {
            elements = Arrays.copyOf(elements, Math.max(8, size * 2));
        }
        elements[size++] = element;
        return true;
    }

    @Override
    public boolean addAll(Collection<? extends E> added) {
        for (E element : added) {
            add(element);
        }
        return !added.isEmpty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) elements[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** Empties the list; snapshots taken before keep their elements. */
    @Override
    public void clear() {
        elements = EMPTY;
        size = 0;
    }

    /** The elements now, as an immutable list that later changes do not reach. Constant time. */
    public List<E> snapshot() {
        return size == 0 ? List.of() : new Snapshot<>(elements, size);
    }

    /**
     * {@code list} itself when it cannot change (a snapshot or a JDK immutable list), else an immutable
     * copy: {@link List#copyOf} that knows snapshots.
     */
    public static <T> List<T> immutable(List<? extends T> list) {
        if (isSnapshot(list)) {
            @SuppressWarnings("unchecked")
            List<T> same = (List<T>) list;
            return same;
        }
        return List.copyOf(list);
    }

    /** Whether {@code list} is a snapshot (or one with an element put first), which never changes. */
    public static boolean isSnapshot(List<?> list) {
        return list instanceof Snapshot<?> || list instanceof Prefixed<?>;
    }

    /**
     * Whether {@code later} is known, in constant time, to hold all of {@code earlier} first: both are
     * snapshots of one list (with the same element put first, if any) and {@code later} is at least as
     * long. False means "not known", not "no": look at the elements then.
     */
    public static boolean extendsSnapshot(List<?> later, List<?> earlier) {
        if (earlier.isEmpty()) {
            return true;
        }
        if (later instanceof Prefixed<?> laterPrefixed && earlier instanceof Prefixed<?> earlierPrefixed) {
            return laterPrefixed.first == earlierPrefixed.first
                    && extendsSnapshot(laterPrefixed.rest, earlierPrefixed.rest);
        }
        return later instanceof Snapshot<?> laterSnapshot && earlier instanceof Snapshot<?> earlierSnapshot
                && laterSnapshot.elements == earlierSnapshot.elements && laterSnapshot.size >= earlierSnapshot.size;
    }

    /**
     * {@code first} followed by {@code rest}, immutable; constant time when {@code rest} is a snapshot
     * (a system message before a model context's history, say).
     */
    public static <T> List<T> withFirst(T first, List<? extends T> rest) {
        Objects.requireNonNull(first, "first");
        if (rest instanceof Snapshot<? extends T> snapshot) {
            return new Prefixed<>(first, snapshot);
        }
        Object[] all = new Object[rest.size() + 1];
        all[0] = first;
        int i = 1;
        for (T element : rest) {
            all[i++] = element;
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) List.of(all);
        return list;
    }

    /** A fixed view of the first {@code size} slots of an array no one writes below {@code size} again. */
    private static final class Snapshot<E> extends AbstractList<E> implements RandomAccess {
        private final Object[] elements;
        private final int size;

        Snapshot(Object[] elements, int size) {
            this.elements = elements;
            this.size = size;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E get(int index) {
            Objects.checkIndex(index, size);
            return (E) elements[index];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Object[] toArray() {
            return Arrays.copyOf(elements, size);
        }
    }

    /** An element followed by a snapshot. */
    private static final class Prefixed<E> extends AbstractList<E> implements RandomAccess {
        private final E first;
        private final Snapshot<? extends E> rest;

        Prefixed(E first, Snapshot<? extends E> rest) {
            this.first = first;
            this.rest = rest;
        }

        @Override
        public E get(int index) {
            Objects.checkIndex(index, size());
            return index == 0 ? first : rest.get(index - 1);
        }

        @Override
        public int size() {
            return rest.size() + 1;
        }
    }
}
