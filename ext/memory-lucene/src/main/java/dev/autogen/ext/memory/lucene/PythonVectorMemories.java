package dev.autogen.ext.memory.lucene;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
import org.jspecify.annotations.Nullable;

/**
 * Stands in for Python's vector memories that need a Python client (ChromaDB, Redis), so that a
 * Python config naming one fails with a message pointing to {@link LuceneVectorMemory} instead of
 * "unknown provider". Never instantiated: its providers only refuse (it is a {@link Memory} only so
 * that the loader, which checks the type first, reaches them).
 */
public final class PythonVectorMemories implements Memory, Component<PythonVectorMemories.Config> {
    /** Python's ChromaDB memory (persistent and HTTP configs share it). */
    public static final String CHROMADB_PROVIDER = "autogen_ext.memory.chromadb.ChromaDBVectorMemory";
    /** Python's Redis memory, as it writes its provider. */
    public static final String REDIS_PROVIDER = "autogen_ext.memory.redis_memory.RedisMemory";

    private PythonVectorMemories() {
    }

    @Override
    public String name() {
        throw new UnsupportedOperationException("never instantiated");
    }

    @Override
    public UpdateContextResult updateContext(ChatCompletionContext modelContext) {
        throw new UnsupportedOperationException("never instantiated");
    }

    @Override
    public MemoryQueryResult query(MemoryContent query, CancellationToken cancellationToken) {
        throw new UnsupportedOperationException("never instantiated");
    }

    @Override
    public void add(MemoryContent content, CancellationToken cancellationToken) {
        throw new UnsupportedOperationException("never instantiated");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("never instantiated");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("never instantiated");
    }

    /** Never called. */
    @Override
    public Config toConfig() {
        throw new UnsupportedOperationException("never instantiated");
    }

    /** Never called. */
    @Override
    public ComponentProvider<?, Config> componentProvider() {
        throw new UnsupportedOperationException("never instantiated");
    }

    /**
     * The fields of a Python vector memory config the error message reuses; all others are ignored.
     *
     * @param collectionName Chroma's collection
     * @param persistencePath Chroma's folder
     * @param clientType Chroma's {@code persistent} or {@code http}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Config(@Nullable String collectionName, @Nullable String persistencePath, @Nullable String clientType) {
    }

    private abstract static class Refusing extends AbstractComponentProvider<PythonVectorMemories, Config> {
        private final String what;

        Refusing(String provider, String what, String... aliases) {
            super(provider, ComponentTypes.MEMORY, PythonVectorMemories.class, Config.class, what + " (Python only)");
            this.what = what;
            withAliases(aliases);
        }

        @Override
        public boolean isStandIn() {
            return true;
        }

        @Override
        public PythonVectorMemories fromConfig(Config config, ComponentContext context) {
            String message = what + " needs Python's " + clientName() + " client, which does not run in Java; use provider '"
                    + LuceneVectorMemory.PROVIDER + "' (module autogen-ext-memory-lucene), a vector memory in a local"
                    + " folder that takes the same config fields (collection_name, persistence_path, k, score_threshold,"
                    + " distance_metric, embedding_function_config)" + hint(config);
            throw context.invalid("", message);
        }

        abstract String clientName();

        String hint(Config config) {
            return "";
        }
    }

    /** Refuses {@value #CHROMADB_PROVIDER} configs, pointing to {@link LuceneVectorMemory}. */
    public static final class ChromaDBProvider extends Refusing {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public ChromaDBProvider() {
            super(CHROMADB_PROVIDER, "ChromaDBVectorMemory",
                    "autogen_ext.memory.chromadb.PersistentChromaDBVectorMemory",
                    "autogen_ext.memory.chromadb.HttpChromaDBVectorMemory",
                    "autogen_ext.memory.chromadb._chromadb.ChromaDBVectorMemory");
        }

        @Override
        String clientName() {
            return "chromadb";
        }

        @Override
        String hint(Config config) {
            if ("http".equals(config.clientType())) {
                return "; a ChromaDB server ('client_type': 'http') has no Java counterpart: the Lucene memory keeps"
                        + " its index in persistence_path";
            }
            return config.collectionName() == null ? "" : "; e.g. collection_name '" + config.collectionName() + "' keeps"
                    + " its index in " + (config.persistencePath() == null ? LuceneVectorMemory.DEFAULT_PATH
                    : config.persistencePath()) + "/" + config.collectionName() + " (a new index: Chroma's files are not read)";
        }
    }

    /** Refuses {@value #REDIS_PROVIDER} configs, pointing to {@link LuceneVectorMemory}. */
    public static final class RedisProvider extends Refusing {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public RedisProvider() {
            super(REDIS_PROVIDER, "RedisMemory", "autogen_ext.memory.redis.RedisMemory",
                    "autogen_ext.memory.redis._redis_memory.RedisMemory");
        }

        @Override
        String clientName() {
            return "redisvl";
        }
    }
}
