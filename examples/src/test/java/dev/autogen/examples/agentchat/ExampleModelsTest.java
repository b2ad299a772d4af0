package dev.autogen.examples.agentchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.ext.models.anthropic.AnthropicChatCompletionClient;
import dev.autogen.ext.models.ollama.OllamaChatCompletionClient;
import dev.autogen.ext.models.openai.OpenAIChatCompletionClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which real model client the examples pick from the environment; builds clients only, no request is sent. */
class ExampleModelsTest {
    @Test
    void noProviderVariablesMeansTheScriptedReplies() {
        assertThat(ExampleModels.configured(Map.of())).isNull();
        assertThat(ExampleModels.configured(Map.of("OPENAI_API_KEY", " ", "OPENAI_MODEL", "gpt-4o"))).isNull();
    }

    @Test
    void anOpenAIKeyPicksOpenAIWithGpt4oMiniByDefault() {
        try (var client = (OpenAIChatCompletionClient) ExampleModels.configured(Map.of("OPENAI_API_KEY", "sk-test"))) {
            assertThat(client.toConfig().model()).isEqualTo("gpt-4o-mini");
            assertThat(client.endpoint().toString()).startsWith("https://api.openai.com/v1");
            assertThat(client.modelInfo().functionCalling()).isTrue();
        }
    }

    @Test
    void anOpenAICompatibleServerWithAnUnknownModelIsAssumedToCallTools() {
        try (var client = (OpenAIChatCompletionClient) ExampleModels.configured(Map.of("OPENAI_API_KEY", "sk-test",
                "OPENAI_BASE_URL", "http://127.0.0.1:8000/v1", "OPENAI_MODEL", "my-local-model"))) {
            assertThat(client.toConfig().model()).isEqualTo("my-local-model");
            assertThat(client.endpoint().toString()).startsWith("http://127.0.0.1:8000/v1");
            assertThat(client.modelInfo().functionCalling()).isTrue();
            assertThat(client.modelInfo().jsonOutput()).isTrue();
        }
    }

    @Test
    void openAIWinsOverOllamaAndAnthropic() {
        ChatCompletionClient client = ExampleModels.configured(Map.of("OPENAI_API_KEY", "sk-test",
                "OLLAMA_MODEL", "qwen3", "ANTHROPIC_API_KEY", "sk-ant-test"));
        try (client) {
            assertThat(client).isInstanceOf(OpenAIChatCompletionClient.class);
        }
    }

    @Test
    void anOllamaModelOrHostPicksOllama() {
        try (var client = (OllamaChatCompletionClient) ExampleModels.configured(Map.of("OLLAMA_MODEL", "qwen3:8b",
                "ANTHROPIC_API_KEY", "sk-ant-test"))) {
            assertThat(client.toConfig().model()).isEqualTo("qwen3:8b");
            assertThat(client.toConfig().host()).isEqualTo("http://localhost:11434");
        }
        try (var client = (OllamaChatCompletionClient) ExampleModels.configured(Map.of("OLLAMA_HOST", "http://gpu-box:11434"))) {
            assertThat(client.toConfig().model()).isEqualTo("llama3.2");
            assertThat(client.toConfig().host()).isEqualTo("http://gpu-box:11434");
            assertThat(client.modelInfo().functionCalling()).isTrue();
        }
    }

    @Test
    void anAnthropicKeyAloneHasAnthropicAnswer() {
        try (var client = (AnthropicChatCompletionClient) ExampleModels.configured(Map.of("ANTHROPIC_API_KEY", "sk-ant-test"))) {
            assertThat(client.toConfig().model()).isEqualTo("claude-haiku-4-5");
            assertThat(client.modelInfo().functionCalling()).isTrue();
        }
        try (var client = (AnthropicChatCompletionClient) ExampleModels.configured(Map.of("ANTHROPIC_API_KEY", "sk-ant-test",
                "ANTHROPIC_MODEL", "claude-sonnet-4-5"))) {
            assertThat(client.toConfig().model()).isEqualTo("claude-sonnet-4-5");
        }
    }
}
