package dev.autogen.ext.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.core.util.ConfigurationSource;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.ext.models.openai.AzureAIChatCompletionClient;
import dev.autogen.ext.models.openai.AzureOpenAIChatCompletionClient;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.serialization.AutogenJson;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class AzureTokenProviderTest {
    private static final String CONFIG = """
            {"provider": "autogen_ext.auth.azure.AzureTokenProvider", "component_type": "token_provider",
             "version": 1, "component_version": 1, "label": "AzureTokenProvider",
             "config": {"provider_kind": "DefaultAzureCredential", "scopes": ["https://cognitiveservices.azure.com/.default"]}}
            """;

    /** A credential that counts its calls and hands out tokens living {@code minutes}. */
    private static final class CountingCredential implements TokenCredential {
        final List<List<String>> asked = new CopyOnWriteArrayList<>();
        private final long minutes;

        CountingCredential(long minutes) {
            this.minutes = minutes;
        }

        @Override
        public Mono<AccessToken> getToken(TokenRequestContext request) {
            asked.add(request.getScopes());
            return Mono.just(new AccessToken("token-" + asked.size(), OffsetDateTime.now().plusMinutes(minutes)));
        }
    }

    @Test
    void aTokenIsCachedUntilItNearsItsExpiry() {
        var longLived = new CountingCredential(60);
        var provider = new AzureTokenProvider(longLived, "https://cognitiveservices.azure.com/.default");
        assertThat(provider.get()).isEqualTo("token-1");
        assertThat(provider.get()).isEqualTo("token-1");
        assertThat(longLived.asked).containsExactly(List.of("https://cognitiveservices.azure.com/.default"));

        var shortLived = new CountingCredential(1);     // inside the five-minute refresh margin
        var refreshing = new AzureTokenProvider(shortLived, "https://ml.azure.com/.default");
        assertThat(refreshing.get()).isEqualTo("token-1");
        assertThat(refreshing.get()).isEqualTo("token-2");
    }

    @Test
    void aFailingCredentialIsReportedWithTheScopes() {
        TokenCredential failing = request -> Mono.error(new IllegalStateException("no credential in the chain answered"));
        var provider = new AzureTokenProvider(failing, "https://cognitiveservices.azure.com/.default");
        assertThatThrownBy(provider::get).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("https://cognitiveservices.azure.com/.default")
                .hasMessageContaining("no credential in the chain answered");
        assertThatThrownBy(() -> new AzureTokenProvider(new CountingCredential(60)))
                .hasMessageContaining("at least one scope");
    }

    @Test
    void pythonsConfigLoadsAsASupplierAndDumpsTheSame() throws Exception {
        Supplier<?> loaded = ComponentLoader.defaultLoader()
                .withAttribute(Configuration.class, new Configuration())
                .load(CONFIG, Supplier.class);
        assertThat(loaded).isInstanceOf(AzureTokenProvider.class);
        var provider = (AzureTokenProvider) loaded;
        assertThat(provider.scopes()).containsExactly("https://cognitiveservices.azure.com/.default");
        assertThat(provider.dumpComponent().toJsonNode()).isEqualTo(AutogenJson.mapper().readTree(CONFIG));
        assertThatThrownBy(() -> new AzureTokenProvider(new CountingCredential(60), "s").dumpComponent())
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("Only DefaultAzureCredential");
    }

    @Test
    void anotherCredentialKindIsRefusedAsInPython() {
        String json = CONFIG.replace("\"DefaultAzureCredential\"", "\"ManagedIdentityCredential\"");
        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, Supplier.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("provider_kind")
                .hasMessageContaining("Only DefaultAzureCredential is supported");
    }

    @Test
    void clientsBuiltWithAnAzureTokenProviderDumpItAsPythonsComponent() {
        var credential = new DefaultAzureCredentialBuilder().configuration(new Configuration()).build();
        var tokens = new AzureTokenProvider(credential, "https://cognitiveservices.azure.com/.default");
        try (var openAI = AzureOpenAIChatCompletionClient.builder().model("gpt-4o").apiVersion("2024-06-01")
                .azureEndpoint("https://my-resource.openai.azure.com/").azureAdTokenProvider(tokens).build();
             var foundry = AzureAIChatCompletionClient.builder().endpoint("https://my-resource.services.ai.azure.com/models")
                     .modelInfo(ModelInfo.textAndTools()).azureAdTokenProvider(tokens).build()) {
            for (JsonNode dumped : List.of(openAI.dumpComponent().toJsonNode(), foundry.dumpComponent().toJsonNode())) {
                JsonNode provider = dumped.at("/config/azure_ad_token_provider");
                assertThat(provider.path("provider").asText()).isEqualTo(AzureTokenProvider.PROVIDER);
                assertThat(provider.path("component_type").asText()).isEqualTo("token_provider");
                assertThat(provider.at("/config/provider_kind").asText()).isEqualTo("DefaultAzureCredential");
                assertThat(provider.at("/config/scopes/0").asText()).isEqualTo("https://cognitiveservices.azure.com/.default");
            }
        }
    }

    @Test
    void theLoadersAzureConfigurationIsWhatTheCredentialReads() {
        // Settings given through azure-core's Configuration, not the process environment, reach
        // DefaultAzureCredential: here an authority host it refuses, before any request is made.
        ConfigurationSource none = source -> Map.of();
        ConfigurationSource settings = source -> Map.of("AZURE_AUTHORITY_HOST", "http://127.0.0.1:9");
        Configuration configuration = new ConfigurationBuilder(none, none, settings).build();
        assertThatThrownBy(() -> ComponentLoader.defaultLoader().withAttribute(Configuration.class, configuration)
                .load(CONFIG, Supplier.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("AzureTokenProvider")
                .hasMessageContaining("Authority host must use https scheme");
    }
}
