package dev.autogen.ext.models.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenAIClientTest {
    final CancellationToken token = new CancellationToken();

    @Test
    void settingsComeFromTheEnvironmentAsForTheChatClient() throws Exception {
        try (var server = new FakeOpenAIServer()) {
            server.enqueue(FakeOpenAIServer.json(200, "{\"object\": \"list\", \"data\": []}"));
            Map<String, String> env = Map.of("OPENAI_BASE_URL", server.baseUrl() + "/", "OPENAI_API_KEY", "sk-env",
                    "OPENAI_ORG_ID", "org-1", "OPENAI_PROJECT_ID", "proj-1");
            var query = new java.util.LinkedHashMap<String, String>();
            query.put("purpose", "assistants");
            query.put("after", "a b");
            try (var client = OpenAIClient.builder().env(env::get).defaultHeaders(Map.of("X-Extra", "1")).build()) {
                assertThat(client.get("/files", query, token).path("object")
                        .asText()).isEqualTo("list");
            }
            var request = server.requests.getFirst();
            assertThat(request.method() + " " + request.path() + "?" + request.query())
                    .isEqualTo("GET /v1/files?purpose=assistants&after=a b");
            assertThat(request.header("Authorization")).isEqualTo("Bearer sk-env");
            assertThat(request.header("OpenAI-Organization")).isEqualTo("org-1");
            assertThat(request.header("OpenAI-Project")).isEqualTo("proj-1");
            assertThat(request.header("X-Extra")).isEqualTo("1");
        }
    }

    @Test
    void openAIItselfWithoutAKeyFailsBeforeSendingNamingTheVariable() {
        try (var client = OpenAIClient.builder().env(name -> null).build()) {
            assertThat(client.baseUrl()).hasToString("https://api.openai.com/v1");
            assertThatThrownBy(() -> client.get("/files", Map.of(), token)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Missing OpenAI API key: pass apiKey(...) to the builder or set the OPENAI_API_KEY"
                            + " environment variable");
        }
    }

    @Test
    void azureUsesTheApiKeyHeaderOrAFreshTokenPerRequestAndTheApiVersion() throws Exception {
        assertThatThrownBy(() -> OpenAIClient.builder().azureEndpoint("https://r.openai.azure.com").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("api_version");
        try (var server = new FakeOpenAIServer()) {
            server.enqueue(FakeOpenAIServer.json(200, "{}")).enqueue(FakeOpenAIServer.json(200, "{}"));
            var tokens = new AtomicInteger();
            try (var client = OpenAIClient.builder().env(name -> null).azureEndpoint(server.root())
                    .apiVersion("2024-05-01-preview").azureAdTokenProvider(() -> "t" + tokens.incrementAndGet())
                    .build()) {
                client.get("/assistants", Map.of("limit", "1"), token);
                client.delete("/files/file-1", token);
            }
            assertThat(server.requests).extracting(r -> r.method() + " " + r.path() + "?" + r.query())
                    .containsExactly("GET /openai/assistants?limit=1&api-version=2024-05-01-preview",
                            "DELETE /openai/files/file-1?api-version=2024-05-01-preview");
            assertThat(server.requests).extracting(r -> r.header("Authorization")).containsExactly("Bearer t1", "Bearer t2");
        }
        try (var client = OpenAIClient.builder().env(name -> null).azureEndpoint("https://r.openai.azure.com/")
                .apiVersion("2024-05-01-preview").build()) {
            assertThatThrownBy(() -> client.get("/assistants", Map.of(), token)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Missing credentials for Azure OpenAI at r.openai.azure.com");
        }
    }

    @Test
    void anAnswerThatIsNotJsonIsReportedWithItsStart() throws Exception {
        try (var server = new FakeOpenAIServer()) {
            server.enqueue(FakeOpenAIServer.json(200, "<html>proxy login</html>"));
            try (var client = OpenAIClient.builder().baseUrl(server.baseUrl()).apiKey("k").build()) {
                assertThatThrownBy(() -> client.post("/threads",
                        dev.autogen.core.serialization.AutogenJson.mapper().createObjectNode(), token))
                        .isInstanceOf(OpenAIException.class)
                        .hasMessageContaining("the server at " + server.baseUrl() + "/threads answered HTTP 200")
                        .hasMessageContaining("malformed JSON")
                        .hasMessageContaining("<html>proxy login</html>");
            }
            assertThatThrownBy(() -> OpenAIClient.builder().baseUrl("not a url").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("base_url 'not a url' is not an");
        }
    }
}
