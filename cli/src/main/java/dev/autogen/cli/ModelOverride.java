package dev.autogen.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.anthropic.AnthropicChatCompletionClient;
import dev.autogen.ext.models.anthropic.AnthropicModelInfo;
import dev.autogen.ext.models.llamacpp.LlamaCppChatCompletionClient;
import dev.autogen.ext.models.ollama.OllamaChatCompletionClient;
import dev.autogen.ext.models.ollama.OllamaModelInfo;
import dev.autogen.ext.models.openai.OpenAIChatCompletionClient;
import dev.autogen.ext.models.openai.OpenAIModelInfo;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code --model PROVIDER:MODEL}: one model client put in place of every model client of a config,
 * so a team written for scripted replies (or for another provider) runs on a real model. Keys and
 * hosts come from the environment, as each client reads them ({@code OPENAI_API_KEY},
 * {@code OPENAI_BASE_URL}, {@code ANTHROPIC_API_KEY}, {@code OLLAMA_HOST}); for {@code llama-cpp} the
 * model is the path of a GGUF file, run in process.
 *
 * @param provider which client
 * @param model the model name given to it
 */
record ModelOverride(Provider provider, String model) {
    /**
     * Capabilities assumed for a model the client's own table does not know (a local or new model):
     * tool calls and JSON output, no vision.
     */
    static final ModelInfo ASSUMED_INFO = ModelInfo.textAndTools();

    /** The providers {@code --model} knows, by the prefix the user types. */
    enum Provider {
        OPENAI("openai", OpenAIChatCompletionClient.PROVIDER, OpenAIModelInfo::info, "model"),
        ANTHROPIC("anthropic", AnthropicChatCompletionClient.PROVIDER, AnthropicModelInfo::find, "model"),
        OLLAMA("ollama", OllamaChatCompletionClient.PROVIDER, OllamaModelInfo::find, "model"),
        /** A GGUF file run in process; the "model" is its path. */
        LLAMA_CPP("llama-cpp", LlamaCppChatCompletionClient.PROVIDER,
                path -> Optional.of(LlamaCppChatCompletionClient.DEFAULT_MODEL_INFO), "model_path");

        final String prefix;
        final String componentProvider;
        final Function<String, Optional<ModelInfo>> knownInfo;
        final String modelField;

        Provider(String prefix, String componentProvider, Function<String, Optional<ModelInfo>> knownInfo,
                String modelField) {
            this.prefix = prefix;
            this.componentProvider = componentProvider;
            this.knownInfo = knownInfo;
            this.modelField = modelField;
        }

        static String prefixes() {
            return Arrays.stream(values()).map(p -> p.prefix).collect(Collectors.joining(", "));
        }
    }

    /**
     * Reads {@code openai:gpt-4o-mini}, {@code anthropic:claude-haiku-4-5}, {@code ollama:llama3.2} or
     * {@code llama-cpp:models/qwen2.5-0.5b-instruct-q4_k_m.gguf}.
     *
     * @throws CliException (config problem) saying the expected form
     */
    static ModelOverride parse(String spec) {
        int colon = spec.indexOf(':');
        String prefix = colon < 0 ? "" : spec.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String model = colon < 0 ? "" : spec.substring(colon + 1).strip();
        Provider provider = Arrays.stream(Provider.values()).filter(p -> p.prefix.equals(prefix)).findFirst().orElse(null);
        if (provider == null || model.isEmpty()) {
            throw CliException.config("autogen: --model must be PROVIDER:MODEL with PROVIDER one of "
                    + Provider.prefixes() + " (for example openai:gpt-4o-mini or ollama:llama3.2), got '" + spec + "'.");
        }
        return new ModelOverride(provider, model);
    }

    /** The model client component, in Python's shape, that replaces the config's clients. */
    ObjectNode component() {
        ObjectNode component = AutogenJson.mapper().createObjectNode();
        component.put("provider", provider.componentProvider);
        component.put("component_type", "model");
        ObjectNode config = component.putObject("config");
        config.put(provider.modelField, model);
        if (provider.knownInfo.apply(model).isEmpty()) {
            config.set("model_info", AutogenJson.mapper().valueToTree(ASSUMED_INFO));
        }
        return component;
    }
}
