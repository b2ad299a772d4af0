package dev.autogen.ext.models.openai;

import static dev.autogen.ext.models.openai.FakeOpenAIServer.completion;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.UserMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AzureOpenAIChatCompletionClientTest {
    private FakeOpenAIServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAIServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AzureOpenAIChatCompletionClient.Builder client() {
        return AzureOpenAIChatCompletionClient.builder().model("gpt-4o-mini").azureEndpoint(server.root() + "/")
                .azureDeployment("my-gpt4o-mini").apiVersion("2024-06-01").environment(name -> null);
    }

    @Test
    void anApiKeyGoesInTheApiKeyHeaderAndTheDeploymentInThePath() {
        server.enqueue(json(200, completion("Paris.", 3, 1)));
        try (var client = client().apiKey("azure-key").build()) {
            var result = client.create(List.of(new UserMessage("Capital of France?", "user")));
            assertThat(result.content()).isEqualTo(new ModelContent.Text("Paris."));
        }
        var request = server.requests.get(0);
        assertThat(request.path()).isEqualTo("/openai/deployments/my-gpt4o-mini/chat/completions");
        assertThat(request.query()).isEqualTo("api-version=2024-06-01");
        assertThat(request.header("api-key")).isEqualTo("azure-key");
        assertThat(request.header("Authorization")).isNull();
    }

    @Test
    void aTokenProviderIsAskedForAFreshBearerTokenOnEveryAttempt() {
        server.enqueue(json(503, "{\"error\": {\"message\": \"busy\"}}", "retry-after-ms", "5"));
        server.enqueue(json(200, completion("ok", 1, 1)));
        var calls = new AtomicInteger();
        try (var client = client().azureAdTokenProvider(() -> "token-" + calls.incrementAndGet()).build()) {
            client.create(List.of(new UserMessage("hi", "user")));
            assertThatThrownBy(client::dumpComponent).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("azure_ad_token_provider");
        }
        assertThat(server.requests).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer token-2", "Bearer token-3");
    }

    @Test
    void theDeploymentDefaultsToTheModelAndTheKeyToTheEnvironment() {
        server.enqueue(json(200, completion("ok", 1, 1)));
        Map<String, String> env = Map.of("AZURE_OPENAI_API_KEY", "env-key", "AZURE_OPENAI_ENDPOINT", server.root(),
                "OPENAI_API_VERSION", "2025-01-01-preview");
        try (var client = AzureOpenAIChatCompletionClient.builder().model("gpt-4o").environment(env::get).build()) {
            client.create(List.of(new UserMessage("hi", "user")));
        }
        var request = server.requests.get(0);
        assertThat(request.path()).isEqualTo("/openai/deployments/gpt-4o/chat/completions");
        assertThat(request.query()).isEqualTo("api-version=2025-01-01-preview");
        assertThat(request.header("api-key")).isEqualTo("env-key");
    }

    @Test
    void missingCredentialsNameEveryWayToGiveThem() {
        try (var client = client().build()) {
            assertThat(client.configurationProblem()).hasValueSatisfying(problem ->
                    assertThat(problem).contains("AZURE_OPENAI_API_KEY"));
            assertThatThrownBy(() -> client.create(List.of(new UserMessage("hi", "user"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("AZURE_OPENAI_API_KEY").hasMessageContaining("azureAdTokenProvider");
        }
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aMissingEndpointIsReported() {
        assertThatThrownBy(() -> AzureOpenAIChatCompletionClient.builder().model("gpt-4o").apiVersion("2024-06-01")
                .environment(name -> null).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AZURE_OPENAI_ENDPOINT");
    }
}
