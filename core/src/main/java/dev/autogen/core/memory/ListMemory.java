package dev.autogen.core.memory;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.Image;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.model_context.ChatCompletionContext;
import dev.autogen.core.models.SystemMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A memory that keeps items in a list, in the order added, and puts all of them into the model
 * context, as Python's {@code ListMemory}. {@link #updateContext} appends one
 * {@link SystemMessage}:
 *
 * <pre>
 *
 * Relevant memory content (in chronological order):
 * 1. The user prefers metric units
 * 2. The user lives in Paris
 * </pre>
 *
 * <!-- java-context: import dev.autogen.core.model_context.BufferedChatCompletionContext; -->
 * <pre>{@code
 * var memory = new ListMemory("chat_history");
 * memory.add(new MemoryContent("The user prefers metric units", MemoryMimeType.TEXT));
 * var context = new BufferedChatCompletionContext(10);
 * memory.updateContext(context);
 * }</pre>
 *
 * <p>{@link #query} returns every item; the query is ignored. Thread-safe.
 */
public final class ListMemory implements DeletableMemory, Component<ListMemoryConfig> {
    /** The provider string of this component, as Python writes it. */
    public static final String PROVIDER = "autogen_core.memory.ListMemory";
    /** The description Python writes in this component's config. */
    public static final String DESCRIPTION = "Simple chronological list-based memory implementation.";
    /** The name used when none is given, as in Python. */
    public static final String DEFAULT_NAME = "default_list_memory";
    private static final Provider COMPONENT_PROVIDER = new Provider();

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private List<MemoryContent> contents;

    /** An empty memory named {@value #DEFAULT_NAME}. */
    public ListMemory() {
        this(null, null);
    }

    /** An empty memory called {@code name}. */
    public ListMemory(@Nullable String name) {
        this(name, null);
    }

    /**
     * @param name the name, or {@code null} for {@value #DEFAULT_NAME}
     * @param memoryContents items to start with, or {@code null} for none
     */
    public ListMemory(@Nullable String name, @Nullable List<MemoryContent> memoryContents) {
        this.name = name == null ? DEFAULT_NAME : name;
        this.contents = memoryContents == null ? new ArrayList<>() : new ArrayList<>(memoryContents);
    }

    /** This memory's component config. */
    @Override
    public ListMemoryConfig toConfig() {
        return new ListMemoryConfig(name, content());
    }

    @Override
    public String name() {
        return name;
    }

    /** A snapshot of the stored items, oldest first. */
    public List<MemoryContent> content() {
        lock.lock();
        try {
            return List.copyOf(contents);
        } finally {
            lock.unlock();
        }
    }

    /** Replaces the stored items. */
    public void setContent(List<MemoryContent> content) {
        Objects.requireNonNull(content, "content");
        lock.lock();
        try {
            contents = new ArrayList<>(content);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends all items to {@code modelContext} as one numbered {@link SystemMessage}; adds nothing
     * when the memory is empty.
     */
    @Override
    public UpdateContextResult updateContext(ChatCompletionContext modelContext) {
        List<MemoryContent> items = content();
        if (items.isEmpty()) {
            return new UpdateContextResult(new MemoryQueryResult(List.of()));
        }
        StringBuilder text = new StringBuilder("\nRelevant memory content (in chronological order):\n");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(i + 1).append(". ").append(pythonStr(items.get(i).content()));
        }
        text.append('\n');
        modelContext.addMessage(new SystemMessage(text.toString()));
        return new UpdateContextResult(new MemoryQueryResult(items));
    }

    /** Every stored item; the query is ignored. */
    @Override
    public MemoryQueryResult query(MemoryContent query, CancellationToken cancellationToken) {
        cancellationToken.throwIfCancelled();
        return new MemoryQueryResult(content());
    }

    @Override
    public void add(MemoryContent content, CancellationToken cancellationToken) {
        Objects.requireNonNull(content, "content");
        cancellationToken.throwIfCancelled();
        lock.lock();
        try {
            contents.add(content);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int deleteWhere(Map<String, ?> metadata) {
        if (metadata.isEmpty()) {
            throw new IllegalArgumentException("deleteWhere needs at least one metadata key; clear() removes everything");
        }
        lock.lock();
        try {
            int before = contents.size();
            contents = new ArrayList<>(contents.stream().filter(item -> !matches(item, metadata)).toList());
            return before - contents.size();
        } finally {
            lock.unlock();
        }
    }

    private static boolean matches(MemoryContent item, Map<String, ?> metadata) {
        Map<String, Object> own = item.metadata();
        return own != null && metadata.entrySet().stream()
                .allMatch(e -> own.containsKey(e.getKey()) && Objects.equals(own.get(e.getKey()), e.getValue()));
    }

    @Override
    public void clear() {
        lock.lock();
        try {
            contents = new ArrayList<>();
        } finally {
            lock.unlock();
        }
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }

    /** The text Python's {@code str()} gives for memory content, so the prompt reads the same. */
    static String pythonStr(Object content) {
        if (content instanceof String s) {
            return s;
        }
        return pythonRepr(content);
    }

    private static String pythonRepr(@Nullable Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof String s) {
            return quote(s, "");
        }
        if (value instanceof byte[] bytes) {
            return quote(new String(bytes, StandardCharsets.ISO_8859_1), "b");
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext();) {
                Map.Entry<?, ?> e = it.next();
                out.append(pythonRepr(e.getKey())).append(": ").append(pythonRepr(e.getValue()));
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i > 0 ? ", " : "").append(pythonRepr(list.get(i)));
            }
            return out.append(']').toString();
        }
        if (value instanceof Image image) {
            return image.toString();
        }
        return String.valueOf(value);
    }

    private static String quote(String s, String prefix) {
        char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
        StringBuilder out = new StringBuilder(prefix).append(q);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == q) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.append(q).toString();
    }

    @Override
    public ComponentProvider<?, ListMemoryConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /** Loads and dumps {@value #PROVIDER} configs; registered through {@code META-INF/services}. */
    public static final class Provider extends AbstractComponentProvider<ListMemory, ListMemoryConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.MEMORY, ListMemory.class, ListMemoryConfig.class, DESCRIPTION);
        }

        @Override
        public ListMemory fromConfig(ListMemoryConfig config, ComponentContext context) {
            return new ListMemory(config.name(), config.memoryContents());
        }
    }
}
