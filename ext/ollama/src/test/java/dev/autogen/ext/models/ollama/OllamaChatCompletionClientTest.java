package dev.autogen.ext.models.ollama;

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

class OllamaChatCompletionClientTest {
    private static final List<LLMMessage> HELLO = List.of(
            new SystemMessage("You are helpful."),
            new UserMessage("Why is the sky blue?", "user"));
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

    private OllamaChatCompletionClient.Builder client() {
        return OllamaChatCompletionClient.builder("llama3.2").host(server.url()).environment(Map.of());
    }

    private static String done(String message, String doneReason, int prompt, int eval) {
        return """
                {"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":%s,"done":true,
                 "done_reason":"%s","total_duration":1,"load_duration":1,"prompt_eval_count":%d,
                 "prompt_eval_duration":1,"eval_count":%d,"eval_duration":1}""".replace("\n", "")
                .formatted(message, doneReason, prompt, eval);
    }

    private static String chunk(String content) {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"" + content + "\"},\"done\":false}";
    }

    private static void sendNdjson(HttpExchange exchange, String... lines) throws IOException {
        LocalHttpServer.send(exchange, 200, "application/x-ndjson", String.join("\n", lines) + "\n", Map.of());
    }

    @Test
    void plainCompletionPostsToApiChatAndReadsTextAndUsage() {
        server.thenJson(200, done("{\"role\":\"assistant\",\"content\":\"Rayleigh scattering.\"}", "stop", 26, 5));
        try (var client = client().option("temperature", 0.2).option("num_ctx", 4096).keepAlive("5m").build()) {
            CreateResult result = client.create(HELLO);

            assertThat(result.content()).isEqualTo(ModelContent.text("Rayleigh scattering."));
            assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(result.usage()).isEqualTo(new RequestUsage(26, 5));
            assertThat(result.thought()).isNull();
            client.create(HELLO);
            assertThat(client.actualUsage()).isEqualTo(new RequestUsage(26, 5));
            assertThat(client.totalUsage()).isEqualTo(new RequestUsage(52, 10));
        }
        var request = server.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/chat");
        JsonNode body = request.json();
        assertThat(body.path("model").asText()).isEqualTo("llama3.2");
        assertThat(body.path("stream").asBoolean()).isFalse();
        assertThat(body.path("messages").toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"You are helpful.\"},"
                + "{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}]");
        assertThat(body.path("options").toString()).isEqualTo("{\"temperature\":0.2,\"num_ctx\":4096}");
        assertThat(body.path("keep_alive").asText()).isEqualTo("5m");
        assertThat(body.has("tools")).isFalse();
        assertThat(body.has("format")).isFalse();
    }

    @Test
    void streamedCompletionReadsNdjsonChunksThenTheResult() {
        server.then(exchange -> sendNdjson(exchange, chunk("The"), chunk(" sky"), chunk(""),
                done("{\"role\":\"assistant\",\"content\":\"\"}", "length", 12, 3)));
        try (var client = client().build(); ChatCompletionStream stream = client.createStream(HELLO)) {
            List<CreateStreamItem> items = new ArrayList<>();
            stream.forEach(items::add);

            assertThat(items).hasSize(3);
            assertThat(items.subList(0, 2)).containsExactly(new ChatCompletionChunk("The"), new ChatCompletionChunk(" sky"));
            CreateResult result = (CreateResult) items.get(2);
            assertThat(result.content()).isEqualTo(ModelContent.text("The sky"));
            assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
            assertThat(result.usage()).isEqualTo(new RequestUsage(12, 3));
            assertThat(client.totalUsage()).isEqualTo(new RequestUsage(12, 3));
        }
        assertThat(server.lastRequest().json().path("stream").asBoolean()).isTrue();
    }

    @Test
    void parallelToolCallsGetDistinctIdsAndTheirArgumentsAsJson() {
        server.thenJson(200, done("""
                {"role":"assistant","content":"","tool_calls":[
                  {"function":{"name":"get_weather","arguments":{"city":"Paris"}}},
                  {"function":{"name":"get_time","arguments":{}}}]}""".replace("\n", ""), "stop", 40, 20));
        try (var client = client().build()) {
            CreateResult result = client.create(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER, TIME)).build());

            assertThat(result.finishReason()).isEqualTo(FinishReason.FUNCTION_CALLS);
            assertThat(result.content()).isEqualTo(ModelContent.calls(List.of(
                    new FunctionCall("0", "{\"city\":\"Paris\"}", "get_weather"),
                    new FunctionCall("1", "{}", "get_time"))));
        }
        JsonNode tools = server.lastRequest().json().path("tools");
        assertThat(tools.toString()).isEqualTo("[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"description\":\"Get the weather for a city\",\"parameters\":{\"type\":\"object\",\"properties\":"
                + "{\"city\":{\"type\":\"string\",\"description\":\"The city\"}},\"required\":[\"city\"]}}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"description\":\"Get the time\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{}}}}]");
    }

    @Test
    void streamedToolCallUsesTheServersIdWhenGiven() {
        server.then(exchange -> sendNdjson(exchange,
                "{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"call_7\",\"function\":{\"index\":0,\"name\":\"get_weather\",\"arguments\":{\"city\":\"Oslo\"}}}]},\"done\":false}",
                done("{\"role\":\"assistant\",\"content\":\"\"}", "stop", 30, 8)));
        try (var client = client().build()) {
            CreateResult result = client.createStream(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER)).build())
                    .result();
            assertThat(result.content()).isEqualTo(ModelContent.calls(List.of(
                    new FunctionCall("call_7", "{\"city\":\"Oslo\"}", "get_weather"))));
            assertThat(result.finishReason()).isEqualTo(FinishReason.FUNCTION_CALLS);
            assertThat(result.usage()).isEqualTo(new RequestUsage(30, 8));
        }
    }

    @Test
    void toolChoiceNoneSendsNoToolsAndANamedChoiceOnlyThatTool() {
        server.thenJson(200, done("{\"role\":\"assistant\",\"content\":\"ok\"}", "stop", 1, 1));
        try (var client = client().build()) {
            client.create(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER, TIME)).toolChoice(ToolChoice.NONE).build());
            assertThat(server.lastRequest().json().has("tools")).isFalse();
            client.create(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER, TIME))
                    .toolChoice(ToolChoice.tool("get_time")).build());
            JsonNode tools = server.lastRequest().json().path("tools");
            assertThat(tools).hasSize(1);
            assertThat(tools.get(0).path("function").path("name").asText()).isEqualTo("get_time");
        }
    }

    @Test
    void historyWithCallsResultsAndImagesUsesOllamasMessageShapes() {
        server.thenJson(200, done("{\"role\":\"assistant\",\"content\":\"Sunny.\"}", "stop", 1, 1));
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
        var info = new ModelInfo(true, true, true, ModelFamily.UNKNOWN, true, null);
        try (var client = client().modelInfo(info).build()) {
            client.create(List.of(
                    UserMessage.of("user", "Look:", Image.fromBytes(png), "Weather there?"),
                    new AssistantMessage(List.of(new FunctionCall("0", "{\"city\":\"Paris\"}", "get_weather")), "assistant"),
                    new FunctionExecutionResultMessage(List.of(
                            new FunctionExecutionResult("22 degrees", "get_weather", "0", false)))));
        }
        String pngBase64 = Base64.getEncoder().encodeToString(png);
        assertThat(server.lastRequest().json().path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":"
                + "\"Look:\",\"images\":[\"" + pngBase64 + "\"]},{\"role\":\"user\",\"content\":\"Weather there?\"},"
                + "{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"name\":\"get_weather\",\"arguments\":"
                + "{\"city\":\"Paris\"}}}]},{\"role\":\"tool\",\"content\":\"22 degrees\",\"tool_name\":\"get_weather\"}]");
    }

    record Pet(String name, int age) {
    }

    @Test
    void structuredOutputSendsTheTypesSchemaAsFormat() throws IOException {
        server.thenJson(200, done("{\"role\":\"assistant\",\"content\":\"{\\\"name\\\":\\\"Rex\\\",\\\"age\\\":3}\"}",
                "stop", 10, 9));
        try (var client = client().build()) {
            CreateResult result = client.create(CreateRequest.builder(HELLO).jsonOutput(Pet.class).build());
            Pet pet = AutogenJson.mapper().readValue(result.content().toString(), Pet.class);
            assertThat(pet).isEqualTo(new Pet("Rex", 3));
        }
        JsonNode format = server.lastRequest().json().path("format");
        assertThat(format.path("type").asText()).isEqualTo("object");
        assertThat(format.path("properties").has("name")).isTrue();
        assertThat(format.path("properties").path("age").path("type").asText()).isEqualTo("integer");
        assertThat(format.path("required").toString()).isEqualTo("[\"name\",\"age\"]");
    }

    @Test
    void jsonModeAndConfiguredResponseFormatAreSentAsFormat() {
        server.thenJson(200, done("{\"role\":\"assistant\",\"content\":\"{}\"}", "stop", 1, 1));
        try (var client = client().build()) {
            client.create(CreateRequest.builder(HELLO).jsonOutput(true).build());
            assertThat(server.lastRequest().json().path("format").asText()).isEqualTo("json");
        }
        try (var client = client().responseFormat(Pet.class).build()) {
            client.create(HELLO);
            assertThat(server.lastRequest().json().path("format").path("title").asText()).isEqualTo("Pet");
            client.create(CreateRequest.builder(HELLO).jsonOutput(false).build());
            assertThat(server.lastRequest().json().has("format")).as("json_output=false turns it off").isFalse();
        }
    }

    @Test
    void thinkingIsRequestedAndReturnedAsTheThought() {
        server.then(exchange -> sendNdjson(exchange,
                "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"15 + 27 \"},\"done\":false}",
                "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"= 42\"},\"done\":false}",
                "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"42\"},\"done\":false}",
                done("{\"role\":\"assistant\",\"content\":\"\"}", "stop", 9, 30)));
        try (var client = OllamaChatCompletionClient.builder("qwen3:8b").host(server.url()).think(true).build();
                var stream = client.createStream(HELLO)) {
            List<CreateStreamItem> items = new ArrayList<>();
            stream.forEach(items::add);

            assertThat(items.getFirst()).isEqualTo(new ChatCompletionChunk("42"));
            CreateResult result = (CreateResult) items.getLast();
            assertThat(result.content()).isEqualTo(ModelContent.text("42"));
            assertThat(result.thought()).isEqualTo("15 + 27 = 42");
        }
        assertThat(server.lastRequest().json().path("think").asBoolean()).isTrue();
    }

    @Test
    void r1ReasoningInThinkTagsBecomesTheThought() {
        server.thenJson(200, done("{\"role\":\"assistant\",\"content\":\"<think>\\nSimple sum.\\n</think>\\n\\n42\"}",
                "stop", 5, 9));
        try (var client = OllamaChatCompletionClient.builder("deepseek-r1:7b").host(server.url()).build()) {
            CreateResult result = client.create(HELLO);
            assertThat(result.content()).isEqualTo(ModelContent.text("42"));
            assertThat(result.thought()).isEqualTo("Simple sum.");
        }
    }

    @Test
    void errorStatusIsReportedWithOllamasMessage() {
        server.thenJson(404, "{\"error\":\"model \\\"llama3.2\\\" not found, try pulling it first\"}");
        try (var client = client().build()) {
            assertThatThrownBy(() -> client.create(HELLO))
                    .isInstanceOfSatisfying(OllamaApiException.class, e -> assertThat(e.statusCode()).isEqualTo(404))
                    .hasMessageContaining("Ollama API error 404")
                    .hasMessageContaining("not found, try pulling it first")
                    .hasMessageContaining("ollama pull llama3.2");
        }
    }

    @Test
    void errorInsideTheStreamIsReported() {
        server.then(exchange -> sendNdjson(exchange, chunk("Hi"), "{\"error\":\"llama runner process has terminated\"}"));
        try (var client = client().build()) {
            assertThatThrownBy(() -> client.createStream(HELLO).result())
                    .isInstanceOf(OllamaApiException.class)
                    .hasMessageContaining("llama runner process has terminated");
        }
    }

    @Test
    void malformedJsonFailsWithAClearError() {
        server.thenJson(200, "{\"model\": \"llama3.2\", \"message\": {");
        try (var client = client().build()) {
            assertThatThrownBy(() -> client.create(HELLO))
                    .isInstanceOf(OllamaApiException.class)
                    .hasMessageContaining("is not valid JSON")
                    .hasMessageContaining("/api/chat");
        }
    }

    @Test
    void streamEndingWithoutDoneFails() {
        server.then(exchange -> sendNdjson(exchange, chunk("Hi")));
        try (var client = client().build()) {
            assertThatThrownBy(() -> client.createStream(HELLO).result())
                    .isInstanceOf(OllamaApiException.class)
                    .hasMessageContaining("broke off: the stream ended before the answer was complete (no end marker)");
        }
    }

    @Test
    void timeoutFailsWithAClearError() {
        var release = new CountDownLatch(1);
        server.then(exchange -> {
            release.await(10, TimeUnit.SECONDS);
            LocalHttpServer.send(exchange, 200, "application/json", done("{}", "stop", 1, 1), Map.of());
        });
        try (var client = client().timeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> client.create(HELLO))
                    .isInstanceOfSatisfying(OllamaApiException.class, e -> assertThat(e.statusCode()).isZero())
                    .hasMessageContaining("timed out after 300 ms");
        } finally {
            release.countDown();
        }
    }

    @Test
    void noServerListeningNamesTheHost() {
        String url = server.url();
        server.close();
        try (var client = OllamaChatCompletionClient.builder("llama3.2").host(url).build()) {
            assertThatThrownBy(() -> client.create(HELLO))
                    .isInstanceOf(OllamaApiException.class)
                    .hasMessageContaining("could not connect to Ollama at " + url)
                    .hasMessageContaining("OLLAMA_HOST");
        }
    }

    @Test
    void cancellingTheTokenAbortsAWaitingRequest() {
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
            exchange.getResponseHeaders().set("content-type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write((chunk("Once") + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                for (int i = 0; i < 500; i++) {
                    Thread.sleep(20);
                    out.write((chunk(" upon") + "\n").getBytes(StandardCharsets.UTF_8));
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
        }
    }

    @Test
    void hostComesFromTheArgumentOllamaHostOrTheDefault() {
        try (var client = OllamaChatCompletionClient.builder("llama3.2").environment(Map.of()).build()) {
            assertThat(client.chatEndpoint().toString()).isEqualTo("http://localhost:11434/api/chat");
        }
        try (var client = OllamaChatCompletionClient.builder("llama3.2")
                .environment(Map.of("OLLAMA_HOST", "0.0.0.0")).build()) {
            assertThat(client.chatEndpoint().toString()).isEqualTo("http://0.0.0.0:11434/api/chat");
        }
        try (var client = OllamaChatCompletionClient.builder("llama3.2").host("https://ollama.example.com/proxy/")
                .environment(Map.of("OLLAMA_HOST", "ignored:1")).build()) {
            assertThat(client.chatEndpoint().toString()).isEqualTo("https://ollama.example.com/proxy/api/chat");
        }
    }

    @Test
    void unknownModelNeedsModelInfoAndCapabilitiesAreEnforced() {
        assertThatThrownBy(() -> OllamaChatCompletionClient.builder("my-finetune:7b").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model_info is required")
                .hasMessageContaining("my-finetune:7b");
        assertThat(OllamaModelInfo.find("qwen2.5:14b").orElseThrow().functionCalling()).isTrue();
        assertThat(OllamaModelInfo.find("deepseek-r1:7b").orElseThrow().family()).isEqualTo(ModelFamily.R1);
        try (var client = OllamaChatCompletionClient.builder("phi4").host(server.url()).build()) {
            assertThatThrownBy(() -> client.create(CreateRequest.builder(HELLO).toolSchemas(List.of(WEATHER)).build()))
                    .hasMessageContaining("does not support function calling");
            assertThatThrownBy(() -> client.create(List.of(UserMessage.of("user", "see", Image.fromBytes(
                    Base64.getDecoder().decode("R0lGODlhAQABAAAAACw="))))))
                    .hasMessageContaining("does not support vision");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void componentConfigLoadsFromPythonJsonAndDumpsTheSame() {
        String json = """
                {"provider":"autogen_ext.models.ollama.OllamaChatCompletionClient","component_type":"model",
                 "version":1,"component_version":1,"description":"Chat completion client for Ollama hosted models.",
                 "label":"OllamaChatCompletionClient",
                 "config":{"model":"qwen2.5:7b","host":"%s","follow_redirects":true,"options":{"temperature":0.1}}}
                """.formatted(server.url());
        server.thenJson(200, done("{\"role\":\"assistant\",\"content\":\"hi\"}", "stop", 1, 1));
        try (var client = ComponentLoader.loadComponent(json, ChatCompletionClient.class)) {
            assertThat(client).isInstanceOf(OllamaChatCompletionClient.class);
            assertThat(client.create(HELLO).content()).isEqualTo(ModelContent.text("hi"));
            assertThat(server.lastRequest().json().path("options").path("temperature").asDouble()).isEqualTo(0.1);
            assertThat(client.dumpComponent().config()).isEqualTo(AutogenJson.mapper().valueToTree(
                    Map.of("model", "qwen2.5:7b", "host", server.url(), "follow_redirects", true,
                            "options", Map.of("temperature", 0.1))));
        }
        String byJavaName = json.replace(OllamaChatCompletionClient.PROVIDER, OllamaChatCompletionClient.class.getName());
        try (var client = ComponentLoader.loadComponent(byJavaName, ChatCompletionClient.class)) {
            assertThat(client).isInstanceOf(OllamaChatCompletionClient.class);
        }
    }

    @Test
    void remainingTokensUsesNumCtxOrTheModelsWindow() {
        try (var client = client().build(); var withCtx = client().option("num_ctx", 8192).build()) {
            int used = client.countTokens(HELLO);
            assertThat(used).isPositive();
            assertThat(client.countTokens(HELLO, List.of(WEATHER))).isGreaterThan(used);
            assertThat(client.remainingTokens(HELLO)).isEqualTo(131072 - used);
            assertThat(withCtx.remainingTokens(HELLO)).isEqualTo(8192 - used);
        }
    }
}
