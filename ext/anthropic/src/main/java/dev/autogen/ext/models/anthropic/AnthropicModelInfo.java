package dev.autogen.ext.models.anthropic;

import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the known Claude models can do and how large their context windows are, as Python's
 * {@code autogen_ext.models.anthropic._model_info}, extended with the Claude 3.5 (October 2024), 4
 * and 4.5 releases. A model id matches an entry exactly, or by its base name without the date or
 * {@code -latest} suffix ({@code claude-3-5-sonnet-20241022} -> {@code claude-3-5-sonnet}).
 *
 * <pre>{@code
 * ModelInfo info = AnthropicModelInfo.find("claude-3-7-sonnet-latest").orElseThrow();
 * }</pre>
 */
public final class AnthropicModelInfo {
    private static final Pattern SUFFIX = Pattern.compile("-(\\d{8}|latest)$");
    private static final Map<String, ModelInfo> INFO = new LinkedHashMap<>();
    private static final Map<String, Integer> TOKEN_LIMITS = new LinkedHashMap<>();
    /** Python's fallback context window for a model it does not know. */
    private static final int DEFAULT_TOKEN_LIMIT = 100_000;

    static {
        claude("claude-opus-4-5", ModelFamily.CLAUDE_4_OPUS, 200_000);
        claude("claude-sonnet-4-5", ModelFamily.CLAUDE_4_SONNET, 200_000);
        claude("claude-haiku-4-5", ModelFamily.CLAUDE_3_5_HAIKU, 200_000);
        claude("claude-opus-4-1", ModelFamily.CLAUDE_4_OPUS, 200_000);
        claude("claude-opus-4", ModelFamily.CLAUDE_4_OPUS, 200_000);
        claude("claude-sonnet-4", ModelFamily.CLAUDE_4_SONNET, 200_000);
        claude("claude-3-7-sonnet", ModelFamily.CLAUDE_3_7_SONNET, 200_000);
        claude("claude-3-5-sonnet", ModelFamily.CLAUDE_3_5_SONNET, 200_000);
        claude("claude-3-5-haiku", ModelFamily.CLAUDE_3_5_HAIKU, 200_000);
        claude("claude-3-opus", ModelFamily.CLAUDE_3_OPUS, 200_000);
        claude("claude-3-sonnet", ModelFamily.CLAUDE_3_SONNET, 200_000);
        claude("claude-3-haiku", ModelFamily.CLAUDE_3_HAIKU, 200_000);
        legacy("claude-2.1", 200_000);
        legacy("claude-2.0", 100_000);
        legacy("claude-instant-1.2", 100_000);
    }

    private AnthropicModelInfo() {
    }

    private static void claude(String base, String family, int tokenLimit) {
        INFO.put(base, new ModelInfo(true, true, true, family, false, null));
        TOKEN_LIMITS.put(base, tokenLimit);
    }

    private static void legacy(String id, int tokenLimit) {
        INFO.put(id, new ModelInfo(false, false, true, ModelFamily.CLAUDE_3_5_SONNET, false, null));
        TOKEN_LIMITS.put(id, tokenLimit);
    }

    /** The info of {@code model}, or empty if it is not a known Claude model. */
    public static Optional<ModelInfo> find(String model) {
        return Optional.ofNullable(lookup(INFO, model));
    }

    /** The context window of {@code model}; 100,000 for a model not in the table (as Python). */
    public static int tokenLimit(String model) {
        Integer limit = lookup(TOKEN_LIMITS, model);
        return limit != null ? limit : DEFAULT_TOKEN_LIMIT;
    }

    private static <T> T lookup(Map<String, T> table, String model) {
        T exact = table.get(model);
        if (exact != null) {
            return exact;
        }
        return table.get(SUFFIX.matcher(model).replaceFirst(""));
    }
}
