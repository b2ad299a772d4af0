package dev.autogen.ext.memory.lucene;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Builds the {@link EmbeddingFunction} an {@link EmbeddingFunctionConfig} describes. */
public final class EmbeddingFunctions {
    /** The modules that add an in-process model, to name in messages. */
    static final String MINILM_MODULE = "autogen-ext-embeddings-minilm";

    private static final List<EmbeddingFunctionProvider> PROVIDERS = ServiceLoader
            .load(EmbeddingFunctionProvider.class, EmbeddingFunctions.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get).toList();

    private EmbeddingFunctions() {
    }

    /** The provider on the class path that builds {@code functionType}, if any. */
    static Optional<EmbeddingFunctionProvider> provider(String functionType) {
        return PROVIDERS.stream().filter(p -> p.functionTypes().contains(functionType)).findFirst();
    }

    /**
     * The function {@code config} describes, reading unset API keys and hosts from {@code environment}.
     *
     * @throws IllegalArgumentException for an unknown {@code function_type} or one that cannot run in
     *     Java, naming what to use instead
     */
    public static EmbeddingFunction create(EmbeddingFunctionConfig config, Map<String, String> environment) {
        if (!List.of("openai", "ollama", "hashing").contains(config.functionType())) {
            Optional<EmbeddingFunctionProvider> provider = provider(config.functionType());
            if (provider.isPresent()) {
                return provider.get().create(config, environment);
            }
        }
        return switch (config.functionType()) {
            case "openai" -> {
                var builder = OpenAIEmbeddingFunction.builder(config.modelName() == null
                        ? EmbeddingFunctionConfig.OPENAI_DEFAULT_MODEL : config.modelName()).environment(environment);
                if (config.apiKeyInClear() != null) {
                    builder.apiKey(config.apiKeyInClear());
                }
                if (config.baseUrl() != null) {
                    builder.baseUrl(config.baseUrl());
                }
                if (config.dimensions() != null) {
                    builder.dimensions(config.dimensions());
                }
                yield builder.build();
            }
            case "ollama" -> {
                if (config.modelName() == null) {
                    throw new IllegalArgumentException("function_type 'ollama' needs a model_name, e.g. 'nomic-embed-text'");
                }
                var builder = OllamaEmbeddingFunction.builder(config.modelName()).environment(environment);
                if (config.host() != null) {
                    builder.host(config.host());
                }
                yield builder.build();
            }
            case "hashing" -> new HashingEmbeddingFunction(config.dimensions() == null
                    ? HashingEmbeddingFunction.DEFAULT_DIMENSIONS : config.dimensions());
            case "default", "sentence_transformer" -> throw new IllegalArgumentException("function_type '"
                    + config.functionType() + "' is a Sentence Transformers model that Python's ChromaDB runs in"
                    + " Python; add the module " + MINILM_MODULE + " to run all-MiniLM-L6-v2 in process, or use"
                    + " function_type 'openai' (any OpenAI-compatible /v1/embeddings server, with base_url) or 'ollama'"
                    + " (e.g. model_name 'all-minilm' for the same all-MiniLM-L6-v2)");
            case "custom" -> throw new IllegalArgumentException("function_type 'custom' names a Python callable, which"
                    + " cannot run in Java; pass your EmbeddingFunction to LuceneVectorMemory.builder in code, or use"
                    + " function_type 'openai' or 'ollama'");
            default -> throw new IllegalArgumentException("unknown function_type '" + config.functionType()
                    + "'; expected 'openai', 'ollama' or 'hashing'");
        };
    }
}
