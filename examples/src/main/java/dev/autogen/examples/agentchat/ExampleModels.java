package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.ext.models.anthropic.AnthropicChatCompletionClient;
import dev.autogen.ext.models.anthropic.AnthropicModelInfo;
import dev.autogen.ext.models.ollama.OllamaChatCompletionClient;
import dev.autogen.ext.models.ollama.OllamaModelInfo;
import dev.autogen.ext.models.openai.OpenAIChatCompletionClient;
import dev.autogen.ext.models.openai.OpenAIModelInfo;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The model client each example uses: a real model when one is configured, otherwise the example's
 * scripted replies (a {@link ReplayChatCompletionClient}), so every example runs offline and prints
 * the same thing every time.
 *
 * <p>{@link #configured(Map)} is the single place where real clients are wired in: set
 * {@code OPENAI_API_KEY}, {@code OLLAMA_HOST}/{@code OLLAMA_MODEL} or {@code ANTHROPIC_API_KEY}.
 */
public final class ExampleModels {
    static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
    static final String DEFAULT_OLLAMA_MODEL = "llama3.2";
    static final String DEFAULT_OLLAMA_HOST = "http://localhost:11434";
    static final String DEFAULT_ANTHROPIC_MODEL = "claude-haiku-4-5";
    private static final ModelInfo ASSUMED_CAPABILITIES = ModelInfo.textAndTools();

    private ExampleModels() {
    }

    /**
     * The configured model if there is one, else {@code scripted}; says on {@code notes} which one
     * it picked, so a reader of the output knows whether the replies are real.
     */
    public static ChatCompletionClient orScripted(ReplayChatCompletionClient scripted, PrintStream notes) {
        ChatCompletionClient real = configured(System.getenv());
        if (real != null) {
            scripted.close();
            notes.println("(Using a real model: " + real.getClass().getSimpleName() + ".)");
            return real;
        }
        notes.println("(Using scripted model replies: no real model client is configured for the examples.)");
        return scripted;
    }

    /** Whether {@code model} is an example's scripted client, so its human's answers should be scripted too. */
    public static boolean isScripted(ChatCompletionClient model) {
        return model instanceof ReplayChatCompletionClient;
    }

    /**
     * The human of a human-in-the-loop example: {@code scripted} answers in order when the model is
     * scripted (they fit its replies), otherwise the real user at the console ({@link InputFunction#console()}).
     */
    public static InputFunction humanFor(ChatCompletionClient model, String... scripted) {
        if (!isScripted(model)) {
            return InputFunction.console();
        }
        Iterator<String> answers = List.of(scripted).iterator();
        return InputFunction.of(prompt -> {
            if (!answers.hasNext()) {
                throw new IllegalStateException(
                        "the example's script has no answer left for the prompt '" + prompt + "'");
            }
            return answers.next();
        });
    }

    /**
     * The real model client the environment asks for, or null for none (the scripted replies). The
     * first provider configured wins:
     * <ol>
     *   <li>{@code OPENAI_API_KEY}: OpenAI, or any OpenAI-compatible server at {@code OPENAI_BASE_URL};
     *       model {@code OPENAI_MODEL} (default {@value #DEFAULT_OPENAI_MODEL});</li>
     *   <li>{@code OLLAMA_HOST} or {@code OLLAMA_MODEL}: Ollama at {@code OLLAMA_HOST} (default
     *       {@code http://localhost:11434}); model {@code OLLAMA_MODEL} (default {@value #DEFAULT_OLLAMA_MODEL});</li>
     *   <li>{@code ANTHROPIC_API_KEY}: Anthropic; model {@code ANTHROPIC_MODEL} (default
     *       {@value #DEFAULT_ANTHROPIC_MODEL}).</li>
     * </ol>
     * A model the client does not know is assumed to call tools and write JSON, which the examples need.
     * Blank variables count as unset.
     */
    static @Nullable ChatCompletionClient configured(Map<String, String> env) {
        String openAiKey = value(env, "OPENAI_API_KEY");
        if (openAiKey != null) {
            String model = valueOr(env, "OPENAI_MODEL", DEFAULT_OPENAI_MODEL);
            var builder = OpenAIChatCompletionClient.builder().model(model).apiKey(openAiKey);
            String baseUrl = value(env, "OPENAI_BASE_URL");
            if (baseUrl != null) {
                builder.baseUrl(baseUrl);
            }
            if (OpenAIModelInfo.info(model).isEmpty()) {
                builder.modelInfo(ASSUMED_CAPABILITIES);
            }
            return builder.build();
        }
        String ollamaHost = value(env, "OLLAMA_HOST");
        String ollamaModel = value(env, "OLLAMA_MODEL");
        if (ollamaHost != null || ollamaModel != null) {
            String model = ollamaModel != null ? ollamaModel : DEFAULT_OLLAMA_MODEL;
            var builder = OllamaChatCompletionClient.builder(model)
                    .host(ollamaHost != null ? ollamaHost : DEFAULT_OLLAMA_HOST);
            if (OllamaModelInfo.find(model).isEmpty()) {
                builder.modelInfo(ASSUMED_CAPABILITIES);
            }
            return builder.build();
        }
        String anthropicKey = value(env, "ANTHROPIC_API_KEY");
        if (anthropicKey != null) {
            String model = valueOr(env, "ANTHROPIC_MODEL", DEFAULT_ANTHROPIC_MODEL);
            var builder = AnthropicChatCompletionClient.builder(model).apiKey(anthropicKey);
            if (AnthropicModelInfo.find(model).isEmpty()) {
                builder.modelInfo(ASSUMED_CAPABILITIES);
            }
            return builder.build();
        }
        return null;
    }

    private static @Nullable String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String valueOr(Map<String, String> env, String name, String fallback) {
        String value = value(env, name);
        return value != null ? value : fallback;
    }
}
