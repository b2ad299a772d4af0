package dev.autogen.ext.models.openai;

import static dev.autogen.ext.models.openai.FakeOpenAIServer.chunk;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.completion;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.delayed;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.json;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.sse;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.usageChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.JsonOutput;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OpenAIChatCompletionClientTest {
    private static final List<LLMMessage> HELLO = List.of(
            new SystemMessage("You are a helpful assistant."), new UserMessage("What is the capital of France?", "user"));
    private static final ToolSchema WEATHER = new ToolSchema("get_weather", "Get the weather for a city",
            ParametersSchema.of(Map.of("city", AutogenJson.mapper().createObjectNode().put("type", "string")),
                    List.of("city")), null);

    private FakeOpenAIServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAIServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAIChatCompletionClient.Builder client() {
        return OpenAIChatCompletionClient.builder().model("gpt-4o").baseUrl(server.baseUrl()).apiKey("sk-test")
                .environment(name -> null);
    }

    @Test
    void createSendsTheChatCompletionRequestAndReadsTheAnswer() {
        server.enqueue(json(200, completion("Paris.", 20, 2)));
        try (var client = client().temperature(0.2).seed(42).maxTokens(100).topP(0.9).stop("END")
                .presencePenalty(0.1).frequencyPenalty(0.3).defaultHeader("X-Team", "blue").organization("org-1").build()) {
            CreateResult result = client.create(HELLO);

            assertThat(result.content()).isEqualTo(new ModelContent.Text("Paris."));
            assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(result.usage()).isEqualTo(new RequestUsage(20, 2));
            assertThat(result.cached()).isFalse();
            assertThat(result.thought()).isNull();

            var request = server.requests.get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/chat/completions");
            assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
            assertThat(request.header("OpenAI-Organization")).isEqualTo("org-1");
            assertThat(request.header("X-Team")).isEqualTo("blue");
            JsonNode body = request.body();
            assertThat(body.get("model").asText()).isEqualTo("gpt-4o");
            assertThat(body.get("messages")).hasToString("[{\"content\":\"You are a helpful assistant.\",\"role\":\"system\"},"
                    + "{\"content\":\"What is the capital of France?\",\"role\":\"user\",\"name\":\"user\"}]");
            assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
            assertThat(body.get("seed").asLong()).isEqualTo(42);
            assertThat(body.get("max_tokens").asInt()).isEqualTo(100);
            assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
            assertThat(body.get("stop").asText()).isEqualTo("END");
            assertThat(body.get("presence_penalty").asDouble()).isEqualTo(0.1);
            assertThat(body.get("frequency_penalty").asDouble()).isEqualTo(0.3);
            assertThat(body.has("stream")).isFalse();
            assertThat(body.has("tools")).isFalse();
        }
    }

    @Test
    void usageIsCountedPerCallAndInTotal() {
        server.enqueue(json(200, completion("a", 10, 1))).enqueue(json(200, completion("b", 30, 4)));
        try (var client = client().build()) {
            client.create(HELLO);
            client.create(HELLO);
            assertThat(client.actualUsage()).isEqualTo(new RequestUsage(30, 4));
            assertThat(client.totalUsage()).isEqualTo(new RequestUsage(40, 5));
        }
    }

    @Test
    void streamYieldsChunksThenTheResultWithUsage() {
        server.enqueue(sse(chunk("{\"role\": \"assistant\", \"content\": \"\"}", null),
                chunk("{\"content\": \"Par\"}", null), chunk("{\"content\": \"is.\"}", null),
                chunk("{}", "stop"), usageChunk(20, 2)));
        try (var client = client().build(); ChatCompletionStream stream = client.createStream(HELLO)) {
            List<CreateStreamItem> items = new ArrayList<>();
            stream.forEach(items::add);

            assertThat(items).containsExactly(new ChatCompletionChunk("Par"), new ChatCompletionChunk("is."),
                    new CreateResult(FinishReason.STOP, new ModelContent.Text("Paris."), new RequestUsage(20, 2), false,
                            null, null));
            assertThat(client.totalUsage()).isEqualTo(new RequestUsage(20, 2));
            JsonNode body = server.requests.get(0).body();
            assertThat(body.get("stream").asBoolean()).isTrue();
            assertThat(body.get("stream_options")).hasToString("{\"include_usage\":true}");
            assertThat(server.requests.get(0).header("Accept")).isEqualTo("text/event-stream");
        }
    }

    @Test
    void aSingleToolCallBecomesAFunctionCallWithTheTextAsThought() {
        server.enqueue(json(200, """
                {"id": "c", "object": "chat.completion", "model": "gpt-4o-2024-08-06",
                 "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant",
                   "content": "Let me check.",
                   "tool_calls": [{"id": "call_1", "type": "function",
                                   "function": {"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\"}"}}]}}],
                 "usage": {"prompt_tokens": 50, "completion_tokens": 10}}
                """));
        try (var client = client().build()) {
            CreateResult result = client.create(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER))
                    .toolChoice(ToolChoice.REQUIRED).build());

            assertThat(result.finishReason()).isEqualTo(FinishReason.FUNCTION_CALLS);
            assertThat(result.content()).isEqualTo(new ModelContent.FunctionCalls(
                    List.of(new FunctionCall("call_1", "{\"city\": \"Paris\"}", "get_weather"))));
            assertThat(result.thought()).isEqualTo("Let me check.");
            JsonNode body = server.requests.get(0).body();
            assertThat(body.get("tools")).hasToString("[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                    + "\"description\":\"Get the weather for a city\",\"parameters\":{\"type\":\"object\",\"properties\":"
                    + "{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"],\"additionalProperties\":false},"
                    + "\"strict\":false}}]");
            assertThat(body.get("tool_choice").asText()).isEqualTo("required");
        }
    }

    @Test
    void parallelToolCallsAreAssembledFromStreamedDeltas() {
        server.enqueue(sse(
                chunk("{\"role\": \"assistant\", \"tool_calls\": [{\"index\": 0, \"id\": \"call_a\", \"type\": \"function\","
                        + " \"function\": {\"name\": \"get_weather\", \"arguments\": \"\"}}]}", null),
                chunk("{\"tool_calls\": [{\"index\": 0, \"function\": {\"arguments\": \"{\\\"city\\\": \"}}]}", null),
                chunk("{\"tool_calls\": [{\"index\": 1, \"id\": \"call_b\", \"type\": \"function\","
                        + " \"function\": {\"name\": \"get_weather\", \"arguments\": \"{\\\"city\\\": \\\"Oslo\\\"}\"}}]}", null),
                chunk("{\"tool_calls\": [{\"index\": 0, \"function\": {\"arguments\": \"\\\"Paris\\\"}\"}}]}", null),
                chunk("{}", "tool_calls"), usageChunk(60, 30)));
        try (var client = client().build();
                var stream = client.createStream(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER)).build())) {
            CreateResult result = stream.result();

            assertThat(result.finishReason()).isEqualTo(FinishReason.FUNCTION_CALLS);
            assertThat(result.content()).isEqualTo(new ModelContent.FunctionCalls(List.of(
                    new FunctionCall("call_a", "{\"city\": \"Paris\"}", "get_weather"),
                    new FunctionCall("call_b", "{\"city\": \"Oslo\"}", "get_weather"))));
            assertThat(result.usage()).isEqualTo(new RequestUsage(60, 30));
        }
    }

    @Test
    void parallelToolCallsFalseIsSentOnlyWithTools() {
        server.enqueue(json(200, completion("ok", 1, 1))).enqueue(json(200, completion("ok", 1, 1)));
        try (var client = client().parallelToolCalls(false).build()) {
            client.create(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER)).build());
            client.create(HELLO);
        }
        assertThat(server.requests.get(0).body().get("parallel_tool_calls").asBoolean()).isFalse();
        assertThat(server.requests.get(1).body().has("parallel_tool_calls")).isFalse();
    }

    @Test
    void toolResultsAndAssistantCallsAreSentInOpenAIShape() {
        server.enqueue(json(200, completion("It is sunny.", 1, 1)));
        List<LLMMessage> history = List.of(new UserMessage("Weather in Paris?", "user"),
                new AssistantMessage(new ModelContent.FunctionCalls(List.of(new FunctionCall("call_1", "{}", "get_weather"))),
                        "checking", "assistant"),
                new FunctionExecutionResultMessage(List.of(new FunctionExecutionResult("sunny", "get_weather", "call_1", false))));
        try (var client = client().build()) {
            client.create(history);
        }
        assertThat(server.requests.get(0).body().get("messages")).hasToString("[{\"content\":\"Weather in Paris?\","
                + "\"role\":\"user\",\"name\":\"user\"},{\"content\":\"checking\",\"tool_calls\":[{\"id\":\"call_1\","
                + "\"function\":{\"arguments\":\"{}\",\"name\":\"get_weather\"},\"type\":\"function\"}],\"role\":\"assistant\","
                + "\"name\":\"assistant\"},{\"content\":\"sunny\",\"role\":\"tool\",\"tool_call_id\":\"call_1\"}]");
    }

    record Verdict(boolean approved, String reason) {
    }

    @Test
    void structuredOutputSendsAStrictJsonSchemaAndParsesIntoARecord() throws Exception {
        server.enqueue(json(200, completion("{\"approved\": true, \"reason\": \"well argued\"}", 5, 5)));
        try (var client = client().build()) {
            CreateResult result = client.create(CreateRequest.builder(HELLO).jsonOutput(Verdict.class).build());

            Verdict verdict = AutogenJson.mapper().readValue(result.content().toString(), Verdict.class);
            assertThat(verdict).isEqualTo(new Verdict(true, "well argued"));
        }
        JsonNode format = server.requests.get(0).body().get("response_format");
        assertThat(format.get("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/name").asText()).isEqualTo("Verdict");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        assertThat(format.at("/json_schema/schema/additionalProperties").asBoolean()).isFalse();
        assertThat(format.at("/json_schema/schema/properties").has("approved")).isTrue();
    }

    @Test
    void aDefaultResponseFormatFromAJavaTypeIsSentWithEveryRequest() {
        server.enqueue(json(200, completion("{\"approved\": false, \"reason\": \"no\"}", 1, 1)));
        try (var client = client().responseFormat(Verdict.class).build()) {
            client.create(HELLO);
            assertThat(client.toConfig().responseFormat().at("/json_schema/name").asText()).isEqualTo("Verdict");
        }
        assertThat(server.requests.get(0).body().at("/response_format/type").asText()).isEqualTo("json_schema");
    }

    @Test
    void jsonModeAsksForAJsonObject() {
        server.enqueue(json(200, completion("{}", 1, 1)));
        try (var client = client().build()) {
            client.create(CreateRequest.builder(HELLO).jsonOutput(JsonOutput.JSON_MODE).build());
        }
        assertThat(server.requests.get(0).body().get("response_format")).hasToString("{\"type\":\"json_object\"}");
    }

    @Test
    void aRateLimitIsRetriedAfterTheServersRetryAfter() {
        server.enqueue(json(429, "{\"error\": {\"message\": \"Rate limit reached\", \"type\": \"requests\"}}",
                "Retry-After", "1"));
        server.enqueue(json(200, completion("Paris.", 20, 2)));
        try (var client = client().build()) {
            CreateResult result = client.create(HELLO);

            assertThat(result.content()).isEqualTo(new ModelContent.Text("Paris."));
            assertThat(server.requests).hasSize(2);
            long waitedMillis = (server.requests.get(1).nanoTime() - server.requests.get(0).nanoTime()) / 1_000_000;
            assertThat(waitedMillis).as("the client waits the server's Retry-After, longer than its own first backoff")
                    .isGreaterThanOrEqualTo(950);
        }
    }

    @Test
    void serverErrorsExhaustTheRetriesWithAClearError() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(500, "{\"error\": {\"message\": \"The server had an error\", \"type\": \"server_error\"}}",
                    "retry-after-ms", "10"));
        }
        try (var client = client().maxRetries(2).build()) {
            assertThatThrownBy(() -> client.create(HELLO))
                    .isInstanceOfSatisfying(OpenAIApiException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.serverMessage()).isEqualTo("The server had an error");
                        assertThat(e.errorType()).isEqualTo("server_error");
                    })
                    .hasMessageContaining("HTTP 500 after 3 attempts")
                    .hasMessageContaining("The server had an error")
                    .hasMessageContaining(server.baseUrl() + "/chat/completions");
        }
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void aClientErrorIsNotRetriedAndShowsTheServersMessage() {
        server.enqueue(json(401, "{\"error\": {\"message\": \"Incorrect API key provided\", \"type\": \"invalid_request_error\","
                + " \"code\": \"invalid_api_key\"}}"));
        try (var client = client().build()) {
            assertThatThrownBy(() -> client.create(HELLO)).isInstanceOf(OpenAIApiException.class)
                    .hasMessageContaining("HTTP 401: Incorrect API key provided (type: invalid_request_error, code: invalid_api_key)");
        }
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void malformedJsonFromTheServerIsReportedAsSuch() {
        server.enqueue(json(200, "{\"id\": \"chatcmpl-1\", \"choices\": [oops"));
        try (var client = client().build()) {
            assertThatThrownBy(() -> client.create(HELLO)).isInstanceOf(OpenAIException.class)
                    .hasMessageContaining("malformed JSON")
                    .hasMessageContaining(server.baseUrl() + "/chat/completions")
                    .hasMessageContaining("[oops");
        }
    }

    @Test
    void malformedJsonInAStreamIsReportedAsSuch() {
        server.enqueue(sse(chunk("{\"content\": \"Hi\"}", null), "{not json"));
        try (var client = client().build(); var stream = client.createStream(HELLO)) {
            Iterator<CreateStreamItem> items = stream.iterator();
            assertThat(items.next()).isEqualTo(new ChatCompletionChunk("Hi"));
            assertThatThrownBy(items::hasNext).isInstanceOf(OpenAIException.class)
                    .hasMessageContaining("malformed JSON").hasMessageContaining("{not json");
        }
    }

    @Test
    void aSlowServerTimesOut() {
        server.enqueue(delayed(5000, json(200, completion("late", 1, 1))));
        try (var client = client().timeout(Duration.ofMillis(300)).maxRetries(0).build()) {
            assertThatThrownBy(() -> client.create(HELLO)).isInstanceOf(OpenAITimeoutException.class)
                    .hasMessageContaining("timed out after 300 ms");
        }
    }

    @Test
    void closingAStreamMidwayClosesTheConnection() throws Exception {
        server.enqueue(server.sseThenHang(chunk("{\"content\": \"Once upon\"}", null)));
        try (var client = client().build()) {
            ChatCompletionStream stream = client.createStream(HELLO);
            Iterator<CreateStreamItem> items = stream.iterator();
            assertThat(items.next()).isEqualTo(new ChatCompletionChunk("Once upon"));

            stream.close();

            assertThatThrownBy(items::hasNext).isInstanceOf(CancellationException.class);
            assertThat(server.clientDisconnected.await(10, TimeUnit.SECONDS))
                    .as("the server sees the connection closed").isTrue();
        }
    }

    @Test
    void cancellingTheTokenMidStreamClosesTheConnection() throws Exception {
        server.enqueue(server.sseThenHang(chunk("{\"content\": \"Once upon\"}", null)));
        var token = new CancellationToken();
        try (var client = client().build();
                var stream = client.createStream(CreateRequest.builder(HELLO).cancellationToken(token).build())) {
            Iterator<CreateStreamItem> items = stream.iterator();
            assertThat(items.next()).isEqualTo(new ChatCompletionChunk("Once upon"));

            token.cancel();

            assertThatThrownBy(() -> {
                while (items.hasNext()) {
                    items.next();
                }
            }).isInstanceOf(CancellationException.class);
            assertThat(server.clientDisconnected.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void cancellingTheTokenAbortsAWaitingCreate() {
        server.enqueue(delayed(20_000, json(200, completion("late", 1, 1))));
        var token = new CancellationToken();
        try (var client = client().build()) {
            Thread.ofVirtual().start(() -> {
                while (server.requests.isEmpty()) {
                    Thread.onSpinWait();
                }
                token.cancel();
            });
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).cancellationToken(token).build()))
                    .isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void aMissingKeySaysWhichVariableToSet() {
        try (var client = OpenAIChatCompletionClient.builder().model("gpt-4o").environment(name -> null).build()) {
            assertThat(client.configurationProblem()).hasValueSatisfying(problem ->
                    assertThat(problem).contains("set the OPENAI_API_KEY environment variable"));
            assertThatThrownBy(() -> client.create(HELLO)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("set the OPENAI_API_KEY environment variable");
        }
        try (var client = OpenAIChatCompletionClient.builder().model("gemini-1.5-flash").environment(name -> null).build()) {
            assertThat(client.endpoint()).hasToString(OpenAIModelInfo.GEMINI_OPENAI_BASE_URL + "chat/completions");
            assertThatThrownBy(() -> client.create(HELLO)).hasMessageContaining("GEMINI_API_KEY");
        }
    }

    @Test
    void theKeyAndBaseUrlComeFromTheEnvironment() {
        server.enqueue(json(200, completion("hi", 1, 1)));
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-env", "OPENAI_BASE_URL", server.baseUrl());
        try (var client = OpenAIChatCompletionClient.builder().model("gpt-4o-mini").environment(env::get).build()) {
            client.create(HELLO);
        }
        assertThat(server.requests.get(0).header("Authorization")).isEqualTo("Bearer sk-env");
    }

    @Test
    void anUnknownModelNeedsModelInfo() {
        assertThatThrownBy(() -> OpenAIChatCompletionClient.builder().model("llama3.2").baseUrl(server.baseUrl()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model_info is required").hasMessageContaining("'llama3.2'");
    }

    @Test
    void anOpenAICompatibleServerIsCalledAtItsBaseUrlWithoutAKey() {
        server.enqueue(json(200, completion("Hello from Ollama", 7, 3)));
        var info = new ModelInfo(false, true, true, ModelFamily.UNKNOWN, true, null);
        try (var client = OpenAIChatCompletionClient.builder().model("llama3.2").baseUrl(server.baseUrl() + "/")
                .modelInfo(info).environment(name -> null).build()) {
            assertThat(client.configurationProblem()).isEmpty();
            CreateResult result = client.create(HELLO);

            assertThat(result.content()).isEqualTo(new ModelContent.Text("Hello from Ollama"));
            assertThat(client.modelInfo()).isEqualTo(info);
        }
        var request = server.requests.get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.body().get("model").asText()).isEqualTo("llama3.2");
    }

    @Test
    void whatTheModelCannotDoIsRefusedBeforeCalling() {
        var textOnly = new ModelInfo(false, false, false, ModelFamily.UNKNOWN, false, null);
        try (var client = client().model("local").modelInfo(textOnly).build()) {
            Image image = Image.fromBytes(Base64.getDecoder().decode(
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="));
            assertThatThrownBy(() -> client.create(List.of(UserMessage.of("user", "What is this?", image))))
                    .hasMessage("Model does not support vision and image was provided");
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER)).build()))
                    .hasMessage("Model does not support function calling");
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).jsonOutput(true).build()))
                    .hasMessage("Model does not support JSON output.");
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).jsonOutput(Verdict.class).build()))
                    .hasMessage("Model does not support structured output.");
        }
        assertThat(server.requests).isEmpty();
    }

    @Test
    void imagesAreSentAsDataUrls() {
        server.enqueue(json(200, completion("A red pixel.", 1, 1)));
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
        try (var client = client().build()) {
            client.create(List.of(UserMessage.of("user", "What is this?", Image.fromBytes(png))));
        }
        JsonNode content = server.requests.get(0).body().at("/messages/0/content");
        assertThat(content.get(0)).hasToString("{\"text\":\"What is this?\",\"type\":\"text\"}");
        assertThat(content.at("/1/type").asText()).isEqualTo("image_url");
        assertThat(content.at("/1/image_url/url").asText()).startsWith("data:image/png;base64,iVBOR");
    }

    @Test
    void extraCreateArgsArePassedAndCheckedAndExtraBodyIsMerged() {
        server.enqueue(json(200, completion("ok", 1, 1)));
        try (var client = client().build()) {
            client.create(CreateRequest.builder(HELLO).extraCreateArg("temperature", 0.7)
                    .extraCreateArg("extra_body", Map.of("top_k", 40)).build());
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).extraCreateArg("top_k", 40).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Extra create args are invalid: [top_k]")
                    .hasMessageContaining("extra_body");
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).extraCreateArg("stream", true).build()))
                    .hasMessageContaining("Disallowed create args are present: [stream]");
        }
        JsonNode body = server.requests.get(0).body();
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.get("top_k").asInt()).isEqualTo(40);
    }

    @Test
    void namePrefixesAndNamelessMessagesForServersThatNeedThem() {
        server.enqueue(json(200, completion("ok", 1, 1)));
        try (var client = client().addNamePrefixes(true).includeNameInMessage(false).build()) {
            client.create(List.of(new UserMessage("Looks good", "Reviewer")));
        }
        assertThat(server.requests.get(0).body().get("messages"))
                .hasToString("[{\"content\":\"Reviewer said:\\nLooks good\",\"role\":\"user\"}]");
    }

    @Test
    void anInvalidSourceNameIsRefusedWithPythonsMessage() {
        try (var client = client().build()) {
            assertThatThrownBy(() -> client.create(List.of(new UserMessage("hi", "my agent"))))
                    .hasMessage("Invalid name: my agent. Only letters, numbers, '_' and '-' are allowed.");
        }
    }

    @Test
    void systemMessagesAreMergedForModelsThatTakeOnlyOne() {
        server.enqueue(json(200, completion("ok", 1, 1)));
        try (var client = client().model("gemini-1.5-flash").build()) {
            client.create(List.of(new SystemMessage("Be brief."), new SystemMessage("Be kind."), new UserMessage("Hi", "user")));
        }
        assertThat(server.requests.get(0).body().get("messages")).hasToString("[{\"content\":\"Be brief.\\nBe kind.\","
                + "\"role\":\"system\"},{\"content\":\"Hi\",\"role\":\"user\",\"name\":\"user\"}]");
    }

    @Test
    void reasoningInThinkTagsBecomesTheThoughtForR1Models() {
        server.enqueue(json(200, completion("<think>The user wants a city.</think>Paris.", 1, 1)));
        var r1 = new ModelInfo(false, false, false, ModelFamily.R1, false, null);
        try (var client = client().model("deepseek-r1:1.5b").modelInfo(r1).build()) {
            CreateResult result = client.create(HELLO);
            assertThat(result.thought()).isEqualTo("The user wants a city.");
            assertThat(result.content()).isEqualTo(new ModelContent.Text("Paris."));
        }
    }

    @Test
    void streamedReasoningContentIsWrappedInThinkTagsAndKeptAsThought() {
        server.enqueue(sse(chunk("{\"reasoning_content\": \"Capital \"}", null),
                chunk("{\"reasoning_content\": \"of France.\"}", null), chunk("{\"content\": \"Paris.\"}", null),
                chunk("{}", "stop")));
        try (var client = client().build(); var stream = client.createStream(HELLO)) {
            List<CreateStreamItem> items = new ArrayList<>();
            stream.forEach(items::add);
            assertThat(items.subList(0, 4)).containsExactly(new ChatCompletionChunk("<think>Capital "),
                    new ChatCompletionChunk("of France."), new ChatCompletionChunk("</think>"),
                    new ChatCompletionChunk("Paris."));
            CreateResult result = (CreateResult) items.get(4);
            assertThat(result.thought()).isEqualTo("Capital of France.");
            assertThat(result.content()).isEqualTo(new ModelContent.Text("Paris."));
            assertThat(result.usage()).isEqualTo(RequestUsage.ZERO);
        }
    }

    @Test
    void finishReasonsAreNormalisedAsPythonDoes() {
        assertThat(OpenAIResponses.normalizeStopReason("tool_calls")).isEqualTo(FinishReason.FUNCTION_CALLS);
        assertThat(OpenAIResponses.normalizeStopReason("end_turn")).isEqualTo(FinishReason.STOP);
        assertThat(OpenAIResponses.normalizeStopReason("STOP")).isEqualTo(FinishReason.STOP);
        assertThat(OpenAIResponses.normalizeStopReason("MAX_TOKENS")).isEqualTo(FinishReason.UNKNOWN);
        assertThat(OpenAIResponses.normalizeStopReason(null)).isEqualTo(FinishReason.UNKNOWN);
    }

    @Test
    void tokensAreCountedWithTheModelsTokenizerAndTheWindowIsKnown() {
        try (var client = client().build()) {
            int tokens = client.countTokens(HELLO);
            assertThat(tokens).isEqualTo(OpenAITokenCounter.forModel("gpt-4o").countTokens(HELLO));
            assertThat(client.remainingTokens(HELLO)).isEqualTo(128_000 - tokens);
        }
        try (var client = client().model("llama3.2").modelInfo(ModelInfo.unknown()).build()) {
            assertThatThrownBy(() -> client.remainingTokens(HELLO)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'llama3.2'");
        }
    }

    @Test
    void aClosedClientSaysSo() {
        var client = client().build();
        client.close();
        assertThatThrownBy(() -> client.create(HELLO)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
