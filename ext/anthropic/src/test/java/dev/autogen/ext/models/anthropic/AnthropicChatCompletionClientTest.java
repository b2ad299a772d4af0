package dev.autogen.ext.models.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.ChatCompletionClient;
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
import dev.autogen.core.testing.LocalHttpServer;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.ToolSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicChatCompletionClientTest {
    private static final String MODEL = "claude-3-5-haiku-20241022";
    private static final List<LLMMessage> HELLO = List.of(
            new SystemMessage("You are helpful."),
            new SystemMessage("Be brief."),
            new UserMessage("What is the capital of France?", "user"));
    private static final ToolSchema WEATHER = new ToolSchema("get_weather", "Get the weather for a city",
            ParametersSchema.of(Map.of("city", AutogenJson.mapper().createObjectNode().put("type", "string")
                    .put("description", "The city")), List.of("city")), null);
    private static final ToolSchema TIME = new ToolSchema("get_time", "Get the time", null, null);

    private LocalHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AnthropicChatCompletionClient.Builder client() {
        return AnthropicChatCompletionClient.builder(MODEL).apiKey("sk-test").baseUrl(server.url())
                .environment(Map.of());
    }

    private static String message(String content, String stopReason, int in, int out) {
        return """
                {"id":"msg_01","type":"message","role":"assistant","model":"%s","content":%s,
                 "stop_reason":"%s","stop_sequence":null,"usage":{"input_tokens":%d,"output_tokens":%d}}
                """.formatted(MODEL, content, stopReason, in, out);
    }

    private static String sse(String... events) {
        var sb = new StringBuilder();
        for (String data : events) {
            String type = AutogenJsonType.of(data);
            sb.append("event: ").append(type).append('\n').append("data: ").append(data).append("\n\n");
        }
        return sb.toString();
    }

    /** Reads the "type" of an event's data, for the "event:" line. */
    private static final class AutogenJsonType {
        static String of(String data) {
            try {
                return AutogenJson.mapper().readTree(data).path("type").asText();
            } catch (IOException e) {
                return "unknown";
            }
        }
    }

    private static void sendSse(HttpExchange exchange, String body) throws IOException {
        LocalHttpServer.send(exchange, 200, "text/event-stream", body, Map.of());
    }

    @Test
    void plainCompletionSendsTheMessagesApiRequestAndReadsTextAndUsage() {
        server.thenJson(200, message("[{\"type\":\"text\",\"text\":\"Paris.\"}]", "end_turn", 21, 3));
        try (var client = client().build()) {
            CreateResult result = client.create(HELLO);

            assertThat(result.content()).isEqualTo(ModelContent.text("Paris."));
            assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(result.usage()).isEqualTo(new RequestUsage(21, 3));
            assertThat(result.thought()).isNull();
            assertThat(client.actualUsage()).isEqualTo(new RequestUsage(21, 3));

            var request = server.lastRequest();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/messages");
            assertThat(request.header("x-api-key")).isEqualTo("sk-test");
            assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
            assertThat(request.header("content-type")).isEqualTo("application/json");
            JsonNode body = request.json();
            assertThat(body.path("model").asText()).isEqualTo(MODEL);
            assertThat(body.path("max_tokens").asInt()).isEqualTo(4096);
            assertThat(body.path("temperature").asDouble()).isEqualTo(1.0);
            assertThat(body.path("system").asText()).isEqualTo("You are helpful.\nBe brief.");
            assertThat(body.path("messages").toString())
                    .isEqualTo("[{\"role\":\"user\",\"content\":\"What is the capital of France?\"}]");
            assertThat(body.has("tools")).isFalse();
            assertThat(body.has("tool_choice")).isFalse();
            assertThat(body.has("stream")).isFalse();

            client.create(HELLO);
            assertThat(client.totalUsage()).isEqualTo(new RequestUsage(42, 6));
        }
    }

    @Test
    void configuredSamplingSettingsAndHeadersAreSent() {
        server.thenJson(200, message("[{\"type\":\"text\",\"text\":\"ok\"}]", "stop_sequence", 1, 1));
        try (var client = client().maxTokens(100).temperature(0.2).topP(0.9).topK(5).stopSequences(List.of("STOP"))
                .metadata(Map.of("user_id", "u-1")).defaultHeaders(Map.of("x-trace", "t-1")).build()) {
            CreateResult result = client.create(CreateRequest.builder(HELLO).extraCreateArg("top_k", 7).build());
            assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        }
        JsonNode body = server.lastRequest().json();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(100);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("top_k").asInt()).isEqualTo(7);
        assertThat(body.path("stop_sequences").toString()).isEqualTo("[\"STOP\"]");
        assertThat(body.path("metadata").path("user_id").asText()).isEqualTo("u-1");
        assertThat(server.lastRequest().header("x-trace")).isEqualTo("t-1");
    }

    @Test
    void streamedCompletionYieldsTextChunksThenTheResult() {
        server.then(exchange -> sendSse(exchange, sse(
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"" + MODEL + "\",\"stop_reason\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "{\"type\":\"ping\"}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\", world\"}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}",
                "{\"type\":\"message_stop\"}")));
        try (var client = client().build(); ChatCompletionStream stream = client.createStream(HELLO)) {
            List<CreateStreamItem> items = new ArrayList<>();
            stream.forEach(items::add);

            assertThat(items).hasSize(3);
            assertThat(items.subList(0, 2)).containsExactly(new ChatCompletionChunk("Hello"), new ChatCompletionChunk(", world"));
            CreateResult result = (CreateResult) items.get(2);
            assertThat(result.content()).isEqualTo(ModelContent.text("Hello, world"));
            assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
            assertThat(result.usage()).isEqualTo(new RequestUsage(25, 15));
            assertThat(client.totalUsage()).isEqualTo(new RequestUsage(25, 15));
            assertThat(server.lastRequest().json().path("stream").asBoolean()).isTrue();
            assertThat(server.lastRequest().header("accept")).isEqualTo("text/event-stream");
        }
    }

    @Test
    void parallelToolUsesBecomeFunctionCallsWithTheTextAsThought() {
        server.thenJson(200, message("""
                [{"type":"text","text":"Let me look both up."},
                 {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}},
                 {"type":"tool_use","id":"toolu_2","name":"get_time","input":{}}]""", "tool_use", 50, 30));
        try (var client = client().build()) {
            CreateResult result = client.create(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER, TIME)).build());

            assertThat(result.finishReason()).isEqualTo(FinishReason.FUNCTION_CALLS);
            assertThat(result.content()).isEqualTo(ModelContent.calls(List.of(
                    new FunctionCall("toolu_1", "{\"city\":\"Paris\"}", "get_weather"),
                    new FunctionCall("toolu_2", "{}", "get_time"))));
            assertThat(result.thought()).isEqualTo("Let me look both up.");
        }
        JsonNode body = server.lastRequest().json();
        assertThat(body.path("tools").toString()).isEqualTo("[{\"name\":\"get_weather\",\"description\":\"Get the weather"
                + " for a city\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\","
                + "\"description\":\"The city\"}},\"required\":[\"city\"]}},{\"name\":\"get_time\",\"description\":"
                + "\"Get the time\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]");
        assertThat(body.path("tool_choice").toString()).isEqualTo("{\"type\":\"auto\"}");
    }

    @Test
    void singleToolUseIsStreamedFromInputJsonDeltas() {
        server.then(exchange -> sendSse(exchange, sse(
                "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":40,\"output_tokens\":1}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"get_weather\",\"input\":{}}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"ci\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"ty\\\": \\\"Paris\\\"}\"}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_10\",\"name\":\"get_time\",\"input\":{}}}",
                "{\"type\":\"content_block_stop\",\"index\":1}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":12}}",
                "{\"type\":\"message_stop\"}")));
        try (var client = client().build()) {
            CreateResult result = client.createStream(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER, TIME))
                    .toolChoice(ToolChoice.REQUIRED).build()).result();

            assertThat(result.finishReason()).isEqualTo(FinishReason.FUNCTION_CALLS);
            assertThat(result.content()).isEqualTo(ModelContent.calls(List.of(
                    new FunctionCall("toolu_9", "{\"city\":\"Paris\"}", "get_weather"),
                    new FunctionCall("toolu_10", "{}", "get_time"))));
            assertThat(result.usage()).isEqualTo(new RequestUsage(40, 12));
        }
        assertThat(server.lastRequest().json().path("tool_choice").toString()).isEqualTo("{\"type\":\"any\"}");
    }

    @Test
    void toolResultsAreSentAsToolResultBlocksMergedWithTheNextUserTurn() {
        server.thenJson(200, message("[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}]", "tool_use", 1, 1))
                .thenJson(200, message("[{\"type\":\"text\",\"text\":\"Sunny.\"}]", "end_turn", 1, 1));
        try (var client = client().build()) {
            CreateResult first = client.create(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER))
                    .toolChoice(ToolChoice.tool("get_weather")).build());
            assertThat(server.lastRequest().json().path("tool_choice").toString())
                    .isEqualTo("{\"type\":\"tool\",\"name\":\"get_weather\"}");
            var calls = ((ModelContent.FunctionCalls) first.content()).calls();
            List<LLMMessage> history = new ArrayList<>(HELLO);
            history.add(new AssistantMessage(first.content(), "Checking.", "assistant"));
            history.add(new FunctionExecutionResultMessage(List.of(
                    new FunctionExecutionResult("22 degrees", "get_weather", calls.getFirst().id(), false))));
            history.add(new UserMessage("And tomorrow?", "user"));

            client.create(history);
        }
        JsonNode body = server.lastRequest().json();
        assertThat(body.path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"What is the capital"
                + " of France?\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Checking.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":"
                + "\"22 degrees\"},{\"type\":\"text\",\"text\":\"And tomorrow?\"}]}]");
        assertThat(body.path("tools").get(0).path("name").asText())
                .as("the API wants the tools declared while tool results are in the history").isEqualTo("get_weather");
        assertThat(body.has("tool_choice")).isFalse();
    }

    @Test
    void imagesAreSentAsBase64Blocks() throws IOException {
        server.thenJson(200, message("[{\"type\":\"text\",\"text\":\"A red square.\"}]", "end_turn", 1, 1));
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
        try (var client = client().build()) {
            client.create(List.of(UserMessage.of("user", "What is this?", Image.fromBytes(png))));
        }
        JsonNode content = server.lastRequest().json().path("messages").get(0).path("content");
        assertThat(content.get(0).toString()).isEqualTo("{\"type\":\"text\",\"text\":\"What is this?\"}");
        assertThat(content.get(1).path("type").asText()).isEqualTo("image");
        assertThat(content.get(1).path("source").path("type").asText()).isEqualTo("base64");
        assertThat(content.get(1).path("source").path("media_type").asText()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(content.get(1).path("source").path("data").asText())).isEqualTo(png);
    }

    @Test
    void thinkingIsRequestedAndReturnedAsTheThought() {
        server.thenJson(200, message("""
                [{"type":"thinking","thinking":"17 * 23 = 17 * 20 + 17 * 3 = 391.","signature":"sig"},
                 {"type":"text","text":"391"}]""", "end_turn", 10, 200));
        try (var client = client().temperature(0.3).thinking(ThinkingConfig.enabled(2000)).build()) {
            CreateResult result = client.create(List.of(new UserMessage("17 * 23?", "user")));

            assertThat(result.content()).isEqualTo(ModelContent.text("391"));
            assertThat(result.thought()).isEqualTo("17 * 23 = 17 * 20 + 17 * 3 = 391.");
        }
        JsonNode body = server.lastRequest().json();
        assertThat(body.path("thinking").toString()).isEqualTo("{\"type\":\"enabled\",\"budget_tokens\":2000}");
        assertThat(body.path("temperature").asDouble()).as("thinking requires temperature 1").isEqualTo(1.0);
    }

    @Test
    void streamedThinkingDeltasBecomeTheThoughtAndAreNotStreamedAsText() {
        server.then(exchange -> sendSse(exchange, sse(
                "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"15 + 27 \"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"= 42\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"abc\"}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"42\"}}",
                "{\"type\":\"content_block_stop\",\"index\":1}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":30}}",
                "{\"type\":\"message_stop\"}")));
        try (var client = client().build(); var stream = client.createStream(CreateRequest.builder(HELLO)
                .extraCreateArg("thinking", Map.of("type", "enabled", "budget_tokens", 1500)).build())) {
            List<CreateStreamItem> items = new ArrayList<>();
            stream.forEach(items::add);

            assertThat(items.getFirst()).isEqualTo(new ChatCompletionChunk("42"));
            CreateResult result = (CreateResult) items.getLast();
            assertThat(result.content()).isEqualTo(ModelContent.text("42"));
            assertThat(result.thought()).isEqualTo("15 + 27 = 42");
        }
        assertThat(server.lastRequest().json().path("thinking").path("budget_tokens").asInt()).isEqualTo(1500);
    }

    @Test
    void rateLimitIsRetriedHonouringRetryAfter() {
        server.thenJson(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Slow down\"}}",
                        Map.of("retry-after", "0"))
                .thenJson(200, message("[{\"type\":\"text\",\"text\":\"Paris.\"}]", "end_turn", 1, 1));
        try (var client = client().build()) {
            CreateResult result = client.create(HELLO);

            assertThat(result.content()).isEqualTo(ModelContent.text("Paris."));
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void serverErrorsExhaustingRetriesFailWithTheStatusAndMessage() {
        server.thenJson(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}",
                Map.of("retry-after-ms", "1"));
        try (var client = client().maxRetries(2).build()) {
            assertThatThrownBy(() -> client.create(HELLO))
                    .isInstanceOfSatisfying(AnthropicApiException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(529);
                        assertThat(e.errorType()).isEqualTo("overloaded_error");
                    })
                    .hasMessageContaining("Anthropic API error 529 (overloaded_error)")
                    .hasMessageContaining("Overloaded")
                    .hasMessageContaining("gave up after 3 attempts (max_retries=2)");
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void internalServerErrorIsRetriedThenReported() {
        server.thenJson(500, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}",
                Map.of("retry-after", "0"));
        try (var client = client().maxRetries(1).build()) {
            assertThatThrownBy(() -> client.create(HELLO))
                    .isInstanceOf(AnthropicApiException.class)
                    .hasMessageContaining("500 (api_error)")
                    .hasMessageContaining("Internal server error");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void clientErrorsAreNotRetried() {
        server.thenJson(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"max_tokens: too large\"}}");
        try (var client = client().build()) {
            assertThatThrownBy(() -> client.create(HELLO))
                    .isInstanceOf(AnthropicApiException.class)
                    .hasMessageContaining("400 (invalid_request_error)")
                    .hasMessageContaining("max_tokens: too large");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void malformedJsonFailsWithAClearError() {
        server.thenJson(200, "{\"id\": \"msg_1\", \"content\": [");
        try (var client = client().build()) {
            assertThatThrownBy(() -> client.create(HELLO))
                    .isInstanceOf(AnthropicApiException.class)
                    .hasMessageContaining("is not valid JSON")
                    .hasMessageContaining("/v1/messages");
        }
    }

    @Test
    void malformedStreamEventFailsWithAClearError() {
        server.then(exchange -> sendSse(exchange, "event: message_start\ndata: {not json\n\n"));
        try (var client = client().build()) {
            assertThatThrownBy(() -> client.createStream(HELLO).result())
                    .isInstanceOf(AnthropicApiException.class)
                    .hasMessageContaining("event 'message_start' whose data is not valid JSON");
        }
    }

    @Test
    void errorEventInTheStreamIsReported() {
        server.then(exchange -> sendSse(exchange, sse(
                "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}",
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")));
        try (var client = client().build()) {
            assertThatThrownBy(() -> client.createStream(HELLO).result())
                    .isInstanceOfSatisfying(AnthropicApiException.class,
                            e -> assertThat(e.errorType()).isEqualTo("overloaded_error"))
                    .hasMessageContaining("Overloaded");
        }
    }

    @Test
    void timeoutFailsWithAClearError() {
        var release = new CountDownLatch(1);
        server.then(exchange -> {
            release.await(10, TimeUnit.SECONDS);
            LocalHttpServer.send(exchange, 200, "application/json", message("[]", "end_turn", 1, 1), Map.of());
        });
        try (var client = client().timeout(Duration.ofMillis(300)).maxRetries(0).build()) {
            assertThatThrownBy(() -> client.create(HELLO))
                    .isInstanceOfSatisfying(AnthropicApiException.class, e -> {
                        assertThat(e.errorType()).isEqualTo("timeout");
                        assertThat(e.statusCode()).isZero();
                    })
                    .hasMessageContaining("timed out after 300 ms");
        } finally {
            release.countDown();
        }
    }

    @Test
    void cancellingTheTokenAbortsAWaitingRequest() throws InterruptedException {
        var arrived = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        server.then(exchange -> {
            arrived.countDown();
            release.await(10, TimeUnit.SECONDS);
        });
        var token = new CancellationToken();
        try (var client = client().build()) {
            Thread.ofVirtual().start(() -> {
                try {
                    arrived.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                token.cancel();
            });
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).cancellationToken(token).build()))
                    .isInstanceOf(CancellationException.class);
        } finally {
            release.countDown();
        }
    }

    @Test
    void closingAStreamMidwayClosesTheConnection() throws InterruptedException {
        var connectionClosed = new CountDownLatch(1);
        server.then(exchange -> {
            exchange.getResponseHeaders().set("content-type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(sse(
                    "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}",
                    "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                    "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Once\"}}")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                for (int i = 0; i < 500; i++) {
                    Thread.sleep(20);
                    out.write(sse("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" upon\"}}")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                connectionClosed.countDown();
            }
        });
        try (var client = client().build()) {
            ChatCompletionStream stream = client.createStream(HELLO);
            Iterator<CreateStreamItem> items = stream.iterator();
            assertThat(items.next()).isEqualTo(new ChatCompletionChunk("Once"));
            stream.close();

            assertThat(connectionClosed.await(10, TimeUnit.SECONDS)).as("the server saw the connection close").isTrue();
            assertThatThrownBy(items::hasNext).isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void missingApiKeyNamesTheEnvironmentVariable() {
        try (var client = AnthropicChatCompletionClient.builder(MODEL).baseUrl(server.url()).environment(Map.of()).build()) {
            assertThat(client.configurationProblem()).hasValueSatisfying(problem ->
                    assertThat(problem).contains("ANTHROPIC_API_KEY"));
            assertThatThrownBy(() -> client.create(HELLO))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ANTHROPIC_API_KEY");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void apiKeyAndBaseUrlComeFromTheEnvironment() {
        server.thenJson(200, message("[{\"type\":\"text\",\"text\":\"hi\"}]", "end_turn", 1, 1));
        try (var client = AnthropicChatCompletionClient.builder(MODEL)
                .environment(Map.of("ANTHROPIC_API_KEY", "sk-env", "ANTHROPIC_BASE_URL", server.url())).build()) {
            client.create(HELLO);
        }
        assertThat(server.lastRequest().header("x-api-key")).isEqualTo("sk-env");
    }

    @Test
    void unknownModelNeedsModelInfo() {
        assertThatThrownBy(() -> AnthropicChatCompletionClient.builder("my-proxy-model").apiKey("k").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model_info is required")
                .hasMessageContaining("my-proxy-model");
        var info = new ModelInfo(false, true, true, ModelFamily.UNKNOWN, false, null);
        try (var client = AnthropicChatCompletionClient.builder("my-proxy-model").apiKey("k").modelInfo(info).build()) {
            assertThat(client.modelInfo()).isEqualTo(info);
        }
        assertThat(AnthropicModelInfo.find("claude-sonnet-4-20250514").orElseThrow().family())
                .isEqualTo(ModelFamily.CLAUDE_4_SONNET);
        assertThat(AnthropicModelInfo.find("claude-3-7-sonnet-latest").orElseThrow().family())
                .isEqualTo(ModelFamily.CLAUDE_3_7_SONNET);
    }

    @Test
    void requestsTheModelCannotServeAreRejectedBeforeSending() {
        var textOnly = new ModelInfo(false, false, false, ModelFamily.UNKNOWN, false, null);
        try (var client = client().modelInfo(textOnly).build()) {
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER)).build()))
                    .hasMessageContaining("does not support function calling");
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).jsonOutput(true).build()))
                    .hasMessageContaining("does not support JSON output");
            assertThatThrownBy(() -> client.create(List.of(UserMessage.of("user", "see", Image.fromBytes(
                    Base64.getDecoder().decode("R0lGODlhAQABAAAAACw="))))))
                    .hasMessageContaining("does not support vision");
        }
        try (var client = client().build()) {
            record Answer(String city) {
            }
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).jsonOutput(JsonOutput.structured(Answer.class)).build()))
                    .hasMessageContaining("Structured output is currently not supported");
            assertThatThrownBy(() -> client.create(List.of(new SystemMessage("a"), new UserMessage("b", "user"),
                    new SystemMessage("c")))).hasMessageContaining("Multiple and Not continuous system messages");
            assertThatThrownBy(() -> client.create(List.of(new UserMessage("b", "the user"))))
                    .hasMessageContaining("Invalid name: the user");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void galleryAnthropicComponentLoads() throws IOException {
        JsonNode gallery = AutogenJson.mapper().readTree(Files.readString(
                Path.of("../../core/src/test/resources/fixtures/autogen-python/default_gallery.json")));
        JsonNode component = null;
        for (JsonNode model : gallery.path("components").path("models")) {
            if (model.path("provider").asText().equals(AnthropicChatCompletionClient.PROVIDER)) {
                component = model;
            }
        }
        assertThat(component).as("the gallery has an Anthropic model").isNotNull();

        try (var client = ComponentLoader.loadComponent(component.toString(), ChatCompletionClient.class)) {
            assertThat(client).isInstanceOf(AnthropicChatCompletionClient.class);
            assertThat(((AnthropicChatCompletionClient) client).model()).isEqualTo("claude-3-7-sonnet-20250219");
            assertThat(client.modelInfo().family()).isEqualTo(ModelFamily.CLAUDE_3_7_SONNET);
            JsonNode dumped = client.dumpComponent().config();
            assertThat(dumped.toString()).isEqualTo(component.path("config").toString());
        }
    }

    @Test
    void dumpMasksTheApiKeyAndTheDumpLoadsAgain() {
        try (var client = client().temperature(0.0).stopSequences(List.of("STOP")).build()) {
            String json = client.dumpComponent().toJson();
            assertThat(json).doesNotContain("sk-test").contains("\"api_key\":\"**********\"")
                    .contains("\"provider\":\"autogen_ext.models.anthropic.AnthropicChatCompletionClient\"")
                    .contains("\"component_type\":\"model\"");
            assertThat(client.toConfig().toString()).doesNotContain("sk-test");
            try (var loaded = ComponentLoader.loadComponent(json, ChatCompletionClient.class)) {
                assertThat(loaded.dumpComponent().toJson()).isEqualTo(json);
            }
            String byJavaName = json.replace(AnthropicChatCompletionClient.PROVIDER,
                    AnthropicChatCompletionClient.class.getName());
            try (var loaded = ComponentLoader.loadComponent(byJavaName, ChatCompletionClient.class)) {
                assertThat(loaded).isInstanceOf(AnthropicChatCompletionClient.class);
            }
        }
    }

    @Test
    void countsTokensAndRemainingContext() {
        try (var client = client().build()) {
            int plain = client.countTokens(HELLO);
            assertThat(plain).isPositive();
            assertThat(client.countTokens(HELLO, List.of(WEATHER))).isGreaterThan(plain);
            assertThat(client.remainingTokens(HELLO)).isEqualTo(200_000 - plain);
        }
    }
}
