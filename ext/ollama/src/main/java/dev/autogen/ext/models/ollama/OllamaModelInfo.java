package dev.autogen.ext.models.ollama;

import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What common Ollama models can do and their context windows, as Python's
 * {@code autogen_ext.models.ollama._model_info} (extended with gemma3, llama4, gpt-oss and a few
 * more). A model is looked up by its name without the tag ({@code qwen2.5:14b} -> {@code qwen2.5});
 * context windows are looked up with the tag first. Every Ollama model supports JSON mode and
 * structured output, since Ollama constrains the output itself.
 *
 * <pre>{@code
 * ModelInfo info = OllamaModelInfo.find("llama3.2:3b").orElseThrow();
 * }</pre>
 */
public final class OllamaModelInfo {
    private static final Map<String, ModelInfo> INFO = new HashMap<>();
    private static final Map<String, Integer> TOKEN_LIMITS = new HashMap<>();

    static {
        text("all-minilm", 256);
        text("bge-m3", 8192);
        text("codegemma", 8192);
        text("codellama", 16384);
        tools("command-r", 131072);
        text("deepseek-coder", 16384);
        text("deepseek-coder-v2", 131072);
        INFO.put("deepseek-r1", new ModelInfo(false, false, true, ModelFamily.R1, true, null));
        TOKEN_LIMITS.put("deepseek-r1", 131072);
        text("dolphin-llama3", 8192);
        text("dolphin-mistral", 32768);
        text("dolphin-mixtral", 32768);
        text("gemma", 8192);
        text("gemma2", 8192);
        vision("gemma3", false, 131072);
        tools("gpt-oss", 131072);
        tools("granite3.3", 131072);
        text("llama2", 4096);
        text("llama2-uncensored", 2048);
        tools("llama3", 8192);
        tools("llama3.1", 131072);
        tools("llama3.2", 131072);
        vision("llama3.2-vision", false, 131072);
        tools("llama3.3", 131072);
        vision("llama4", true, 1048576);
        vision("llava", false, 32768);
        vision("llava-llama3", false, 8192);
        tools("mistral", 32768);
        tools("mistral-nemo", 131072);
        vision("mistral-small3.1", true, 131072);
        tools("mixtral", 32768);
        text("mxbai-embed-large", 512);
        text("nomic-embed-text", 8192);
        text("orca-mini", 2048);
        text("phi", 2048);
        text("phi3", 131072);
        text("phi3.5", 131072);
        text("phi4", 16384);
        text("qwen", 32768);
        tools("qwen2", 32768);
        tools("qwen2.5", 131072);
        tools("qwen2.5-coder", 131072);
        vision("qwen2.5vl", false, 128000);
        tools("qwen3", 40960);
        text("snowflake-arctic-embed", 512);
        text("starcoder2", 16384);
        text("tinyllama", 2048);
        text("wizardlm2", 32768);
        text("yi", 4096);
        text("zephyr", 32768);
        TOKEN_LIMITS.put("codellama:70b", 2048);
        TOKEN_LIMITS.put("dolphin-llama3:8b-256k", 256000);
        TOKEN_LIMITS.put("dolphin-mixtral:8x22b", 65536);
        TOKEN_LIMITS.put("llava:13b", 4096);
        TOKEN_LIMITS.put("llava:34b", 4096);
        TOKEN_LIMITS.put("mixtral:8x22b", 65536);
        TOKEN_LIMITS.put("qwen2.5-coder:0.5b", 32768);
        TOKEN_LIMITS.put("qwen2.5-coder:1.5b", 32768);
        TOKEN_LIMITS.put("qwen2.5-coder:3b", 32768);
        TOKEN_LIMITS.put("wizardlm2:8x22b", 65536);
        TOKEN_LIMITS.put("zephyr:141b", 65536);
    }

    private OllamaModelInfo() {
    }

    private static void text(String model, int tokenLimit) {
        INFO.put(model, new ModelInfo(false, false, true, ModelFamily.UNKNOWN, true, null));
        TOKEN_LIMITS.put(model, tokenLimit);
    }

    private static void tools(String model, int tokenLimit) {
        INFO.put(model, new ModelInfo(false, true, true, ModelFamily.UNKNOWN, true, null));
        TOKEN_LIMITS.put(model, tokenLimit);
    }

    private static void vision(String model, boolean functionCalling, int tokenLimit) {
        INFO.put(model, new ModelInfo(true, functionCalling, true, ModelFamily.UNKNOWN, true, null));
        TOKEN_LIMITS.put(model, tokenLimit);
    }

    /** The model name without its tag: {@code qwen2.5:14b} -> {@code qwen2.5} (Python's {@code resolve_model_class}). */
    public static String modelClass(String model) {
        int colon = model.indexOf(':');
        return colon < 0 ? model : model.substring(0, colon);
    }

    /** The info of {@code model}, or empty if it is not in the table. */
    public static Optional<ModelInfo> find(String model) {
        return Optional.ofNullable(INFO.get(modelClass(model)));
    }

    /** The context window of {@code model} (tag first, then the model class), or empty if unknown. */
    public static OptionalInt tokenLimit(String model) {
        Integer limit = TOKEN_LIMITS.get(model);
        if (limit == null) {
            limit = TOKEN_LIMITS.get(modelClass(model));
        }
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }
}
