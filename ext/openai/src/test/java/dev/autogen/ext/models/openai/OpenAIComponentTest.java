package dev.autogen.ext.models.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAIComponentTest {
    private static final Path GALLERY = Path.of("../../core/src/test/resources/fixtures/autogen-python/default_gallery.json");

    private static List<JsonNode> galleryModels(String provider) throws Exception {
        JsonNode gallery = AutogenJson.mapper().readTree(Files.readString(GALLERY));
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode model : gallery.at("/components/models")) {
            if (model.get("provider").asText().equals(provider)) {
                out.add(model);
            }
        }
        return out;
    }

    @Test
    void theGallerysOpenAIModelsLoad() throws Exception {
        List<JsonNode> entries = galleryModels(OpenAIChatCompletionClient.PROVIDER);
        assertThat(entries).hasSize(2);

        try (var client = ComponentLoader.loadComponent(entries.get(0).toString(), ChatCompletionClient.class)) {
            assertThat(client).isInstanceOf(OpenAIChatCompletionClient.class);
            assertThat(((OpenAIChatCompletionClient) client).model()).isEqualTo("gpt-4o-mini");
            assertThat(client.modelInfo().family()).isEqualTo(ModelFamily.GPT_4O);
        }
        try (var client = (OpenAIChatCompletionClient) ComponentLoader.loadComponent(entries.get(1).toString(),
                ChatCompletionClient.class)) {
            assertThat(client.model()).isEqualTo("TheBloke/Mistral-7B-Instruct-v0.2-GGUF");
            assertThat(client.endpoint()).hasToString("http://localhost:1234/v1/chat/completions");
            assertThat(client.modelInfo()).isEqualTo(new ModelInfo(false, true, false, "unknown", false, null));
        }
    }

    @Test
    void theGallerysAzureModelLoadsWithItsMaskedKeyTreatedAsAbsent() throws Exception {
        JsonNode entry = galleryModels(AzureOpenAIChatCompletionClient.PROVIDER).get(0);
        try (var client = (AzureOpenAIChatCompletionClient) ComponentLoader.loadComponent(entry.toString(),
                ChatCompletionClient.class)) {
            assertThat(client.toConfig().apiKey()).isNull();
            assertThat(client.toConfig().apiVersion()).isEqualTo("2024-06-01");
            assertThatThrownBy(() -> client.create(List.of(new UserMessage("hi", "user"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("azure_endpoint 'https://{your-custom-endpoint}.openai.azure.com/'");
        }
    }

    @Test
    void aDumpHasPythonsShapeAndNeverTheKey() throws Exception {
        var info = new ModelInfo(false, true, true, ModelFamily.UNKNOWN, true, null);
        try (var client = OpenAIChatCompletionClient.builder().model("llama3.2").apiKey("sk-very-secret")
                .baseUrl("http://localhost:11434/v1").modelInfo(info).temperature(0.5).timeout(Duration.ofSeconds(30))
                .maxRetries(5).build()) {
            String json = client.dumpComponent().toJson();

            assertThat(json).doesNotContain("sk-very-secret");
            JsonNode dumped = AutogenJson.mapper().readTree(json);
            assertThat(dumped.get("provider").asText()).isEqualTo("autogen_ext.models.openai.OpenAIChatCompletionClient");
            assertThat(dumped.get("component_type").asText()).isEqualTo("model");
            assertThat(dumped.get("version").asInt()).isEqualTo(1);
            assertThat(dumped.get("component_version").asInt()).isEqualTo(1);
            assertThat(dumped.get("description").asText()).isEqualTo("Chat completion client for OpenAI hosted models.");
            assertThat(dumped.get("label").asText()).isEqualTo("OpenAIChatCompletionClient");
            assertThat(dumped.get("config")).hasToString("{\"temperature\":0.5,\"model\":\"llama3.2\",\"api_key\":\"**********\","
                    + "\"timeout\":30.0,\"max_retries\":5,\"model_info\":{\"vision\":false,\"function_calling\":true,"
                    + "\"json_output\":true,\"family\":\"unknown\",\"structured_output\":true},"
                    + "\"base_url\":\"http://localhost:11434/v1\"}");

            try (var reloaded = (OpenAIChatCompletionClient) ComponentLoader.loadComponent(json, ChatCompletionClient.class)) {
                assertThat(reloaded.modelInfo()).isEqualTo(info);
                assertThat(reloaded.timeout()).isEqualTo(Duration.ofSeconds(30));
                assertThat(reloaded.maxRetries()).isEqualTo(5);
                assertThat(reloaded.toConfig().apiKey()).isNull();
            }
        }
    }

    @Test
    void theAzureDumpMasksTheKey() {
        try (var client = AzureOpenAIChatCompletionClient.builder().model("gpt-4o").apiKey("azure-secret")
                .azureEndpoint("https://res.openai.azure.com/").azureDeployment("dep").apiVersion("2024-06-01").build()) {
            String json = client.dumpComponent().toJson();
            assertThat(json).doesNotContain("azure-secret").contains("\"api_key\":\"**********\"")
                    .contains("\"label\":\"AzureOpenAIChatCompletionClient\"")
                    .contains("\"azure_deployment\":\"dep\"");
        }
    }

    @Test
    void anUnknownModelInAConfigFailsNamingModelInfo() {
        String json = """
                {"provider": "OpenAIChatCompletionClient", "config": {"model": "mistral-7b", "base_url": "http://localhost:1234/v1"}}
                """;
        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, ChatCompletionClient.class))
                .isInstanceOf(ComponentLoadException.class).hasMessageContaining("model_info is required");
    }

    @Test
    void aTokenProviderComponentWithoutTheAuthModuleNamesTheModule() {
        String json = """
                {"provider": "AzureOpenAIChatCompletionClient", "config": {"model": "gpt-4o",
                 "azure_endpoint": "https://res.openai.azure.com/", "api_version": "2024-06-01",
                 "azure_ad_token_provider": {"provider": "autogen_ext.auth.azure.AzureTokenProvider",
                   "config": {"provider_kind": "DefaultAzureCredential", "scopes": ["https://cognitiveservices.azure.com/.default"]}}}}
                """;
        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, ChatCompletionClient.class))
                .isInstanceOf(ComponentLoadException.class).hasMessageContaining("dev.autogen:autogen-ext-auth-azure")
                .hasMessageContaining("azure_ad_token_provider");
    }

    @Test
    void theKnownModelTableResolvesShortNames() {
        assertThat(OpenAIModelInfo.resolveModel("gpt-4o")).isEqualTo("gpt-4o-2024-08-06");
        assertThat(OpenAIModelInfo.info("gpt-4.1-mini").orElseThrow().family()).isEqualTo(ModelFamily.GPT_41);
        assertThat(OpenAIModelInfo.info("o3-mini").orElseThrow().vision()).isFalse();
        assertThat(OpenAIModelInfo.info("gemini-2.0-flash").orElseThrow().multipleSystemMessages()).isFalse();
        assertThat(OpenAIModelInfo.tokenLimit("gpt-3.5-turbo").orElseThrow()).isEqualTo(16385);
        assertThat(OpenAIModelInfo.tokenLimit("o4-mini").orElseThrow()).isEqualTo(200000);
        assertThat(OpenAIModelInfo.info("my-local-model")).isEmpty();
    }
}
