package dev.autogen.ext.models.openai;

import static dev.autogen.ext.models.openai.FakeOpenAIServer.chunk;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.completion;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.json;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.sse;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.sseCut;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.usageChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.ToolChoice;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.ToolSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Azure AI Model Inference wire format against the loopback chat-completions server: the
 * request (path, api-version, auth headers, body without OpenAI-only fields), answers, tool calls,
 * streams, errors, and the component config.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AzureAIChatCompletionClientTest {
    private static final List<LLMMessage> HELLO = List.of(
            new SystemMessage("You are a helpful assistant."), new UserMessage("What is the capital of France?", "user"));
    private static final ToolSchema WEATHER = new ToolSchema("get_weather", "Get the weather for a city",
            ParametersSchema.of(Map.of("city", AutogenJson.mapper().createObjectNode().put("type", "string")),
                    List.of("city")), null);
    private static final ModelInfo PHI = ModelInfo.builder().functionCalling(true).jsonOutput(true).family("phi4").build();

    private FakeOpenAIServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAIServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AzureAIChatCompletionClient.Builder client() {
        return AzureAIChatCompletionClient.builder().endpoint(server.root() + "/models").modelInfo(PHI)
                .apiKey("azure-ai-key").environment(name -> null).idleTimeout(Duration.ofSeconds(60));
    }

    @Test
    void aCompletionGoesToTheInferenceRouteWithTheKeyAsBearerAndNoOpenAIOnlyFields() {
        server.enqueue(json(200, completion("Paris.", 12, 2)));
        try (var client = client().temperature(0.2).maxTokens(50).stop("END").seed(7).build()) {
            CreateResult result = client.create(HELLO);
            assertThat(result.content()).isEqualTo(new ModelContent.Text("Paris."));
            assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(result.usage()).isEqualTo(new RequestUsage(12, 2));
            assertThat(client.totalUsage()).isEqualTo(new RequestUsage(12, 2));
        }
        var request = server.requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/models/chat/completions");
        assertThat(request.query()).isEqualTo("api-version=2024-05-01-preview");
        assertThat(request.header("Authorization")).isEqualTo("Bearer azure-ai-key");
        assertThat(request.header("api-key")).isEqualTo("azure-ai-key");
        assertThat(request.header("extra-parameters")).isNull();
        assertThat(request.body()).hasToString("{\"messages\":[{\"content\":\"You are a helpful assistant.\",\"role\":\"system\"},"
                + "{\"content\":\"What is the capital of France?\",\"role\":\"user\"}],"
                + "\"max_tokens\":50,\"seed\":7,\"stop\":[\"END\"],\"temperature\":0.2}");
    }

    @Test
    void gitHubModelsNeedAModelAndReadGitHubToken() {
        assertThatThrownBy(() -> AzureAIChatCompletionClient.builder()
                .endpoint(AzureAIChatCompletionClient.GITHUB_MODELS_ENDPOINT).modelInfo(PHI).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model is required for when using a Github model");
        try (var client = AzureAIChatCompletionClient.builder().endpoint(AzureAIChatCompletionClient.GITHUB_MODELS_ENDPOINT)
                .model("Phi-4").modelInfo(PHI).environment(Map.of("GITHUB_TOKEN", "ghp-token")::get).build()) {
            assertThat(client.endpoint()).hasToString("https://models.github.ai/inference/chat/completions"
                    + "?api-version=2024-05-01-preview");
            assertThat(client.configurationProblem()).isEmpty();
            assertThat(client.headers()).containsEntry("Authorization", "Bearer ghp-token");
        }
        try (var client = AzureAIChatCompletionClient.builder().endpoint(AzureAIChatCompletionClient.GITHUB_MODELS_ENDPOINT)
                .model("Phi-4").modelInfo(PHI).environment(name -> null).build()) {
            assertThat(client.configurationProblem()).hasValueSatisfying(p -> assertThat(p).contains("GITHUB_TOKEN"));
        }
    }

    @Test
    void aMissingModelInfoIsRefusedSayingWhatToGive() {
        assertThatThrownBy(() -> AzureAIChatCompletionClient.builder().endpoint(server.root()).apiKey("k").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("model_info is required for AzureAIChatCompletionClient")
                .hasMessageContaining("modelInfo(");
        String json = """
                {"provider": "autogen_ext.models.azure.AzureAIChatCompletionClient", "component_type": "model",
                 "config": {"endpoint": "https://x.services.ai.azure.com/models", "model": "Phi-4"}}
                """;
        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, ChatCompletionClient.class))
                .isInstanceOf(ComponentLoadException.class).hasMessageContaining("model_info is required");
    }

    @Test
    void theModelIsSentWhenNamedAndModelExtrasPassThroughWithTheHeader() {
        server.enqueue(json(200, completion("ok", 1, 1))).enqueue(json(200, completion("ok", 1, 1)));
        try (var client = client().model("DeepSeek-V3").modelExtras(Map.of("safe_mode", true)).build()) {
            client.create(HELLO);
            client.create(CreateRequest.builder(HELLO).extraCreateArg("model_extras", Map.of("top_k", 40)).build());
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).extraCreateArg("logit_bias", Map.of()).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Extra create args are invalid: [logit_bias]")
                    .hasMessageContaining("model_extras");
        }
        var first = server.requests.get(0);
        assertThat(first.body().path("model").asText()).isEqualTo("DeepSeek-V3");
        assertThat(first.body().path("safe_mode").asBoolean()).isTrue();
        assertThat(first.body().has("model_extras")).isFalse();
        assertThat(first.header("extra-parameters")).isEqualTo("pass-through");
        var second = server.requests.get(1);
        assertThat(second.body().path("top_k").asInt()).isEqualTo(40);
        assertThat(second.body().has("safe_mode")).isFalse();
        assertThat(second.header("extra-parameters")).isEqualTo("pass-through");
    }

    @Test
    void toolsAreSentWithoutStrictAndToolCallsComeBackAsFunctionCalls() {
        server.enqueue(json(200, """
                {"id": "x", "object": "chat.completion", "created": 1, "model": "Phi-4",
                 "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant",
                   "content": "Let me look.", "tool_calls": [{"id": "call_1", "type": "function",
                     "function": {"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\"}"}}]}}],
                 "usage": {"prompt_tokens": 20, "completion_tokens": 9, "total_tokens": 29}}
                """));
        try (var client = client().build()) {
            CreateResult result = client.create(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER))
                    .toolChoice(ToolChoice.tool("get_weather")).build());
            assertThat(result.finishReason()).isEqualTo(FinishReason.FUNCTION_CALLS);
            assertThat(result.content()).isEqualTo(new ModelContent.FunctionCalls(
                    List.of(new FunctionCall("call_1", "{\"city\": \"Paris\"}", "get_weather"))));
            assertThat(result.thought()).isEqualTo("Let me look.");
        }
        JsonNode body = server.requests.get(0).body();
        assertThat(body.at("/tools/0")).hasToString("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"description\":\"Get the weather for a city\",\"parameters\":{\"type\":\"object\",\"properties\":"
                + "{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"],\"additionalProperties\":false}}}");
        assertThat(body.get("tool_choice")).hasToString("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}");
    }

    @Test
    void aStreamYieldsTextThenTheResultWithUsageAndAsksForNoStreamOptions() {
        server.enqueue(sse(chunk("{\"role\": \"assistant\", \"content\": \"Par\"}", null),
                chunk("{\"content\": \"is.\"}", null), chunk("{}", "stop"), usageChunk(10, 3)));
        List<CreateStreamItem> items = new ArrayList<>();
        try (var client = client().build(); var stream = client.createStream(HELLO)) {
            stream.forEach(items::add);
        }
        assertThat(items).startsWith(new ChatCompletionChunk("Par"), new ChatCompletionChunk("is."));
        CreateResult result = (CreateResult) items.getLast();
        assertThat(result.content()).isEqualTo(new ModelContent.Text("Paris."));
        assertThat(result.usage()).isEqualTo(new RequestUsage(10, 3));
        JsonNode body = server.requests.get(0).body();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.has("stream_options")).isFalse();
        assertThat(server.requests.get(0).header("Accept")).isEqualTo("text/event-stream");
    }

    @Test
    void streamedToolCallsAreAssembled() {
        server.enqueue(sse(
                chunk("{\"role\": \"assistant\", \"tool_calls\": [{\"index\": 0, \"id\": \"call_9\", \"type\": \"function\","
                        + " \"function\": {\"name\": \"get_weather\", \"arguments\": \"\"}}]}", null),
                chunk("{\"tool_calls\": [{\"index\": 0, \"function\": {\"arguments\": \"{\\\"city\\\": \\\"Oslo\\\"}\"}}]}", null),
                chunk("{}", "tool_calls")));
        try (var client = client().build(); var stream = client.createStream(
                CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER)).build())) {
            List<CreateStreamItem> items = new ArrayList<>();
            stream.forEach(items::add);
            CreateResult result = (CreateResult) items.getLast();
            assertThat(result.content()).isEqualTo(new ModelContent.FunctionCalls(
                    List.of(new FunctionCall("call_9", "{\"city\": \"Oslo\"}", "get_weather"))));
            assertThat(result.finishReason()).isEqualTo(FinishReason.FUNCTION_CALLS);
        }
        assertThat(server.requests.get(0).body().path("tool_choice").asText()).isEqualTo("auto");
    }

    @Test
    void anR1ModelsThinkingBecomesTheThought() {
        server.enqueue(json(200, completion("<think>France's capital.</think> Paris.", 5, 5)));
        try (var client = client().modelInfo(ModelInfo.builder().family(ModelFamily.R1).build()).build()) {
            CreateResult result = client.create(HELLO);
            assertThat(result.thought()).isEqualTo("France's capital.");
            assertThat(result.content()).isEqualTo(new ModelContent.Text("Paris."));
        }
    }

    @Test
    void whatTheModelCannotDoIsRefusedBeforeCalling() {
        record Verdict(boolean ok) {
        }
        Image image = Image.fromBytes(Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="));
        try (var client = client().modelInfo(ModelInfo.unknown()).build()) {
            assertThatThrownBy(() -> client.create(List.of(UserMessage.of("user", "What is this?", image))))
                    .hasMessage("Model does not support vision and image was provided");
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER)).build()))
                    .hasMessage("Model does not support function calling");
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).jsonOutput(true).build()))
                    .hasMessage("Model does not support JSON output.");
        }
        try (var client = client().modelInfo(ModelInfo.allCapabilities("gpt-4o")).build()) {
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).jsonOutput(Verdict.class).build()))
                    .hasMessage("Structured output is not currently supported for AzureAIChatCompletionClient");
        }
        assertThatThrownBy(() -> client().modelInfo(ModelInfo.unknown()).responseFormat("json_object").build())
                .hasMessage("Model does not support JSON output.");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void jsonModeSendsAJsonObjectResponseFormat() {
        server.enqueue(json(200, completion("{\"a\": 1}", 1, 1))).enqueue(json(200, completion("{}", 1, 1)));
        try (var client = client().build()) {
            client.create(CreateRequest.builder(HELLO).jsonOutput(true).build());
            client.create(CreateRequest.builder(HELLO).extraCreateArg("response_format", "json_object").build());
        }
        assertThat(server.requests.get(0).body().get("response_format")).hasToString("{\"type\":\"json_object\"}");
        assertThat(server.requests.get(1).body().get("response_format")).hasToString("{\"type\":\"json_object\"}");
    }

    @Test
    void errorsNameTheApiTheStatusAndTheServersMessage() {
        server.enqueue(json(401, "{\"error\": {\"code\": \"Unauthorized\", \"message\": \"Invalid key\", \"status\": 401}}"));
        try (var client = client().build()) {
            assertThatThrownBy(() -> client.create(HELLO)).isInstanceOf(OpenAIApiException.class)
                    .hasMessageContaining("Azure AI model inference API request POST " + server.root()
                            + "/models/chat/completions?api-version=2024-05-01-preview failed with HTTP 401: Invalid key")
                    .hasMessageNotContaining("azure-ai-key");
        }
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void a429IsRetriedAfterTheServersDelay() {
        server.enqueue(json(429, "{\"error\": {\"message\": \"Rate limit\"}}", "retry-after-ms", "5"))
                .enqueue(json(200, completion("ok", 1, 1)));
        try (var client = client().build()) {
            assertThat(client.create(HELLO).content()).isEqualTo(new ModelContent.Text("ok"));
        }
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void malformedJsonAndACutStreamAreClearErrors() {
        server.enqueue(json(200, "{\"choices\": [oops"));
        try (var client = client().maxRetries(0).build()) {
            assertThatThrownBy(() -> client.create(HELLO)).isInstanceOf(OpenAIException.class)
                    .hasMessageContaining("malformed JSON").hasMessageContaining("/models/chat/completions");
        }
        server.enqueue(sseCut(chunk("{\"content\": \"Par\"}", null)));
        try (var client = client().maxRetries(0).build(); var stream = client.createStream(HELLO)) {
            assertThatThrownBy(() -> stream.forEach(item -> { })).isInstanceOf(OpenAIException.class)
                    .hasMessageContaining("/models/chat/completions");
        }
    }

    @Test
    void aTokenProviderIsAskedBeforeEveryAttempt() {
        server.enqueue(json(503, "{\"error\": {\"message\": \"busy\"}}", "retry-after-ms", "5"))
                .enqueue(json(200, completion("ok", 1, 1)));
        var calls = new AtomicInteger();
        try (var client = AzureAIChatCompletionClient.builder().endpoint(server.root() + "/models").modelInfo(PHI)
                .environment(name -> null).azureAdTokenProvider(() -> "entra-" + calls.incrementAndGet()).build()) {
            client.create(HELLO);
            assertThatThrownBy(client::dumpComponent).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("azure_ad_token_provider");
        }
        assertThat(server.requests).extracting(r -> r.header("Authorization")).last().isEqualTo("Bearer entra-3");
        assertThat(server.requests.get(1).header("api-key")).isNull();
    }

    @Test
    void theConfigRoundTripsWithTheKeyMasked() throws Exception {
        server.enqueue(json(200, completion("ok", 1, 1)));
        try (var client = client().model("Phi-4").temperature(0.5).responseFormat("text")
                .modelExtras(Map.of("top_k", 3)).build()) {
            String dumped = client.dumpComponent().toJson();
            JsonNode node = AutogenJson.mapper().readTree(dumped);
            assertThat(node.path("provider").asText()).isEqualTo("autogen_ext.models.azure.AzureAIChatCompletionClient");
            assertThat(node.path("component_type").asText()).isEqualTo("model");
            assertThat(dumped).doesNotContain("azure-ai-key");
            assertThat(node.at("/config/api_key").asText()).isEqualTo("**********");
            assertThat(node.at("/config/endpoint").asText()).isEqualTo(server.root() + "/models");
            assertThat(node.at("/config/model_info/family").asText()).isEqualTo("phi4");
            assertThat(node.at("/config/model_extras/top_k").asInt()).isEqualTo(3);

            var withKey = dumped.replace("\"**********\"", "\"azure-ai-key\"");
            try (var loaded = (AzureAIChatCompletionClient) ComponentLoader.loadComponent(withKey, ChatCompletionClient.class)) {
                assertThat(loaded.toConfig()).isEqualTo(client.toConfig());
                assertThat(loaded.configuredModel()).hasValue("Phi-4");
                loaded.create(HELLO);
            }
        }
        assertThat(server.requests.get(0).header("Authorization")).isEqualTo("Bearer azure-ai-key");
        assertThat(server.requests.get(0).body().path("top_k").asInt()).isEqualTo(3);
    }

    @Test
    void aTokenProviderComponentNeedsTheAuthModule() {
        String json = """
                {"provider": "AzureAIChatCompletionClient", "config": {"endpoint": "https://x.services.ai.azure.com/models",
                 "model_info": {"vision": false, "function_calling": true, "json_output": false, "family": "unknown",
                                "structured_output": false},
                 "azure_ad_token_provider": {"provider": "autogen_ext.auth.azure.AzureTokenProvider",
                   "component_type": "token_provider",
                   "config": {"provider_kind": "DefaultAzureCredential", "scopes": ["https://cognitiveservices.azure.com/.default"]}}}}
                """;
        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, ChatCompletionClient.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("azure_ad_token_provider")
                .hasMessageContaining("dev.autogen:autogen-ext-auth-azure");
    }
}
