package dev.autogen.core.memory;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentBase;
import dev.autogen.core.model_context.ChatCompletionContext;
import java.util.List;

/**
 * A store of knowledge that enriches a model context, the counterpart of Python's {@code Memory}.
 * The store (a list, a vector database, files) and the retrieval (everything, text or vector
 * search) are the implementation's choice; so is how {@link #updateContext} puts what it found into
 * the context. An agent calls {@link #updateContext} before each model call.
 *
 * <!-- java-context: ChatCompletionContext modelContext; -->
 * <pre>{@code
 * Memory memory = new ListMemory();
 * memory.add(new MemoryContent("The user prefers metric units", MemoryMimeType.TEXT));
 * UpdateContextResult added = memory.updateContext(modelContext);
 * }</pre>
 *
 * <p>Implementations are thread-safe. Blocking calls are meant for virtual threads. Memories are
 * components ({@code component_type} {@code memory}): implement
 * {@link dev.autogen.core.component.Component} to make yours dumpable and loadable.
 */
public interface Memory extends ComponentBase, AutoCloseable {
    /** The name of this memory instance. */
    String name();

    /**
     * Adds what is relevant to the current context to {@code modelContext}.
     *
     * @return the items added
     */
    UpdateContextResult updateContext(ChatCompletionContext modelContext);

    /**
     * The entries relevant to {@code query}.
     *
     * @throws java.util.concurrent.CancellationException if the token is cancelled
     */
    MemoryQueryResult query(MemoryContent query, CancellationToken cancellationToken);

    /** {@link #query(MemoryContent, CancellationToken)} for a text query. */
    default MemoryQueryResult query(String query) {
        return query(new MemoryContent(query, MemoryMimeType.TEXT), new CancellationToken());
    }

    /**
     * Stores {@code content}.
     *
     * @throws java.util.concurrent.CancellationException if the token is cancelled
     */
    void add(MemoryContent content, CancellationToken cancellationToken);

    /** {@link #add(MemoryContent, CancellationToken)} without cancellation. */
    default void add(MemoryContent content) {
        add(content, new CancellationToken());
    }

    /**
     * Stores several entries; a memory that writes to disk may do it at once (one commit instead of one
     * per entry). By default, {@link #add(MemoryContent, CancellationToken)} for each.
     *
     * @throws java.util.concurrent.CancellationException if the token is cancelled
     */
    default void addAll(List<MemoryContent> contents, CancellationToken cancellationToken) {
        for (MemoryContent content : contents) {
            cancellationToken.throwIfCancelled();
            add(content, cancellationToken);
        }
    }

    /** Removes every entry. */
    void clear();

    /** Releases the memory's resources. */
    @Override
    void close();
}
