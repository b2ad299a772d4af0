package dev.autogen.ext.documents;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.memory.Memory;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.memory.MemoryQueryResult;
import dev.autogen.core.memory.UpdateContextResult;
import dev.autogen.core.model_context.ChatCompletionContext;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A memory that answers from a set of documents: at its first use it indexes its sources (files and
 * folders, or {@code classpath:} resources) into the memory it wraps with a {@link DocumentIndexer},
 * then every query goes to that memory. It makes retrieval-augmented generation a matter of config: an
 * agent given this memory sees the chunks closest to the conversation before each model call, shown in
 * the run as a {@code MemoryQueryEvent}.
 *
 * <!-- java-context: import dev.autogen.ext.memory.lucene.LuceneVectorMemory;
 *      import dev.autogen.ext.memory.lucene.EmbeddingFunction; import java.nio.file.Path; EmbeddingFunction embeddings; -->
 * <pre>{@code
 * var index = LuceneVectorMemory.builder(embeddings).inMemory(true).k(3).build();
 * var handbook = DocumentMemory.builder(DocumentIndexer.builder(index).chunkSize(800).build())
 *         .source("docs/handbook").build();
 * // AssistantAgent.builder("assistant", model).memory(handbook) ...
 * }</pre>
 *
 * <p>Indexing happens once per instance, before the first query (a build or a config check indexes
 * nothing). With an indexer that keeps a {@linkplain DocumentIndexer.Builder#manifest manifest} and a
 * persistent memory, a restart skips the files already indexed and re-indexes only changed ones.
 * Thread-safe.
 */
public final class DocumentMemory implements Memory, Component<DocumentMemoryConfig> {
    /** The provider string of this component. */
    public static final String PROVIDER = "dev.autogen.ext.documents.DocumentMemory";
    /** The prefix of a source among the application's resources. */
    public static final String CLASSPATH = "classpath:";

    private static final Logger LOG = LoggerFactory.getLogger(DocumentMemory.class);
    private static final Provider COMPONENT_PROVIDER = new Provider();

    private final DocumentIndexer indexer;
    private final List<String> sources;
    private final ReentrantLock indexLock = new ReentrantLock();
    private volatile @Nullable List<DocumentIndexer.Result> indexed;

    private DocumentMemory(Builder builder) {
        this.indexer = builder.indexer;
        this.sources = List.copyOf(builder.sources);
    }

    /**
     * Starts a document memory that indexes with {@code indexer} (its chunking and manifest) and queries
     * the indexer's memory.
     */
    public static Builder builder(DocumentIndexer indexer) {
        return new Builder(indexer);
    }

    /** {@link #builder(DocumentIndexer)} with an indexer of default chunks (1,000 characters, 100 shared) into {@code memory}. */
    public static Builder builder(Memory memory) {
        return new Builder(DocumentIndexer.builder(memory).build());
    }

    /** The memory the documents go into. */
    public Memory memory() {
        return indexer.memory();
    }

    /**
     * Indexes the sources now if that was not done yet, and returns what each source's indexing did.
     *
     * @throws IllegalArgumentException if a source is gone
     * @throws java.util.concurrent.CancellationException if the token is cancelled; the next use goes on
     */
    public List<DocumentIndexer.Result> index(CancellationToken cancellationToken) {
        List<DocumentIndexer.Result> done = indexed;
        if (done != null) {
            return done;
        }
        indexLock.lock();
        try {
            if (indexed == null) {
                List<DocumentIndexer.Result> results = new ArrayList<>();
                for (String source : sources) {
                    results.add(indexSource(source, cancellationToken));
                }
                indexed = List.copyOf(results);
            }
            return indexed;
        } finally {
            indexLock.unlock();
        }
    }

    private DocumentIndexer.Result indexSource(String source, CancellationToken token) {
        try (SourcePath path = SourcePath.resolve(source)) {
            DocumentIndexer.Result result = indexer.index(path.path(), token);
            LOG.debug("memory '{}': {} gave {} chunk(s) from {} new and {} changed file(s); skipped {}", name(), source,
                    result.chunksAdded(), result.filesAdded(), result.filesUpdated(), result.skipped());
            for (String skipped : result.skipped()) {
                LOG.warn("memory '{}' left out {}", name(), skipped);
            }
            return result;
        }
    }

    @Override
    public String name() {
        return memory().name();
    }

    @Override
    public UpdateContextResult updateContext(ChatCompletionContext modelContext) {
        index(new CancellationToken());
        return memory().updateContext(modelContext);
    }

    @Override
    public MemoryQueryResult query(MemoryContent query, CancellationToken cancellationToken) {
        index(cancellationToken);
        return memory().query(query, cancellationToken);
    }

    /** Adds {@code content} to the wrapped memory beside the documents. */
    @Override
    public void add(MemoryContent content, CancellationToken cancellationToken) {
        memory().add(content, cancellationToken);
    }

    @Override
    public void addAll(List<MemoryContent> contents, CancellationToken cancellationToken) {
        memory().addAll(contents, cancellationToken);
    }

    /** Empties the wrapped memory and forgets the manifest, so the next use indexes every source again. */
    @Override
    public void clear() {
        indexLock.lock();
        try {
            memory().clear();
            indexer.forgetAll();
            indexed = null;
        } finally {
            indexLock.unlock();
        }
    }

    @Override
    public void close() {
        memory().close();
    }

    @Override
    public DocumentMemoryConfig toConfig() {
        return new DocumentMemoryConfig(memory().dumpComponent(), sources, indexer.chunker().size(),
                indexer.chunker().overlap(), indexer.manifest().map(Path::toString).orElse(null));
    }

    @Override
    public ComponentProvider<?, DocumentMemoryConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /** A source as a path, with the resource file system it needed (closed after indexing). */
    private record SourcePath(Path path, @Nullable FileSystem opened) implements AutoCloseable {
        static SourcePath resolve(String source) {
            if (!source.startsWith(CLASSPATH)) {
                Path path = Path.of(source);
                if (!Files.exists(path)) {
                    throw new IllegalArgumentException("nothing to index at '" + source + "': no such file or folder");
                }
                return new SourcePath(path, null);
            }
            String name = source.substring(CLASSPATH.length()).replaceAll("^/+", "");
            URL url = resource(name);
            if (url == null) {
                throw new IllegalArgumentException("nothing to index at '" + source + "': no such resource on the"
                        + " class path");
            }
            try {
                URI uri = url.toURI();
                try {
                    return new SourcePath(Path.of(uri), null);
                } catch (FileSystemNotFoundException e) {
                    FileSystem archive = FileSystems.newFileSystem(uri, Map.of());
                    return new SourcePath(archive.provider().getPath(uri), archive);
                }
            } catch (URISyntaxException | IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read '" + source + "' (" + url + "): " + e.getMessage(), e);
            }
        }

        private static @Nullable URL resource(String name) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            URL url = loader == null ? null : loader.getResource(name);
            return url != null ? url : DocumentMemory.class.getClassLoader().getResource(name);
        }

        @Override
        public void close() {
            if (opened != null) {
                try {
                    opened.close();
                } catch (IOException e) {
                    LOG.debug("closing {} failed", opened, e);
                }
            }
        }
    }

    /** Options of a {@link DocumentMemory}. */
    public static final class Builder {
        private final DocumentIndexer indexer;
        private final List<String> sources = new ArrayList<>();

        private Builder(DocumentIndexer indexer) {
            this.indexer = Objects.requireNonNull(indexer, "indexer");
        }

        /** Adds a file or folder to index. */
        public Builder source(Path fileOrFolder) {
            sources.add(fileOrFolder.toString());
            return this;
        }

        /** Adds a file or folder to index: a path, or {@code classpath:NAME} for one of the application's resources. */
        public Builder source(String fileOrFolder) {
            sources.add(Objects.requireNonNull(fileOrFolder, "fileOrFolder"));
            return this;
        }

        /** @throws IllegalArgumentException without a source, or for a source that does not exist */
        public DocumentMemory build() {
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("a document memory needs at least one source to index");
            }
            for (String source : sources) {
                SourcePath.resolve(source).close();
            }
            return new DocumentMemory(this);
        }
    }

    /** Loads and dumps {@value #PROVIDER} configs; registered through {@code META-INF/services}. */
    public static final class Provider extends AbstractComponentProvider<DocumentMemory, DocumentMemoryConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.MEMORY, DocumentMemory.class, DocumentMemoryConfig.class,
                    "A memory that indexes documents into another memory and answers from them.");
        }

        @Override
        public DocumentMemory fromConfig(DocumentMemoryConfig config, ComponentContext context) {
            if (config.sources().isEmpty()) {
                throw context.invalid("sources", "at least one file, folder or classpath: resource to index is required");
            }
            Memory memory = context.load(config.memory(), Memory.class, "memory");
            try {
                DocumentIndexer.Builder indexer = DocumentIndexer.builder(memory);
                if (config.chunkSize() != null) {
                    indexer.chunkSize(config.chunkSize());
                }
                if (config.overlap() != null) {
                    indexer.overlap(config.overlap());
                }
                if (config.manifest() != null) {
                    indexer.manifest(Path.of(config.manifest()));
                }
                Builder builder = builder(indexer.build());
                config.sources().forEach(builder::source);
                return builder.build();
            } catch (IllegalArgumentException e) {
                memory.close();
                throw context.invalid("", e.getMessage());
            }
        }
    }
}
