package dev.autogen.ext.models.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.component.ComponentLoadException;
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
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.ToolChoice;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ToolSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real llama.cpp engine (the binding's native library) on a tiny random-weight model that
 * {@link TinyLlamaModel} writes: the model's words are gibberish, so the tests check what the client
 * sends and how it reads the answer, steering the sampler with logit biases and grammars where an exact
 * output is needed.
 */
class LlamaCppChatCompletionClientTest {
    private static final ObjectMapper JSON = AutogenJson.mapper();
    private static final List<LLMMessage> CHAT = List.of(new SystemMessage("XYZ"), new UserMessage("QQ", "user"));
    /** The ChatML prompt of {@link #CHAT}, token by token: {@code <|im_start|>} s y s t e m \n X Y Z ... */
    private static final int CHAT_PROMPT_TOKENS = 13 + 9 + 11;
    private static final ToolSchema FORECAST = tool("""
            {"name": "get_forecast", "description": "Weather forecast for the next days",
             "parameters": {"type": "object", "properties": {
                 "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                 "days": {"type": "integer"}},
               "required": ["unit", "days"], "additionalProperties": false}}""");
    private static final ToolSchema PING = tool("""
            {"name": "ping", "description": "Checks the network",
             "parameters": {"type": "object", "properties": {"verbose": {"type": "boolean"}},
               "required": ["verbose"], "additionalProperties": false}}""");

    @TempDir
    static Path dir;
    static Path modelFile;
    static LlamaCppChatCompletionClient client;

    @BeforeAll
    static void loadModel() {
        modelFile = TinyLlamaModel.write(dir);
        client = LlamaCppChatCompletionClient.builder(modelFile).nCtx(2048).nThreads(1).seed(7).build();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static ToolSchema tool(String json) {
        try {
            return JSON.readValue(json, ToolSchema.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> bias(String token, double value) {
        return Map.of(String.valueOf(TinyLlamaModel.tokenId(token)), value);
    }

    private static String text(CreateResult result) {
        assertThat(result.content()).isInstanceOf(ModelContent.Text.class);
        return ((ModelContent.Text) result.content()).text();
    }

    @Test
    void formatsThePromptWithTheModelsChatTemplateAndCountsItsTokens() {
        assertThat(client.countTokens(CHAT)).isEqualTo(CHAT_PROMPT_TOKENS);
        assertThat(client.remainingTokens(CHAT)).isEqualTo(2048 - CHAT_PROMPT_TOKENS);
        assertThat(client.countTokens(CHAT, List.of(FORECAST))).isGreaterThan(CHAT_PROMPT_TOKENS + 50);

        CreateResult result = client.create(CreateRequest.builder(CHAT).extraCreateArg("max_tokens", 6).build());

        assertThat(result.usage()).isEqualTo(new RequestUsage(CHAT_PROMPT_TOKENS, 6));
        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.cached()).isFalse();
        assertThat(client.actualUsage()).isEqualTo(result.usage());
    }

    @Test
    void maxTokensCutsTheAnswerAndUsageAddsUp() {
        RequestUsage before = client.totalUsage();
        var request = CreateRequest.builder(CHAT).extraCreateArg("max_tokens", 5)
                .extraCreateArg("logit_bias", bias("x", 100)).build();

        CreateResult result = client.create(request);

        assertThat(text(result)).isEqualTo("xxxxx");
        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.usage()).isEqualTo(new RequestUsage(CHAT_PROMPT_TOKENS, 5));
        assertThat(client.totalUsage()).isEqualTo(before.plus(result.usage()));
    }

    @Test
    void stopStringsEndTheAnswerWithoutTheStopText() {
        var request = CreateRequest.builder(CHAT).extraCreateArg("max_tokens", 40)
                .extraCreateArg("logit_bias", bias("x", 100))
                .extraCreateArg("stop", List.of("xx")).build();

        CreateResult result = client.create(request);

        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(text(result)).isEmpty();
        assertThat(result.usage().completionTokens()).isEqualTo(2);
    }

    @Test
    void endOfTurnTokenStopsTheAnswer() {
        var request = CreateRequest.builder(CHAT).extraCreateArg("max_tokens", 40)
                .extraCreateArg("logit_bias", bias(TinyLlamaModel.IM_END, 100)).build();

        CreateResult result = client.create(request);

        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(text(result)).isEmpty();
        assertThat(result.usage().completionTokens()).isEqualTo(1);
    }

    @Test
    void streamChunksConcatenateToTheFinalResult() {
        List<String> chunks = new ArrayList<>();
        CreateResult last;
        try (ChatCompletionStream stream = client.createStream(CreateRequest.builder(CHAT)
                .extraCreateArg("max_tokens", 12).extraCreateArg("logit_bias", bias("a", 3)).build())) {
            for (CreateStreamItem item : stream) {
                if (item instanceof ChatCompletionChunk c) {
                    chunks.add(c.content());
                }
            }
            last = stream.result();
        }
        assertThat(chunks).isNotEmpty().allSatisfy(c -> assertThat(c).isNotEmpty());
        assertThat(String.join("", chunks)).isEqualTo(text(last));
        assertThat(last.usage().promptTokens()).isEqualTo(CHAT_PROMPT_TOKENS);
        assertThat(last.usage().completionTokens()).isBetween(chunks.size(), 12);
        assertThat(client.actualUsage()).isEqualTo(last.usage());
    }

    @Test
    void requiredToolChoiceGivesACallWhoseArgumentsMatchTheSchema() throws Exception {
        var request = CreateRequest.builder(List.of(new UserMessage("Forecast for Paris?", "user")))
                .toolSchemas(List.of(FORECAST, PING)).toolChoice(ToolChoice.tool("get_forecast"))
                .extraCreateArg("max_tokens", 400).build();

        CreateResult result = client.create(request);

        assertThat(result.finishReason()).isEqualTo(FinishReason.FUNCTION_CALLS);
        List<FunctionCall> calls = ((ModelContent.FunctionCalls) result.content()).calls();
        assertThat(calls).hasSize(1);
        FunctionCall call = calls.getFirst();
        assertThat(call.name()).isEqualTo("get_forecast");
        assertThat(call.id()).startsWith("call_");
        JsonNode arguments = JSON.readTree(call.arguments());
        assertThat(arguments.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("unit", "days");
        assertThat(arguments.path("unit").asText()).isIn("celsius", "fahrenheit");
        assertThat(arguments.path("days").isIntegralNumber()).isTrue();
        assertThat(result.usage().completionTokens()).isPositive();
    }

    @Test
    void requiredChoiceAmongSeveralToolsCallsOneOfThem() throws Exception {
        var request = CreateRequest.builder(List.of(new UserMessage("Check", "user")))
                .toolSchemas(List.of(FORECAST, PING)).toolChoice(ToolChoice.REQUIRED)
                .extraCreateArg("max_tokens", 400).extraCreateArg("seed", 3).build();

        CreateResult result = client.create(request);

        FunctionCall call = ((ModelContent.FunctionCalls) result.content()).calls().getFirst();
        assertThat(call.name()).isIn("get_forecast", "ping");
        JsonNode arguments = JSON.readTree(call.arguments());
        if (call.name().equals("ping")) {
            assertThat(arguments.path("verbose").isBoolean()).isTrue();
        } else {
            assertThat(arguments.path("unit").asText()).isIn("celsius", "fahrenheit");
        }
    }

    @Test
    void autoToolChoiceLetsTheModelAnswerInTextOrCall() {
        var base = CreateRequest.builder(CHAT).toolSchemas(List.of(PING)).extraCreateArg("max_tokens", 300);

        CreateResult text = client.create(base.extraCreateArg("logit_bias", bias("x", 100)).build());
        assertThat(text.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(text(text)).startsWith("xxx");

        CreateResult call = client.create(base.extraCreateArgs(Map.of("logit_bias", bias("{", 100))).build());
        assertThat(call.finishReason()).isEqualTo(FinishReason.FUNCTION_CALLS);
        assertThat(((ModelContent.FunctionCalls) call.content()).calls().getFirst().name()).isEqualTo("ping");
    }

    @Test
    void aStreamedToolCallSendsNoTextChunks() {
        List<CreateStreamItem> items = new ArrayList<>();
        try (var stream = client.createStream(CreateRequest.builder(CHAT).toolSchemas(List.of(PING))
                .toolChoice(ToolChoice.REQUIRED).extraCreateArg("max_tokens", 100).build())) {
            stream.forEach(items::add);
        }
        assertThat(items).hasSize(1);
        CreateResult result = (CreateResult) items.getFirst();
        assertThat(result.content()).isInstanceOf(ModelContent.FunctionCalls.class);
    }

    @Test
    void aCallCutShortByMaxTokensComesBackAsText() {
        var request = CreateRequest.builder(CHAT).toolSchemas(List.of(FORECAST)).toolChoice(ToolChoice.REQUIRED)
                .extraCreateArg("max_tokens", 3).build();

        CreateResult result = client.create(request);

        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(text(result)).startsWith("{");
    }

    @Test
    void structuredOutputFollowsTheTypesSchema() throws Exception {
        record Verdict(boolean approved, Mood mood) {
        }
        var request = CreateRequest.builder(CHAT).jsonOutput(Verdict.class).extraCreateArg("max_tokens", 100).build();

        CreateResult result = client.create(request);

        Verdict verdict = JSON.readValue(text(result), Verdict.class);
        assertThat(verdict.mood()).isNotNull();
    }

    enum Mood { HAPPY, SAD }

    @Test
    void toolCallsAndResultsInTheHistoryAreWrittenIntoThePrompt() {
        List<LLMMessage> history = List.of(new UserMessage("Forecast?", "user"),
                new AssistantMessage(List.of(new FunctionCall("call_9", "{\"unit\":\"celsius\",\"days\":2}",
                        "get_forecast")), "assistant"),
                new FunctionExecutionResultMessage(List.of(new FunctionExecutionResult("sunny", "get_forecast", "call_9",
                        false))));

        JsonNode messages = client.convert(history, List.of(FORECAST), false);

        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).contains("get_forecast").contains("Otherwise answer in plain"
                + " text");
        assertThat(messages.get(2).path("content").asText())
                .isEqualTo("{\"name\":\"get_forecast\",\"arguments\":{\"unit\":\"celsius\",\"days\":2}}");
        assertThat(messages.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("sunny");
        assertThat(client.countTokens(history)).isPositive();
    }

    @Test
    void cancellingTheTokenStopsGenerationAndTheModelStaysUsable() {
        CancellationToken token = new CancellationToken();
        List<String> seen = new ArrayList<>();
        var request = CreateRequest.builder(CHAT).extraCreateArg("max_tokens", 400)
                .extraCreateArg("logit_bias", bias("x", 100)).cancellationToken(token).build();
        try (var stream = client.createStream(request)) {
            assertThatThrownBy(() -> stream.forEach(item -> {
                seen.add(item.toString());
                if (seen.size() == 3) {
                    token.cancel();
                }
            })).isInstanceOf(CancellationException.class);
        }
        assertThat(seen).hasSizeLessThan(400);

        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        assertThatThrownBy(() -> client.create(CreateRequest.builder(CHAT).cancellationToken(cancelled).build()))
                .isInstanceOf(CancellationException.class);

        CreateResult after = client.create(CreateRequest.builder(CHAT).extraCreateArg("max_tokens", 2).build());
        assertThat(after.usage().completionTokens()).isEqualTo(2);
    }

    @Test
    void closingAStreamEarlyLeavesTheModelUsable() {
        try (var stream = client.createStream(CreateRequest.builder(CHAT).extraCreateArg("max_tokens", 300).build())) {
            assertThat(stream.iterator().next()).isInstanceOf(ChatCompletionChunk.class);
        }
        CreateResult after = client.create(CreateRequest.builder(CHAT).extraCreateArg("max_tokens", 3)
                .extraCreateArg("logit_bias", bias("q", 100)).build());
        assertThat(text(after)).isEqualTo("qqq");
    }

    @Test
    void badRequestsAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> client.create(CreateRequest.builder(CHAT).extraCreateArg("n_probs", 3).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extra_create_args.n_probs is not supported")
                .hasMessageContaining("max_tokens");
        assertThatThrownBy(() -> client.create(CreateRequest.builder(CHAT).extraCreateArg("max_tokens", "many").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extra_create_args.max_tokens must be an integer");
        var image = new UserMessage(new UserContent.Multi(List.of("look", Image.fromBytes(new byte[] {1, 2, 3},
                "image/png"))), "user");
        assertThatThrownBy(() -> client.create(List.of(image)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("images are currently not supported");
        assertThatThrownBy(() -> client.create(CreateRequest.builder(CHAT).toolSchemas(List.of(PING))
                .jsonOutput(true).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tools cannot be combined with json_output");
    }

    @Test
    void aClosedClientRefusesCalls() {
        var own = LlamaCppChatCompletionClient.builder(modelFile).nCtx(256).nThreads(1).build();
        assertThat(own.create(CreateRequest.builder(CHAT).extraCreateArg("max_tokens", 1).build()).usage()
                .completionTokens()).isEqualTo(1);
        own.close();
        own.close();
        assertThatThrownBy(() -> own.create(CHAT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> own.countTokens(CHAT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPromptLongerThanTheContextIsRefused() {
        try (var small = LlamaCppChatCompletionClient.builder(modelFile).nCtx(64).nThreads(1).build()) {
            var longChat = List.<LLMMessage>of(new UserMessage("Q".repeat(80), "user"));
            assertThat(small.remainingTokens(longChat)).isZero();
            assertThatThrownBy(() -> small.create(longChat))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("do not fit the context window of 64 (n_ctx)");
        }
    }

    @Test
    void aMissingOrForeignModelFileIsNamedBeforeAndAtTheFirstCall() throws Exception {
        Path missing = dir.resolve("nope.gguf");
        try (var absent = LlamaCppChatCompletionClient.builder(missing).build()) {
            assertThat(absent.configurationProblem()).hasValueSatisfying(problem ->
                    assertThat(problem).contains("model_path '" + missing + "' does not exist"));
            assertThatThrownBy(() -> absent.create(CHAT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("model_path '" + missing + "' does not exist");
        }
        Path text = Files.writeString(dir.resolve("notes.gguf"), "just some text");
        try (var foreign = LlamaCppChatCompletionClient.builder(text).build()) {
            assertThatThrownBy(() -> foreign.countTokens(CHAT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is not a GGUF model file");
        }
        assertThat(client.configurationProblem()).isEmpty();
        assertThatThrownBy(() -> new LlamaCppClientConfiguration(null, "unsloth/phi-4-GGUF", "phi-4-Q2_K_L.gguf", null,
                null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never downloads");
    }

    @Test
    void componentConfigRoundTripsAndADownloadIsRefused() {
        String json = """
                {"provider": "autogen_ext.models.llama_cpp.LlamaCppChatCompletionClient", "component_type": "model",
                 "config": {"model_path": "%s", "n_ctx": 256, "n_threads": 1, "seed": 5, "temperature": 0.3,
                            "max_tokens": 4}}""".formatted(modelFile.toString().replace("\\", "\\\\"));
        try (var loaded = ComponentLoader.loadComponent(json, ChatCompletionClient.class)) {
            assertThat(loaded).isInstanceOf(LlamaCppChatCompletionClient.class);
            CreateResult result = loaded.create(CHAT);
            assertThat(result.usage().completionTokens()).isLessThanOrEqualTo(4);
            assertThat(loaded.remainingTokens(CHAT)).isEqualTo(256 - CHAT_PROMPT_TOKENS);
            JsonNode config = JSON.valueToTree(loaded.dumpComponent().config());
            assertThat(config.path("model_path").asText()).isEqualTo(modelFile.toString());
            assertThat(config.path("n_ctx").asInt()).isEqualTo(256);
            assertThat(config.path("temperature").asDouble()).isEqualTo(0.3);
            assertThat(loaded.dumpComponent().provider()).isEqualTo(LlamaCppChatCompletionClient.PROVIDER);
        }
        String missing = json.replace(modelFile.getFileName().toString(), "absent.gguf");
        try (var absent = ComponentLoader.loadComponent(missing, ChatCompletionClient.class)) {
            assertThat(absent.configurationProblem()).hasValueSatisfying(problem ->
                    assertThat(problem).contains("absent.gguf"));
        }
        String download = """
                {"provider": "autogen_ext.models.llama_cpp.LlamaCppChatCompletionClient", "component_type": "model",
                 "config": {"repo_id": "unsloth/phi-4-GGUF", "filename": "phi-4-Q2_K_L.gguf"}}""";
        assertThatThrownBy(() -> ComponentLoader.loadComponent(download, ChatCompletionClient.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("never downloads");
    }
}
