package dev.autogen.ext.models.openai;

import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What AutoGen knows about models reachable through OpenAI's chat-completions API, as Python's
 * {@code autogen_ext.models.openai._model_info}: the {@link ModelInfo} and context window of each
 * dated model, and the pointers from short names ({@code gpt-4o}) to the dated model they stand for
 * ({@code gpt-4o-2024-08-06}). A client for a model that is not here needs an explicit {@code model_info}.
 *
 * <pre>{@code
 * ModelInfo info = OpenAIModelInfo.info("gpt-4o-mini").orElseThrow();
 * int window = OpenAIModelInfo.tokenLimit("gpt-4o-mini").orElseThrow();   // 128000
 * }</pre>
 */
public final class OpenAIModelInfo {
    /** Gemini's OpenAI-compatible endpoint, used by default for {@code gemini-*} models. */
    public static final String GEMINI_OPENAI_BASE_URL = "https://generativelanguage.googleapis.com/v1beta/openai/";
    /** Anthropic's OpenAI-compatible endpoint, used by default for {@code claude-*} models. */
    public static final String ANTHROPIC_OPENAI_BASE_URL = "https://api.anthropic.com/v1/";
    /** Meta's Llama API OpenAI-compatible endpoint, used by default for {@code Llama-*} models. */
    public static final String LLAMA_API_BASE_URL = "https://api.llama.com/compat/v1/";
    /** xAI's endpoint, used by default for {@code grok-*} models. */
    public static final String GROK_API_BASE_URL = "https://api.x.ai/v1";

    private static final Map<String, String> POINTERS = Map.ofEntries(
            Map.entry("o4-mini", "o4-mini-2025-04-16"),
            Map.entry("o3", "o3-2025-04-16"),
            Map.entry("o3-mini", "o3-mini-2025-01-31"),
            Map.entry("o1", "o1-2024-12-17"),
            Map.entry("o1-preview", "o1-preview-2024-09-12"),
            Map.entry("o1-mini", "o1-mini-2024-09-12"),
            Map.entry("gpt-5", "gpt-5-2025-08-07"),
            Map.entry("gpt-5-mini", "gpt-5-mini-2025-08-07"),
            Map.entry("gpt-5-nano", "gpt-5-nano-2025-08-07"),
            Map.entry("gpt-4.1", "gpt-4.1-2025-04-14"),
            Map.entry("gpt-4.1-mini", "gpt-4.1-mini-2025-04-14"),
            Map.entry("gpt-4.1-nano", "gpt-4.1-nano-2025-04-14"),
            Map.entry("gpt-4.5-preview", "gpt-4.5-preview-2025-02-27"),
            Map.entry("gpt-4o", "gpt-4o-2024-08-06"),
            Map.entry("gpt-4o-mini", "gpt-4o-mini-2024-07-18"),
            Map.entry("gpt-4-turbo", "gpt-4-turbo-2024-04-09"),
            Map.entry("gpt-4-turbo-preview", "gpt-4-0125-preview"),
            Map.entry("gpt-4", "gpt-4-0613"),
            Map.entry("gpt-4-32k", "gpt-4-32k-0613"),
            Map.entry("gpt-3.5-turbo", "gpt-3.5-turbo-0125"),
            Map.entry("gpt-3.5-turbo-16k", "gpt-3.5-turbo-16k-0613"),
            Map.entry("claude-3-haiku", "claude-3-haiku-20240307"),
            Map.entry("claude-3-sonnet", "claude-3-sonnet-20240229"),
            Map.entry("claude-3-opus", "claude-3-opus-20240229"),
            Map.entry("claude-3-5-haiku", "claude-3-5-haiku-20241022"),
            Map.entry("claude-3-5-sonnet", "claude-3-5-sonnet-20241022"),
            Map.entry("claude-3-7-sonnet", "claude-3-7-sonnet-20250219"),
            Map.entry("claude-4-sonnet", "claude-sonnet-4-20250514"),
            Map.entry("claude-4-opus", "claude-opus-4-20250514"),
            Map.entry("llama-3.3-8b", "Llama-3.3-8B-Instruct"),
            Map.entry("llama-3.3-70b", "Llama-3.3-70B-Instruct"),
            Map.entry("llama-4-scout", "Llama-4-Scout-17B-16E-Instruct-FP8"),
            Map.entry("llama-4-maverick", "Llama-4-Maverick-17B-128E-Instruct-FP8"),
            Map.entry("grok-code-fast-1", "grok-code-fast-1"),
            Map.entry("grok-4-fast-reasoning", "grok-4-fast-reasoning"),
            Map.entry("grok-4-fast-non-reasoning", "grok-4-fast-non-reasoning"),
            Map.entry("grok-4", "grok-4"),
            Map.entry("grok-3-mini", "grok-3-mini"),
            Map.entry("grok-3", "grok-3"));

    private static final Map<String, ModelInfo> INFOS;
    private static final Map<String, Integer> LIMITS;

    static {
        Map<String, ModelInfo> infos = new LinkedHashMap<>();
        Map<String, Integer> limits = new LinkedHashMap<>();
        put(infos, limits, "gpt-4o-mini-search-preview-2025-03-11", false, true, true, ModelFamily.GPT_4O, true, true, 128000);
        put(infos, limits, "gpt-4o-search-preview-2025-03-11", false, true, true, ModelFamily.GPT_4O, true, true, 128000);
        put(infos, limits, "o4-mini-2025-04-16", true, true, true, ModelFamily.O4, true, true, 200000);
        put(infos, limits, "o3-2025-04-16", true, true, true, ModelFamily.O3, true, true, 200000);
        put(infos, limits, "o3-mini-2025-01-31", false, true, true, ModelFamily.O3, true, true, 200000);
        put(infos, limits, "o1-2024-12-17", false, true, false, ModelFamily.O1, true, true, 200000);
        put(infos, limits, "o1-preview-2024-09-12", false, true, false, ModelFamily.O1, true, true, 128000);
        put(infos, limits, "o1-mini-2024-09-12", false, false, false, ModelFamily.O1, false, true, 128000);
        put(infos, limits, "gpt-5-2025-08-07", true, true, true, ModelFamily.GPT_5, true, true, 400000);
        put(infos, limits, "gpt-5-mini-2025-08-07", true, true, true, ModelFamily.GPT_5, true, true, 400000);
        put(infos, limits, "gpt-5-nano-2025-08-07", true, true, true, ModelFamily.GPT_5, true, true, 400000);
        put(infos, limits, "gpt-4.1-2025-04-14", true, true, true, ModelFamily.GPT_41, true, true, 1047576);
        put(infos, limits, "gpt-4.1-mini-2025-04-14", true, true, true, ModelFamily.GPT_41, true, true, 1047576);
        put(infos, limits, "gpt-4.1-nano-2025-04-14", true, true, true, ModelFamily.GPT_41, true, true, 1047576);
        put(infos, limits, "gpt-4.5-preview-2025-02-27", true, true, true, ModelFamily.GPT_45, true, true, 128000);
        put(infos, limits, "gpt-4o-2024-11-20", true, true, true, ModelFamily.GPT_4O, true, true, 128000);
        put(infos, limits, "gpt-4o-2024-08-06", true, true, true, ModelFamily.GPT_4O, true, true, 128000);
        put(infos, limits, "gpt-4o-2024-05-13", true, true, true, ModelFamily.GPT_4O, false, true, 128000);
        put(infos, limits, "gpt-4o-mini-2024-07-18", true, true, true, ModelFamily.GPT_4O, true, true, 128000);
        put(infos, limits, "gpt-4-turbo-2024-04-09", true, true, true, ModelFamily.GPT_4, false, true, 128000);
        put(infos, limits, "gpt-4-0125-preview", false, true, true, ModelFamily.GPT_4, false, true, 128000);
        put(infos, limits, "gpt-4-1106-preview", false, true, true, ModelFamily.GPT_4, false, true, 128000);
        put(infos, limits, "gpt-4-1106-vision-preview", true, false, false, ModelFamily.GPT_4, false, true, 128000);
        put(infos, limits, "gpt-4-0613", false, true, true, ModelFamily.GPT_4, false, true, 8192);
        put(infos, limits, "gpt-4-32k-0613", false, true, true, ModelFamily.GPT_4, false, true, 32768);
        put(infos, limits, "gpt-3.5-turbo-0125", false, true, true, ModelFamily.GPT_35, false, true, 16385);
        put(infos, limits, "gpt-3.5-turbo-1106", false, true, true, ModelFamily.GPT_35, false, true, 16385);
        put(infos, limits, "gpt-3.5-turbo-instruct", false, true, true, ModelFamily.GPT_35, false, true, 4096);
        put(infos, limits, "gpt-3.5-turbo-0613", false, true, true, ModelFamily.GPT_35, false, true, 4096);
        put(infos, limits, "gpt-3.5-turbo-16k-0613", false, true, true, ModelFamily.GPT_35, false, true, 16385);
        put(infos, limits, "gemini-1.5-flash", true, true, true, ModelFamily.GEMINI_1_5_FLASH, true, false, 1048576);
        put(infos, limits, "gemini-1.5-flash-8b", true, true, true, ModelFamily.GEMINI_1_5_FLASH, true, false, 1048576);
        put(infos, limits, "gemini-1.5-pro", true, true, true, ModelFamily.GEMINI_1_5_PRO, true, false, 2097152);
        put(infos, limits, "gemini-2.0-flash", true, true, true, ModelFamily.GEMINI_2_0_FLASH, true, false, 1048576);
        put(infos, limits, "gemini-2.0-flash-lite-preview-02-05", true, true, true, ModelFamily.GEMINI_2_0_FLASH, true, false, 1048576);
        put(infos, limits, "gemini-2.5-pro-preview-03-25", true, true, true, ModelFamily.GEMINI_2_5_PRO, true, false, 2097152);
        put(infos, limits, "gemini-2.5-flash", true, true, true, ModelFamily.GEMINI_2_5_FLASH, true, false, 1048576);
        put(infos, limits, "claude-3-haiku-20240307", true, true, false, ModelFamily.CLAUDE_3_HAIKU, false, true, 50000);
        put(infos, limits, "claude-3-sonnet-20240229", true, true, false, ModelFamily.CLAUDE_3_SONNET, false, true, 200000);
        put(infos, limits, "claude-3-opus-20240229", true, true, false, ModelFamily.CLAUDE_3_OPUS, false, true, 200000);
        put(infos, limits, "claude-3-5-haiku-20241022", true, true, false, ModelFamily.CLAUDE_3_5_HAIKU, false, true, 200000);
        put(infos, limits, "claude-3-5-sonnet-20241022", true, true, false, ModelFamily.CLAUDE_3_5_SONNET, false, true, 200000);
        put(infos, limits, "claude-3-7-sonnet-20250219", true, true, false, ModelFamily.CLAUDE_3_7_SONNET, false, true, 200000);
        put(infos, limits, "claude-sonnet-4-20250514", true, true, false, ModelFamily.CLAUDE_4_SONNET, false, true, 200000);
        put(infos, limits, "claude-opus-4-20250514", true, true, false, ModelFamily.CLAUDE_4_OPUS, false, true, 200000);
        put(infos, limits, "Llama-3.3-8B-Instruct", false, true, true, ModelFamily.LLAMA_3_3_8B, false, true, 128000);
        put(infos, limits, "Llama-3.3-70B-Instruct", false, true, true, ModelFamily.LLAMA_3_3_70B, false, true, 128000);
        put(infos, limits, "Llama-4-Scout-17B-16E-Instruct-FP8", true, true, true, ModelFamily.LLAMA_4_SCOUT, true, true, 128000);
        put(infos, limits, "Llama-4-Maverick-17B-128E-Instruct-FP8", true, true, true, ModelFamily.LLAMA_4_MAVERICK, true, true, 128000);
        put(infos, limits, "grok-code-fast-1", false, true, true, "grok-code-fast-1", true, null, 256000);
        put(infos, limits, "grok-4-fast-reasoning", false, true, true, "grok-4-fast-reasoning", true, null, 2000000);
        put(infos, limits, "grok-4-fast-non-reasoning", false, true, true, "grok-4-fast-non-reasoning", true, null, 2000000);
        put(infos, limits, "grok-4", false, true, true, "grok-4", true, null, 256000);
        put(infos, limits, "grok-3-mini", false, true, true, "grok-3-mini", true, null, 131072);
        put(infos, limits, "grok-3", false, true, true, "grok-3", true, null, 131072);
        INFOS = java.util.Collections.unmodifiableMap(infos);
        LIMITS = java.util.Collections.unmodifiableMap(limits);
    }

    private OpenAIModelInfo() {
    }

    private static void put(Map<String, ModelInfo> infos, Map<String, Integer> limits, String model, boolean vision,
            boolean functionCalling, boolean jsonOutput, String family, boolean structuredOutput,
            @Nullable Boolean multipleSystemMessages, int tokenLimit) {
        infos.put(model, new ModelInfo(vision, functionCalling, jsonOutput, family, structuredOutput, multipleSystemMessages));
        limits.put(model, tokenLimit);
    }

    /** The dated model a short name points to ({@code gpt-4o} to {@code gpt-4o-2024-08-06}); other names unchanged. */
    public static String resolveModel(String model) {
        return POINTERS.getOrDefault(model, model);
    }

    /** The known info of {@code model} (short or dated name), if AutoGen knows it. */
    public static Optional<ModelInfo> info(String model) {
        return Optional.ofNullable(INFOS.get(resolveModel(model)));
    }

    /** The context window of {@code model} in tokens, if AutoGen knows it. */
    public static OptionalInt tokenLimit(String model) {
        Integer limit = LIMITS.get(resolveModel(model));
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** Every known dated model name with its info, in Python's order. */
    public static Map<String, ModelInfo> knownModels() {
        return INFOS;
    }
}
