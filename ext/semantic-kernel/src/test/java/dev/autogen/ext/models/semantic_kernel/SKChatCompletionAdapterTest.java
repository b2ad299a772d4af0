package dev.autogen.ext.models.semantic_kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.ai.openai.OpenAIAsyncClient;
import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.semantickernel.aiservices.openai.chatcompletion.OpenAIChatCompletion;
import com.microsoft.semantickernel.orchestration.PromptExecutionSettings;
import com.microsoft.semantickernel.services.chatcompletion.ChatCompletionService;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
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
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.ToolChoice;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.testing.LocalHttpServer;
import dev.autogen.core.tools.FunctionTool;
import dev.autogen.core.tools.annotation.ToolFunction;
import dev.autogen.core.tools.annotation.ToolParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter over Semantic Kernel's OpenAI service, which talks to a loopback server answering in
 * OpenAI's chat-completions wire format (JSON and server-sent events). The service is built the way
 * Semantic Kernel for Java users point it at Azure OpenAI: the request path is Azure's
 * ({@code /openai/deployments/<deployment>/chat/completions}); the bodies are OpenAI's.
 */
class SKChatCompletionAdapterTest {
    private static final ModelInfo TOOLS = ModelInfo.builder().functionCalling(true).jsonOutput(true)
            .family(ModelFamily.GPT_4O).build();

    private LocalHttpServer server;
    private ChatCompletionService service;

    @BeforeEach
    void start() throws Exception {
        server = new LocalHttpServer();
        service = openAiService(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static ChatCompletionService openAiService(String url) {
        // Our own pipeline: the SDK's key policy refuses plain http, and a test wants no retries.
        OpenAIAsyncClient client = new OpenAIClientBuilder()
                .endpoint(url)
                .pipeline(new HttpPipelineBuilder()
                        .policies(new AddHeadersPolicy(new HttpHeaders().set(HttpHeaderName.fromString("api-key"), "test-key")))
                        .build())
                .buildAsyncClient();
        return OpenAIChatCompletion.builder().withOpenAIAsyncClient(client).withModelId("gpt-4o")
                .withDeploymentName("gpt-4o").build();
    }

    static String completion(String messageJson, String finishReason, int prompt, int completion) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o",
                 "choices":[{"index":0,"message":%s,"finish_reason":"%s"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                """.formatted(messageJson, finishReason, prompt, completion, prompt + completion);
    }

    static String text(String content, int prompt, int completion) {
        return completion("{\"role\":\"assistant\",\"content\":\"" + content + "\"}", "stop", prompt, completion);
    }

    static String toolCall(String id, String name, String argumentsJson) {
        String args = argumentsJson.replace("\"", "\\\"");
        return completion("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"" + id
                + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"" + args + "\"}}]}",
                "tool_calls", 20, 7);
    }

    @Test
    void createSendsTheConversationAndReadsTextAndUsage() {
        server.thenJson(200, text("Paris.", 12, 3)).thenJson(200, text("Lyon.", 5, 2));
        var adapter = SKChatCompletionAdapter.builder(service)
                .promptSettings(PromptExecutionSettings.builder().withTemperature(0.2).withMaxTokens(50).build())
                .modelInfo(TOOLS).build();

        CreateResult result = adapter.create(List.of(new SystemMessage("Be brief."),
                new UserMessage("What is the capital of France?", "user"),
                new AssistantMessage("Let me think.", "assistant"),
                new UserMessage("Just the city.", "user")));

        assertThat(result.content()).isEqualTo(new ModelContent.Text("Paris."));
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.usage()).isEqualTo(new RequestUsage(12, 3));
        assertThat(adapter.actualUsage()).isEqualTo(new RequestUsage(12, 3));

        var request = server.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/openai/deployments/gpt-4o/chat/completions");
        assertThat(request.header("api-key")).isEqualTo("test-key");
        JsonNode body = request.json();
        assertThat(body.path("messages").findValuesAsText("role")).containsExactly("system", "user", "assistant", "user");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("What is the capital of France?");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(50);
        assertThat(body.has("tools")).isFalse();

        adapter.create(List.of(new UserMessage("Second city?", "user")));
        assertThat(adapter.totalUsage()).isEqualTo(new RequestUsage(17, 5));
    }

    @Test
    void imagesGoOutAsImageMessagesAfterTheText() {
        server.thenJson(200, text("A red pixel.", 9, 3));
        var adapter = SKChatCompletionAdapter.builder(service)
                .modelInfo(ModelInfo.builder().vision(true).family(ModelFamily.GPT_4O).build()).build();
        var image = dev.autogen.core.Image.fromBase64(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
        adapter.create(List.of(UserMessage.of("user", "What is in this picture?", image)));
        JsonNode messages = server.lastRequest().json().path("messages");
        assertThat(messages.get(0).path("content").asText()).isEqualTo("What is in this picture?");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        // Semantic Kernel 1.4.2's OpenAI service writes an image message's parts as a JSON string rather
        // than as a content array (see docs/semantic-kernel.md); the data URL is in it all the same.
        assertThat(messages.get(1).path("content").toString()).contains("image_url")
                .contains("data:image/png;base64,iVBORw0KGgo");
    }

    @Test
    void anR1ModelsThinkingBecomesTheThought() {
        server.thenJson(200, text("<think>Paris is the capital.</think>Paris.", 4, 8));
        var adapter = SKChatCompletionAdapter.builder(service)
                .modelInfo(ModelInfo.builder().family(ModelFamily.R1).build()).contextWindow(8192).build();
        CreateResult result = adapter.create(List.of(new UserMessage("Capital of France?", "u")));
        assertThat(result.thought()).isEqualTo("Paris is the capital.");
        assertThat(result.content()).isEqualTo(new ModelContent.Text("Paris."));
        var messages = List.of(new UserMessage("Capital of France?", "u"));
        assertThat(adapter.remainingTokens(messages)).isEqualTo(8192 - adapter.countTokens(messages));
    }

    @Test
    void jsonModeAsksForAJsonObject() {
        server.thenJson(200, text("{}", 1, 1));
        var adapter = SKChatCompletionAdapter.builder(service).modelInfo(TOOLS).build();
        adapter.create(CreateRequest.builder(List.of(new UserMessage("JSON please", "u")))
                .jsonOutput(JsonOutput.JSON_MODE).build());
        assertThat(server.lastRequest().json().path("response_format").path("type").asText()).isEqualTo("json_object");
    }

    static final class Weather {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @ToolFunction("Get the weather for a city")
        String getWeather(@ToolParam("City name") String city, @ToolParam("How many days") int days) {
            calls.add(city + "/" + days);
            return "Sunny in " + city + " for " + days + " days";
        }
    }

    @Test
    void toolCallRoundTripThroughAnAssistantAgent() {
        server.thenJson(200, toolCall("call_1", "autogen_tools-getWeather", "{\"city\":\"Paris\",\"days\":3}"));
        server.thenJson(200, text("It is sunny in Paris.", 40, 6));
        var weather = new Weather();
        var adapter = SKChatCompletionAdapter.builder(service).modelInfo(TOOLS).build();
        var agent = AssistantAgent.builder("assistant", adapter)
                .systemMessage("You are a helpful assistant.")
                .tools(FunctionTool.fromMethods(weather))
                .reflectOnToolUse(true)
                .build();

        TaskResult result = agent.run("What is the weather in Paris?");

        assertThat(weather.calls).containsExactly("Paris/3");
        assertThat(result.messages()).anySatisfy(m -> assertThat(m).isInstanceOf(ToolCallExecutionEvent.class));
        assertThat(result.messages().getLast()).isInstanceOfSatisfying(TextMessage.class,
                m -> assertThat(m.content()).isEqualTo("It is sunny in Paris."));

        List<LocalHttpServer.Recorded> requests = server.requests();
        assertThat(requests).hasSize(2);
        JsonNode first = requests.get(0).json();
        JsonNode function = first.path("tools").get(0).path("function");
        assertThat(first.path("tools").get(0).path("type").asText()).isEqualTo("function");
        assertThat(function.path("name").asText()).isEqualTo("autogen_tools-getWeather");
        assertThat(function.path("description").asText()).isEqualTo("Get the weather for a city");
        assertThat(function.path("parameters").path("properties").path("city").path("type").asText()).isEqualTo("string");
        assertThat(function.path("parameters").path("properties").path("days").path("type").asText()).isEqualTo("integer");
        assertThat(function.path("parameters").path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("city", "days");
        assertThat(first.path("tool_choice").asText()).isEqualTo("auto");

        JsonNode second = requests.get(1).json();
        List<String> roles = second.path("messages").findValuesAsText("role");
        assertThat(roles).containsExactly("system", "user", "assistant", "tool");
        JsonNode assistant = second.path("messages").get(2);
        assertThat(assistant.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_1");
        assertThat(assistant.path("tool_calls").get(0).path("function").path("name").asText())
                .isEqualTo("autogen_tools-getWeather");
        JsonNode tool = second.path("messages").get(3);
        assertThat(tool.path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(tool.path("content").asText()).isEqualTo("Sunny in Paris for 3 days");
    }

    @Test
    void semanticKernelRunsAnAutogenToolItselfWhenItAutoInvokes() {
        // The other direction: an AutoGen tool in a kernel plugin, called by Semantic Kernel's own loop.
        server.thenJson(200, toolCall("call_k", "weather-getWeather", "{\"city\":\"Oslo\",\"days\":2}"))
                .thenJson(200, text("Sunny in Oslo.", 30, 4));
        var weather = new Weather();
        var function = dev.autogen.ext.tools.semantic_kernel.KernelFunctionFromTool.of(
                FunctionTool.fromMethods(weather).getFirst(), "weather");
        var kernel = com.microsoft.semantickernel.Kernel.builder()
                .withAIService(ChatCompletionService.class, service)
                .withPlugin(new com.microsoft.semantickernel.plugin.KernelPlugin("weather", "Weather",
                        Map.of(function.getName(), function)))
                .build();
        var history = new com.microsoft.semantickernel.services.chatcompletion.ChatHistory();
        history.addUserMessage("Weather in Oslo?");

        var answer = service.getChatMessageContentsAsync(history, kernel,
                com.microsoft.semantickernel.orchestration.InvocationContext.builder()
                        .withToolCallBehavior(com.microsoft.semantickernel.orchestration.ToolCallBehavior.allowAllKernelFunctions(true))
                        .build()).block();

        assertThat(weather.calls).containsExactly("Oslo/2");
        assertThat(answer.getLast().getContent()).isEqualTo("Sunny in Oslo.");
        JsonNode toolMessage = server.requests().get(1).json().path("messages").get(2);
        assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
        assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_k");
        assertThat(toolMessage.path("content").asText()).isEqualTo("Sunny in Oslo for 2 days");
    }

    @Test
    void functionCallsComeBackTypedByTheToolSchema() {
        server.thenJson(200, toolCall("call_9", "autogen_tools-getWeather", "{\"city\":\"Oslo\",\"days\":2}"));
        var adapter = SKChatCompletionAdapter.builder(service).modelInfo(TOOLS).build();
        CreateResult result = adapter.create(CreateRequest.builder(List.of(new UserMessage("Weather?", "u")))
                .tools(FunctionTool.fromMethods(new Weather())).build());

        assertThat(result.finishReason()).isEqualTo(FinishReason.FUNCTION_CALLS);
        assertThat(result.content()).isInstanceOfSatisfying(ModelContent.FunctionCalls.class, calls -> {
            FunctionCall call = calls.calls().getFirst();
            assertThat(call.id()).isEqualTo("call_9");
            assertThat(call.name()).isEqualTo("getWeather");
            assertThat(call.arguments()).isEqualTo("{\"city\":\"Oslo\",\"days\":2}");
        });
        assertThat(result.usage()).isEqualTo(new RequestUsage(20, 7));
    }

    @Test
    void aToolChoiceThatSemanticKernelWouldRunItselfIsRefused() {
        var adapter = SKChatCompletionAdapter.builder(service).modelInfo(TOOLS).build();
        var tools = FunctionTool.fromMethods(new Weather());
        assertThatThrownBy(() -> adapter.create(CreateRequest.builder(List.of(new UserMessage("Weather?", "u"))).tools(tools)
                .toolChoice(ToolChoice.tool("getWeather")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tool_choice 'getWeather'");
        assertThatThrownBy(() -> adapter.create(CreateRequest.builder(List.of(new UserMessage("Weather?", "u"))).tools(tools)
                .toolChoice(ToolChoice.REQUIRED).build()))
                .hasMessageContaining("tool_choice 'required'");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void toolChoiceNoneSendsNoTools() {
        server.thenJson(200, text("No tools needed.", 1, 1));
        var adapter = SKChatCompletionAdapter.builder(service).modelInfo(TOOLS).build();
        adapter.create(CreateRequest.builder(List.of(new UserMessage("Hi", "u")))
                .tools(FunctionTool.fromMethods(new Weather())).toolChoice(ToolChoice.NONE).build());
        assertThat(server.lastRequest().json().has("tools")).isFalse();
    }

    @Test
    void historyWithToolResultsIsSentAsToolMessages() {
        server.thenJson(200, text("Done.", 1, 1));
        var adapter = SKChatCompletionAdapter.builder(service).modelInfo(TOOLS).build();
        adapter.create(List.of(new UserMessage("Weather?", "u"),
                new AssistantMessage(List.of(new FunctionCall("c1", "{\"city\":\"Oslo\"}", "getWeather"),
                        new FunctionCall("c2", "{\"city\":\"Rome\"}", "getWeather")), "a"),
                new FunctionExecutionResultMessage(List.of(new FunctionExecutionResult("cold", "getWeather", "c1", false),
                        new FunctionExecutionResult("warm", "getWeather", "c2", false)))));
        JsonNode messages = server.lastRequest().json().path("messages");
        assertThat(messages.findValuesAsText("role")).containsExactly("user", "assistant", "tool", "tool");
        assertThat(messages.get(1).path("tool_calls")).hasSize(2);
        assertThat(messages.get(1).path("tool_calls").get(1).path("function").path("arguments").asText())
                .isEqualTo("{\"city\": \"Rome\"}");
        assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo("c1");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("c2");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("warm");
    }

    static String sse(String... contents) {
        StringBuilder out = new StringBuilder();
        boolean firstChunk = true;
        for (String c : contents) {
            String delta = firstChunk ? "{\"role\":\"assistant\",\"content\":\"" + c + "\"}" : "{\"content\":\"" + c + "\"}";
            firstChunk = false;
            out.append("data: {\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,")
                    .append("\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":").append(delta)
                    .append(",\"finish_reason\":null}]}\n\n");
        }
        out.append("data: {\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,")
                .append("\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        out.append("data: [DONE]\n\n");
        return out.toString();
    }

    @Test
    void createStreamYieldsChunksThenTheResult() {
        server.then(exchange -> LocalHttpServer.send(exchange, 200, "text/event-stream", sse("Hel", "lo", " there"), Map.of()));
        var adapter = SKChatCompletionAdapter.builder(service).modelInfo(TOOLS).build();
        List<CreateStreamItem> items = new ArrayList<>();
        try (ChatCompletionStream stream = adapter.createStream(List.of(new UserMessage("Say hello", "u")))) {
            stream.forEach(items::add);
        }
        assertThat(items).filteredOn(ChatCompletionChunk.class::isInstance).extracting(i -> ((ChatCompletionChunk) i).content())
                .containsExactly("Hel", "lo", " there");
        assertThat(items.getLast()).isInstanceOfSatisfying(CreateResult.class,
                r -> assertThat(r.content()).isEqualTo(new ModelContent.Text("Hello there")));
        assertThat(server.lastRequest().json().path("stream").asBoolean()).isTrue();
    }

    @Test
    void aStreamedRequestWithToolsStillReturnsTheToolCalls() {
        server.thenJson(200, toolCall("call_s", "autogen_tools-getWeather", "{\"city\":\"Lima\",\"days\":5}"));
        var adapter = SKChatCompletionAdapter.builder(service).modelInfo(TOOLS).build();
        CreateResult result;
        try (ChatCompletionStream stream = adapter.createStream(CreateRequest.builder(List.of(new UserMessage("Weather?", "u")))
                .tools(FunctionTool.fromMethods(new Weather())).build())) {
            stream.forEach(item -> { });
            result = stream.result();
        }
        assertThat(result.content()).isInstanceOfSatisfying(ModelContent.FunctionCalls.class,
                calls -> assertThat(calls.calls().getFirst().arguments()).isEqualTo("{\"city\":\"Lima\",\"days\":5}"));
        assertThat(server.lastRequest().json().path("stream").asBoolean(false)).isFalse();
    }

    @Test
    void anHttpErrorNamesTheStatusAndTheServiceMessage() {
        server.thenJson(429, "{\"error\":{\"message\":\"Rate limit reached for gpt-4o\",\"type\":\"requests\",\"code\":\"429\"}}");
        var adapter = SKChatCompletionAdapter.builder(service).modelInfo(TOOLS).build();
        assertThatThrownBy(() -> adapter.create(List.of(new UserMessage("hi", "u"))))
                .isInstanceOfSatisfying(SKChatCompletionException.class, e -> {
                    assertThat(e.statusCode()).hasValue(429);
                    assertThat(e.getMessage()).contains("HTTP 429").contains("Rate limit reached");
                });
    }

    @Test
    void aStreamErrorReachesTheReader() {
        server.thenJson(500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}");
        var adapter = SKChatCompletionAdapter.builder(service).modelInfo(TOOLS).build();
        assertThatThrownBy(() -> {
            try (var stream = adapter.createStream(List.of(new UserMessage("hi", "u")))) {
                stream.forEach(item -> { });
            }
        }).hasMessageContaining("HTTP 500");
    }

    @Test
    void toolsNeedFunctionCallingInModelInfo() {
        var adapter = SKChatCompletionAdapter.builder(service).build();
        assertThatThrownBy(() -> adapter.create(CreateRequest.builder(List.of(new UserMessage("hi", "u")))
                .tools(FunctionTool.fromMethods(new Weather())).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("function_calling");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void cancellingTheTokenStopsAWaitingCall() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.then(exchange -> {
            arrived.countDown();
            release.await(30, TimeUnit.SECONDS);
            LocalHttpServer.send(exchange, 200, "application/json", text("late", 1, 1), Map.of());
        });
        var adapter = SKChatCompletionAdapter.builder(service).modelInfo(TOOLS).build();
        CancellationToken token = new CancellationToken();
        var call = java.util.concurrent.CompletableFuture.supplyAsync(() -> adapter.create(
                CreateRequest.builder(List.of(new UserMessage("hi", "u"))).cancellationToken(token).build()),
                java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
        token.cancel();
        try {
            assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
        } finally {
            release.countDown();
        }
    }
}
