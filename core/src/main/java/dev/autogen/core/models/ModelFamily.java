package dev.autogen.core.models;

import java.util.List;
import java.util.Set;

/**
 * The model families AutoGen knows, as the strings used in {@link ModelInfo#family()}. A family
 * groups models with similar behaviour (prompting quirks, message rules). Any other string is a
 * valid family that AutoGen treats as unknown.
 *
 * <!-- java-context: ChatCompletionClient client; -->
 * <pre>{@code
 * if (ModelFamily.isClaude(client.modelInfo().family())) {
 *     // Claude's message rules apply
 * }
 * }</pre>
 */
public final class ModelFamily {
    public static final String GPT_5 = "gpt-5";
    public static final String GPT_41 = "gpt-41";
    public static final String GPT_45 = "gpt-45";
    public static final String GPT_4O = "gpt-4o";
    public static final String O1 = "o1";
    public static final String O3 = "o3";
    public static final String O4 = "o4";
    public static final String GPT_4 = "gpt-4";
    public static final String GPT_35 = "gpt-35";
    public static final String R1 = "r1";
    public static final String GEMINI_1_5_FLASH = "gemini-1.5-flash";
    public static final String GEMINI_1_5_PRO = "gemini-1.5-pro";
    public static final String GEMINI_2_0_FLASH = "gemini-2.0-flash";
    public static final String GEMINI_2_5_PRO = "gemini-2.5-pro";
    public static final String GEMINI_2_5_FLASH = "gemini-2.5-flash";
    public static final String CLAUDE_3_HAIKU = "claude-3-haiku";
    public static final String CLAUDE_3_SONNET = "claude-3-sonnet";
    public static final String CLAUDE_3_OPUS = "claude-3-opus";
    public static final String CLAUDE_3_5_HAIKU = "claude-3-5-haiku";
    public static final String CLAUDE_3_5_SONNET = "claude-3-5-sonnet";
    public static final String CLAUDE_3_7_SONNET = "claude-3-7-sonnet";
    public static final String CLAUDE_4_OPUS = "claude-4-opus";
    public static final String CLAUDE_4_SONNET = "claude-4-sonnet";
    public static final String LLAMA_3_3_8B = "llama-3.3-8b";
    public static final String LLAMA_3_3_70B = "llama-3.3-70b";
    public static final String LLAMA_4_SCOUT = "llama-4-scout";
    public static final String LLAMA_4_MAVERICK = "llama-4-maverick";
    public static final String CODESRAL = "codestral";
    public static final String OPEN_CODESRAL_MAMBA = "open-codestral-mamba";
    public static final String MISTRAL = "mistral";
    public static final String MINISTRAL = "ministral";
    public static final String PIXTRAL = "pixtral";
    public static final String UNKNOWN = "unknown";

    private static final Set<String> OPENAI = Set.of(GPT_5, GPT_41, GPT_45, GPT_4O, O1, O3, O4, GPT_4, GPT_35);
    private static final Set<String> GEMINI =
            Set.of(GEMINI_1_5_FLASH, GEMINI_1_5_PRO, GEMINI_2_0_FLASH, GEMINI_2_5_PRO, GEMINI_2_5_FLASH);
    private static final Set<String> CLAUDE = Set.of(CLAUDE_3_HAIKU, CLAUDE_3_SONNET, CLAUDE_3_OPUS,
            CLAUDE_3_5_HAIKU, CLAUDE_3_5_SONNET, CLAUDE_3_7_SONNET, CLAUDE_4_OPUS, CLAUDE_4_SONNET);
    private static final Set<String> LLAMA = Set.of(LLAMA_3_3_8B, LLAMA_3_3_70B, LLAMA_4_SCOUT, LLAMA_4_MAVERICK);
    private static final Set<String> MISTRALS = Set.of(CODESRAL, OPEN_CODESRAL_MAMBA, MISTRAL, MINISTRAL, PIXTRAL);

    /** Every known family, in the order Python lists them (the {@code ModelFamily.ANY} literal). */
    public static final List<String> ANY = List.of(GPT_5, GPT_41, GPT_45, GPT_4O, O1, O3, O4, GPT_4, GPT_35, R1,
            GEMINI_1_5_FLASH, GEMINI_1_5_PRO, GEMINI_2_0_FLASH, GEMINI_2_5_PRO, GEMINI_2_5_FLASH,
            CLAUDE_3_HAIKU, CLAUDE_3_SONNET, CLAUDE_3_OPUS, CLAUDE_3_5_HAIKU, CLAUDE_3_5_SONNET, CLAUDE_3_7_SONNET,
            CLAUDE_4_OPUS, CLAUDE_4_SONNET, LLAMA_3_3_8B, LLAMA_3_3_70B, LLAMA_4_SCOUT, LLAMA_4_MAVERICK,
            CODESRAL, OPEN_CODESRAL_MAMBA, MISTRAL, MINISTRAL, PIXTRAL, UNKNOWN);

    private ModelFamily() {
    }

    /** Whether {@code family} is an Anthropic Claude family. */
    public static boolean isClaude(String family) {
        return CLAUDE.contains(family);
    }

    /** Whether {@code family} is a Google Gemini family. */
    public static boolean isGemini(String family) {
        return GEMINI.contains(family);
    }

    /** Whether {@code family} is an OpenAI family (R1 is not, as in Python). */
    public static boolean isOpenAI(String family) {
        return OPENAI.contains(family);
    }

    /** Whether {@code family} is a Meta Llama family. */
    public static boolean isLlama(String family) {
        return LLAMA.contains(family);
    }

    /** Whether {@code family} is a Mistral family. */
    public static boolean isMistral(String family) {
        return MISTRALS.contains(family);
    }

    /** Whether {@code family} is one AutoGen knows (other than {@link #UNKNOWN}). */
    public static boolean isKnown(String family) {
        return !UNKNOWN.equals(family) && ANY.contains(family);
    }
}
