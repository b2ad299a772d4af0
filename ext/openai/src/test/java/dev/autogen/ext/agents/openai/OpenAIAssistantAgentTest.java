package dev.autogen.ext.agents.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.MultiModalMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.agentchat.messages.ToolCallRequestEvent;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.Image;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.FunctionTool;
import dev.autogen.ext.agents.openai.FakeAssistantsServer.Complete;
import dev.autogen.ext.agents.openai.FakeAssistantsServer.End;
import dev.autogen.ext.agents.openai.FakeAssistantsServer.Hang;
import dev.autogen.ext.agents.openai.FakeAssistantsServer.RequiresAction;
import dev.autogen.ext.agents.openai.FakeAssistantsServer.Transient;
import dev.autogen.ext.models.openai.OpenAIApiException;
import dev.autogen.ext.models.openai.OpenAIClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAIAssistantAgentTest {
    record CityArgs(String city) {
    }

    static final List<String> CALLED = new CopyOnWriteArrayList<>();
    static final FunctionTool WEATHER = FunctionTool.of("get_weather", "Get the weather for a city.", CityArgs.class,
            args -> {
                CALLED.add(args.city());
                return "Sunny in " + args.city();
            });
    static final FunctionTool CRASH = FunctionTool.of("crash", "Always fails.", CityArgs.class, args -> {
        throw new IllegalStateException("disk on fire");
    });

    FakeAssistantsServer server;
    OpenAIClient client;
    final CancellationToken token = new CancellationToken();

    @BeforeEach
    void start() throws Exception {
        CALLED.clear();
        server = new FakeAssistantsServer();
        client = OpenAIClient.builder().baseUrl(server.baseUrl()).apiKey(FakeAssistantsServer.KEY).maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    OpenAIAssistantAgent.Builder agent() {
        return OpenAIAssistantAgent.builder("helper", client).description("Helps.").model("gpt-4o")
                .instructions("Be helpful.").pollInterval(Duration.ofMillis(1));
    }

    static TextMessage user(String text) {
        return new TextMessage(text, "user");
    }

    @Test
    void firstTurnCreatesAssistantAndThreadAddsTheMessageRunsAndAnswersWithTheReply() {
        server.plan(new Transient("in_progress"), new Complete("Hello! How can I help?"));
        var agent = agent().codeInterpreter().tool(WEATHER).temperature(0.2).metadata(Map.of("team", "docs")).build();

        Response response = agent.onMessages(List.of(user("Hi")), token);

        assertThat(reply(response.chatMessage())).isEqualTo("helper: Hello! How can I help?");
        assertThat(response.innerMessages()).isEmpty();
        assertThat(server.lines()).containsExactly(
                "POST /v1/assistants",
                "POST /v1/threads",
                "GET /v1/threads/thread_2/messages?order=asc&limit=100",
                "POST /v1/threads/thread_2/messages",
                "POST /v1/threads/thread_2/runs",
                "GET /v1/threads/thread_2/runs/run_4",
                "GET /v1/threads/thread_2/runs/run_4",
                "GET /v1/threads/thread_2/messages?order=desc&limit=1");
        assertThat(server.requests).allSatisfy(r -> {
            assertThat(r.header("OpenAI-Beta")).isEqualTo("assistants=v2");
            assertThat(r.header("Authorization")).isEqualTo("Bearer test-key");
        });
        JsonNode created = server.requests.getFirst().json();
        assertThat(created).isEqualTo(json("""
                {"model": "gpt-4o", "description": "Helps.", "instructions": "Be helpful.",
                 "tools": [{"type": "code_interpreter"},
                           {"type": "function", "function": {"name": "get_weather",
                              "description": "Get the weather for a city.",
                              "parameters": {"type": "object",
                                             "properties": {"city": {"title": "City", "type": "string"}},
                                             "required": ["city"]}}}],
                 "metadata": {"team": "docs"}, "temperature": 0.2}"""));
        assertThat(server.requests.get(3).json()).isEqualTo(json("{\"role\": \"user\", \"content\": \"Hi\"}"));
        assertThat(server.requests.get(4).json()).isEqualTo(json("{\"assistant_id\": \"asst_1\"}"));
        assertThat(agent.assistantId()).contains("asst_1");
        assertThat(agent.threadId()).contains("thread_2");

        server.plan(new Complete("Again."));
        assertThat(reply(agent.onMessages(List.of(user("Once more")), token).chatMessage())).isEqualTo("helper: Again.");
        assertThat(server.requests("POST", "/v1/assistants")).hasSize(1);
        assertThat(server.requests("POST", "/v1/threads")).hasSize(1);
    }

    @Test
    void aRunThatRequiresActionHasTheAgentRunItsToolsAndSubmitTheOutputs() {
        server.plan(new RequiresAction(List.of(new String[] {"call_1", "get_weather", "{\"city\": \"Paris\"}"},
                new String[] {"call_2", "get_weather", "{\"city\": \"Oslo\"}"})), new Complete("Paris and Oslo: sunny."));
        var agent = agent().tool(WEATHER).build();
        List<BaseMessage> streamed = new ArrayList<>();

        Response response = agent.onMessagesStream(List.of(user("Weather?")), token, streamed::add);

        assertThat(CALLED).containsExactly("Paris", "Oslo");
        assertThat(reply(response.chatMessage())).isEqualTo("helper: Paris and Oslo: sunny.");
        assertThat(response.innerMessages()).hasSize(2).isEqualTo(streamed);
        var request = (ToolCallRequestEvent) streamed.get(0);
        assertThat(request.content()).extracting(c -> c.id() + " " + c.name() + " " + c.arguments())
                .containsExactly("call_1 get_weather {\"city\": \"Paris\"}", "call_2 get_weather {\"city\": \"Oslo\"}");
        var execution = (ToolCallExecutionEvent) streamed.get(1);
        assertThat(execution.content()).containsExactly(
                new FunctionExecutionResult("Sunny in Paris", "get_weather", "call_1", false),
                new FunctionExecutionResult("Sunny in Oslo", "get_weather", "call_2", false));
        var submit = server.requests("POST", "/v1/threads/[^/]+/runs/[^/]+/submit_tool_outputs");
        assertThat(submit).hasSize(1);
        assertThat(submit.getFirst().json()).isEqualTo(json("""
                {"tool_outputs": [{"tool_call_id": "call_1", "output": "Sunny in Paris"},
                                  {"tool_call_id": "call_2", "output": "Sunny in Oslo"}]}"""));
    }

    @Test
    void malformedArgumentsACrashingToolAndAnUnknownToolAreSubmittedAsErrorsAndTheRunGoesOn() {
        server.plan(new RequiresAction(List.of(new String[] {"c1", "get_weather", "{\"city\": "},
                new String[] {"c2", "crash", "{\"city\": \"x\"}"}, new String[] {"c3", "nope", "{}"})),
                new Complete("Sorry, my tools failed."));
        var agent = agent().tools(List.of(WEATHER, CRASH)).build();

        Response response = agent.onMessages(List.of(user("Go")), token);

        assertThat(reply(response.chatMessage())).isEqualTo("helper: Sorry, my tools failed.");
        List<FunctionExecutionResult> results = ((ToolCallExecutionEvent) response.innerMessages().get(1)).content();
        assertThat(results).allSatisfy(r -> {
            assertThat(r.isError()).isTrue();
            assertThat(r.content()).startsWith("Error");
        });
        assertThat(results.get(0).content()).contains("Invalid JSON arguments for tool 'get_weather'");
        assertThat(results.get(1).content()).contains("disk on fire");
        assertThat(results.get(2).content()).contains("nope").contains("not found");
        assertThat(CALLED).isEmpty();
        JsonNode outputs = server.submittedOutputs.values().iterator().next().getFirst();
        assertThat(outputs).hasSize(3);
        assertThat(outputs.get(1).path("output").asText()).isEqualTo(results.get(1).content());
    }

    @Test
    void aToolCallToAnAgentWithoutFunctionToolsIsAnErrorOutput() {
        server.plan(new RequiresAction(List.<String[]>of(new String[] {"c1", "get_weather", "{}"})), new Complete("ok"));
        var agent = agent().codeInterpreter().build();

        Response response = agent.onMessages(List.of(user("Go")), token);

        FunctionExecutionResult result = ((ToolCallExecutionEvent) response.innerMessages().get(1)).content().getFirst();
        assertThat(result.isError()).isTrue();
        assertThat(result.content()).isEqualTo("Error: the tool 'get_weather' is not available: this agent has no"
                + " function tools");
    }

    @Test
    void aFailedRunRaisesTheServersLastError() {
        server.plan(new End("failed", "rate_limit_exceeded", "You exceeded your current quota."));
        var agent = agent().build();

        assertThatThrownBy(() -> agent.onMessages(List.of(user("Hi")), token))
                .isInstanceOfSatisfying(OpenAIAssistantRunException.class, e -> {
                    assertThat(e.status()).isEqualTo("failed");
                    assertThat(e.errorCode()).isEqualTo("rate_limit_exceeded");
                })
                .hasMessage("run run_4 failed: rate_limit_exceeded: You exceeded your current quota.");
    }

    @Test
    void anExpiredRunRaisesInsteadOfPollingForever() {
        server.plan(new Transient("in_progress"), new End("expired", null, null));
        var agent = agent().build();

        assertThatThrownBy(() -> agent.onMessages(List.of(user("Hi")), token))
                .isInstanceOf(OpenAIAssistantRunException.class).hasMessage("run run_4 expired");
    }

    @Test
    void anApiErrorIsReportedWithTheMethodUrlStatusAndServerMessage() {
        var agent = agent().assistantId("asst_missing").build();

        assertThatThrownBy(() -> agent.onMessages(List.of(user("Hi")), token))
                .isInstanceOfSatisfying(OpenAIApiException.class, e -> assertThat(e.statusCode()).isEqualTo(404))
                .hasMessage("OpenAI API request GET " + server.baseUrl() + "/assistants/asst_missing failed with HTTP 404:"
                        + " No assistant found with id 'asst_missing'. (type: invalid_request_error, code: null)");
    }

    @Test
    void aWrongKeyIsReportedWithTheServersMessage() {
        try (var wrong = OpenAIClient.builder().baseUrl(server.baseUrl()).apiKey("nope").maxRetries(0).build()) {
            var agent = OpenAIAssistantAgent.builder("helper", wrong).model("gpt-4o").instructions("x").build();
            assertThatThrownBy(() -> agent.onMessages(List.of(user("Hi")), token))
                    .isInstanceOf(OpenAIApiException.class)
                    .hasMessageContaining("POST " + server.baseUrl() + "/assistants failed with HTTP 401: Incorrect API"
                            + " key provided. (type: invalid_request_error, code: invalid_api_key)");
        }
    }

    @Test
    void aServerErrorIsRetriedByTheClient() {
        try (var retrying = OpenAIClient.builder().baseUrl(server.baseUrl()).apiKey(FakeAssistantsServer.KEY)
                .maxRetries(1).build()) {
            server.failNext("POST /v1/threads", 500, "{\"error\": {\"message\": \"boom\"}}");
            server.plan(new Complete("fine"));
            var agent = OpenAIAssistantAgent.builder("helper", retrying).model("gpt-4o").instructions("x")
                    .pollInterval(Duration.ZERO).build();

            assertThat(reply(agent.onMessages(List.of(user("Hi")), token).chatMessage())).isEqualTo("helper: fine");
            assertThat(server.requests("POST", "/v1/threads")).hasSize(2);
        }
    }

    @Test
    void anExistingAssistantAndThreadAreRetrievedAndResetKeepsTheThreadsEarlierMessages() {
        server.seedAssistant("asst_old");
        server.seedThread("thread_old", "earlier question", "another earlier one");
        var agent = OpenAIAssistantAgent.builder("helper", client).assistantId("asst_old").threadId("thread_old")
                .pollInterval(Duration.ZERO).build();
        server.plan(new Complete("Answer."));

        agent.onMessages(List.of(user("New question")), token);

        assertThat(server.lines()).startsWith("GET /v1/assistants/asst_old", "GET /v1/threads/thread_old",
                "GET /v1/threads/thread_old/messages?order=asc&limit=100");
        assertThat(server.requests("POST", "/v1/(assistants|threads)")).isEmpty();
        assertThat(server.messages.get("thread_old")).hasSize(4);

        agent.onReset(token);

        assertThat(server.messages.get("thread_old")).extracting(m -> m.path("content").path(0).path("text")
                .path("value").asText()).containsExactly("earlier question", "another earlier one");
        assertThat(server.requests("DELETE", "/v1/threads/thread_old/messages/.*")).hasSize(2);

        agent.deleteAssistant(token);
        assertThat(server.assistants).containsKey("asst_old");
    }

    @Test
    void listingTheThreadFollowsPagesOfAHundred() {
        String[] texts = new String[230];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "m" + i;
        }
        server.seedAssistant("asst_old");
        server.seedThread("thread_long", texts);
        var agent = OpenAIAssistantAgent.builder("helper", client).assistantId("asst_old").threadId("thread_long")
                .pollInterval(Duration.ZERO).build();
        server.plan(new Complete("ok"));
        agent.onMessages(List.of(user("q")), token);

        assertThat(server.requests("GET", "/v1/threads/thread_long/messages")).extracting(r -> r.query())
                .hasSize(4).first().isEqualTo("order=asc&limit=100");
        assertThat(((List<?>) agent.saveState().get("initial_message_ids"))).hasSize(230);

        agent.onReset(token);
        assertThat(server.messages.get("thread_long")).hasSize(230);
    }

    @Test
    void multimodalMessagesAreSentAsTextAndImageUrlParts() {
        server.plan(new Complete("A pixel."));
        var agent = agent().build();
        Image pixel = Image.fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

        agent.onMessages(List.of(new MultiModalMessage(List.of("What is this?", pixel), "user")), token);

        JsonNode body = server.requests("POST", "/v1/threads/[^/]+/messages").getFirst().json();
        assertThat(body.path("role").asText()).isEqualTo("user");
        assertThat(body.path("content").get(0)).isEqualTo(json("{\"type\": \"text\", \"text\": \"What is this?\"}"));
        assertThat(body.path("content").get(1).path("type").asText()).isEqualTo("image_url");
        assertThat(body.path("content").get(1).path("image_url").path("url").asText())
                .isEqualTo("data:image/png;base64," + pixel.toBase64());
    }

    @Test
    void filesForTheCodeInterpreterAreUploadedAndAddedToTheThreadsResources(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("data.csv"), "x,y\n1,2\n");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "größe");
        var agent = agent().codeInterpreter().build();

        agent.onUploadForCodeInterpreter(List.of(csv), token);
        agent.onUploadForCodeInterpreter(List.of(notes), token);

        var uploads = server.requests("POST", "/v1/files");
        assertThat(uploads).hasSize(2);
        assertThat(uploads.getFirst().header("OpenAI-Beta")).isNull();
        assertThat(uploads.getFirst().header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(server.files.values()).containsExactly("data.csv:x,y\n1,2\n", "notes.txt:größe");
        String threadId = agent.threadId().orElseThrow();
        assertThat(server.threads.get(threadId).path("tool_resources"))
                .isEqualTo(json("{\"code_interpreter\": {\"file_ids\": [\"file-3\", \"file-4\"]}}"));

        agent.deleteUploadedFiles(token);
        assertThat(server.files).isEmpty();
        assertThat(agent.saveState().get("uploaded_file_ids")).isEqualTo(List.of());
    }

    @Test
    void aFileThatCannotBeReadIsNamed(@TempDir Path dir) {
        var agent = agent().codeInterpreter().build();
        Path missing = dir.resolve("missing.csv");

        assertThatThrownBy(() -> agent.onUploadForCodeInterpreter(List.of(missing), token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read file to upload " + missing);
    }

    @Test
    void fileSearchUploadsGoToAVectorStoreAttachedToTheAssistant(@TempDir Path dir) throws Exception {
        Path doc = Files.writeString(dir.resolve("manual.md"), "# Manual");
        var agent = agent().fileSearch().build();

        agent.onUploadForFileSearch(List.of(doc), token);

        String store = server.vectorStores.keySet().iterator().next();
        String assistant = agent.assistantId().orElseThrow();
        assertThat(server.assistants.get(assistant).path("tool_resources"))
                .isEqualTo(json("{\"file_search\": {\"vector_store_ids\": [\"" + store + "\"]}}"));
        assertThat(server.vectorStores.get(store)).containsExactlyElementsOf(server.files.keySet());
        assertThat(server.lines()).contains("POST /v1/vector_stores/" + store + "/file_batches")
                .anyMatch(l -> l.startsWith("GET /v1/vector_stores/" + store + "/file_batches/vsfb_"));
        assertThat(agent.saveState().get("vector_store_id")).isEqualTo(store);

        Path second = Files.writeString(dir.resolve("faq.md"), "# FAQ");
        agent.onUploadForFileSearch(List.of(second), token);
        assertThat(server.requests("POST", "/v1/vector_stores")).hasSize(1);
        assertThat(server.vectorStores.get(store)).hasSize(2);

        agent.deleteVectorStore(token);
        agent.deleteUploadedFiles(token);
        agent.deleteAssistant(token);
        assertThat(server.vectorStores).isEmpty();
        assertThat(server.files).isEmpty();
        assertThat(server.assistants).isEmpty();
        assertThat(agent.saveState().get("vector_store_id")).isNull();
    }

    @Test
    void fileSearchWithoutTheToolOrWithAFailedBatchSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        Path doc = Files.writeString(dir.resolve("manual.md"), "# Manual");
        assertThatThrownBy(() -> agent().codeInterpreter().build().onUploadForFileSearch(List.of(doc), token))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("File search is not enabled for this assistant. Add a file_search tool when creating the"
                        + " assistant.");

        server.batchOutcome = "failed";
        assertThatThrownBy(() -> agent().fileSearch().build().onUploadForFileSearch(List.of(doc), token))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not index the files")
                .hasMessageContaining("ended 'failed'");
    }

    @Test
    void stateUsesPythonsFieldNamesAndALoadedStateIsUsedAsIs() {
        server.plan(new Complete("first"));
        var agent = agent().build();
        agent.onMessages(List.of(user("Hi")), token);

        Map<String, Object> state = agent.saveState();
        assertThat(state).containsOnlyKeys("type", "assistant_id", "thread_id", "initial_message_ids",
                "vector_store_id", "uploaded_file_ids");
        assertThat(state).containsEntry("type", "OpenAIAssistantAgentState").containsEntry("assistant_id", "asst_1")
                .containsEntry("thread_id", "thread_2").containsEntry("initial_message_ids", List.of())
                .containsEntry("vector_store_id", null).containsEntry("uploaded_file_ids", List.of());

        // A state as Python's model_dump() writes it, for a thread that had one message before the agent came.
        server.seedAssistant("asst_py");
        server.seedThread("thread_py", "kept");
        String kept = server.messages.get("thread_py").getFirst().path("id").asText();
        Map<String, Object> python = AutogenJson.mapper().convertValue(json("""
                {"type": "OpenAIAssistantAgentState", "assistant_id": "asst_py", "thread_id": "thread_py",
                 "initial_message_ids": ["%s"], "vector_store_id": null, "uploaded_file_ids": ["file-9"]}"""
                .formatted(kept)), Map.class);
        var restored = agent().build();
        restored.loadState(python);
        assertThat(restored.saveState()).isEqualTo(python);
        int before = server.requests.size();
        server.plan(new Complete("second"));
        restored.onMessages(List.of(user("Again")), token);
        assertThat(server.lines().subList(before, before + 3)).containsExactly("GET /v1/assistants/asst_py",
                "GET /v1/threads/thread_py", "POST /v1/threads/thread_py/messages");

        restored.onReset(token);
        assertThat(server.messages.get("thread_py")).extracting(m -> m.path("id").asText()).containsExactly(kept);
    }

    @Test
    void aStateOfAnotherTypeOrShapeIsRefusedNamingTheProblem() {
        var agent = agent().build();
        assertThatThrownBy(() -> agent.loadState(Map.of("type", "AssistantAgentState")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("type: expected an OpenAIAssistantAgentState but the state's type is 'AssistantAgentState'");
        assertThatThrownBy(() -> agent.loadState(Map.of("initial_message_ids", Map.of("a", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("initial_message_ids: invalid OpenAIAssistantAgentState");
    }

    @Test
    void cancellingATurnStopsPollingAndCancelsTheRunOnTheServer() throws Exception {
        server.plan(new Hang());
        var agent = agent().build();
        var cancel = new CancellationToken();
        CompletableFuture<Response> turn = CompletableFuture.supplyAsync(() -> agent.onMessages(List.of(user("Hi")), cancel));
        while (server.runPolls.get() < 3) {
            assertThat(turn).isNotDone();
            Thread.sleep(5);
        }
        cancel.cancel();

        assertThatThrownBy(() -> turn.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
        assertThat(server.requests("POST", "/v1/threads/[^/]+/runs/run_4/cancel")).hasSize(1);
    }

    @Test
    void theBuilderNeedsAModelAndInstructionsOrAnAssistantIdAndKnowsOnlyTheTwoBuiltInTools() {
        assertThatThrownBy(() -> OpenAIAssistantAgent.builder("a", client).model("gpt-4o").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agent 'a' needs model(...) and instructions(...) to create an assistant, or assistantId(...)"
                        + " to use an existing one");
        assertThatThrownBy(() -> OpenAIAssistantAgent.builder("a", client).builtInTool("web_search"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown built-in assistant tool 'web_search'; use code_interpreter or file_search, or add a"
                        + " function tool");
        assertThatThrownBy(() -> agent().tool(WEATHER).tool(WEATHER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agent 'helper' already has a tool named 'get_weather'");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void azureClientsSendTheApiKeyHeaderAndApiVersionOnEveryRequest() {
        try (var azure = OpenAIClient.builder().azureEndpoint(server.baseUrl().replace("/v1", "/"))
                .apiVersion("2024-05-01-preview").apiKey("azure-key").maxRetries(0).build()) {
            var agent = OpenAIAssistantAgent.builder("helper", azure).model("gpt-4o").instructions("x").build();
            assertThatThrownBy(() -> agent.onMessages(List.of(user("Hi")), token)).isInstanceOf(OpenAIApiException.class);
            var request = server.requests.getFirst();
            assertThat(request.line()).isEqualTo("POST /openai/assistants?api-version=2024-05-01-preview");
            assertThat(request.header("api-key")).isEqualTo("azure-key");
            assertThat(request.header("OpenAI-Beta")).isEqualTo("assistants=v2");
        }
    }

    /** The reply as "source: text" (a message's id and time differ every run). */
    static String reply(dev.autogen.agentchat.messages.BaseChatMessage message) {
        return message.source() + ": " + ((TextMessage) message).content();
    }

    static JsonNode json(String text) {
        try {
            return AutogenJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
