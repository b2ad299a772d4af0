package dev.autogen.agentchat.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.agentchat.base.Handoff;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.MemoryQueryEvent;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.StructuredMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ThoughtEvent;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.agentchat.messages.ToolCallRequestEvent;
import dev.autogen.agentchat.messages.ToolCallSummaryMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.memory.ListMemory;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.memory.MemoryMimeType;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.tools.FunctionTool;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AssistantAgentTest {
    static final ModelInfo TOOLS_MODEL = new ModelInfo(false, true, true, "unknown", true, null);

    record CityArgs(String city) {
    }

    static final FunctionTool WEATHER = FunctionTool.of("get_weather", "Get the weather for a city.", CityArgs.class,
            args -> "The weather in " + args.city() + " is 73 degrees and Sunny.");

    static ReplayChatCompletionClient model(Object... responses) {
        return new ReplayChatCompletionClient(List.of(responses), TOOLS_MODEL);
    }

    static CreateResult calls(FunctionCall... calls) {
        return new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(List.of(calls)),
                new RequestUsage(10, 5), false, null, null);
    }

    static FunctionCall call(String id, String name, String arguments) {
        return new FunctionCall(id, arguments, name);
    }

    @Test
    void plainReplyIsATextMessageWithUsageAndTheTaskEchoed() {
        var agent = new AssistantAgent("assistant", model("Hello there."));

        TaskResult result = agent.run("Say hello.");

        assertThat(result.messages()).hasSize(2);
        assertThat(result.messages().get(0)).isInstanceOf(TextMessage.class)
                .extracting(BaseMessage::source).isEqualTo("user");
        var reply = (TextMessage) result.messages().get(1);
        assertThat(reply.content()).isEqualTo("Hello there.");
        assertThat(reply.source()).isEqualTo("assistant");
        assertThat(reply.modelsUsage()).isNotNull();
        assertThat(result.stopReason()).isNull();
    }

    @Test
    void toolCallThenSummaryWithoutReflection() {
        var client = model(calls(call("call_1", "get_weather", "{\"city\": \"New York\"}")));
        var agent = AssistantAgent.builder("weather_agent", client).tools(WEATHER).build();

        Response response = agent.onMessages(List.of(new TextMessage("What is the weather in New York?", "user")),
                new CancellationToken());

        assertThat(response.chatMessage()).isInstanceOf(ToolCallSummaryMessage.class);
        var summary = (ToolCallSummaryMessage) response.chatMessage();
        assertThat(summary.content()).isEqualTo("The weather in New York is 73 degrees and Sunny.");
        assertThat(summary.toolCalls()).extracting(FunctionCall::id).containsExactly("call_1");
        assertThat(summary.results()).singleElement().satisfies(r -> assertThat(r.failed()).isFalse());
        assertThat(response.innerMessages()).hasExactlyElementsOfTypes(ToolCallRequestEvent.class,
                ToolCallExecutionEvent.class);
        assertThat(response.innerMessages().get(0).modelsUsage()).isEqualTo(new RequestUsage(10, 5));
        assertThat(client.createCalls()).hasSize(1);
        assertThat(client.createCalls().get(0).tools()).extracting(t -> t.name()).containsExactly("get_weather");
        assertThat(agent.modelContext().getMessages()).hasExactlyElementsOfTypes(UserMessage.class,
                AssistantMessage.class, FunctionExecutionResultMessage.class);
    }

    @Test
    void summaryFormatAndFormatterShapeEachLine() {
        var twoCalls = calls(call("1", "get_weather", "{\"city\": \"Paris\"}"), call("2", "get_weather", "{\"city\": \"Rome\"}"));
        var formatted = AssistantAgent.builder("a", model(twoCalls)).tools(WEATHER)
                .toolCallSummaryFormat("{tool_name}({arguments}) -> {result} [error={is_error}]").build();
        assertThat(formatted.onMessages(List.of(new TextMessage("go", "user")), new CancellationToken())
                .chatMessage().toText()).isEqualTo("""
                get_weather({"city": "Paris"}) -> The weather in Paris is 73 degrees and Sunny. [error=False]
                get_weather({"city": "Rome"}) -> The weather in Rome is 73 degrees and Sunny. [error=False]""");

        var custom = AssistantAgent.builder("b", model(twoCalls)).tools(WEATHER)
                .toolCallSummaryFormatter((c, r) -> c.id() + ":" + r.name() + ":" + r.failed()).build();
        assertThat(custom.onMessages(List.of(new TextMessage("go", "user")), new CancellationToken())
                .chatMessage().toText()).isEqualTo("1:get_weather:false\n2:get_weather:false");
    }

    @Test
    void reflectionAsksTheModelAgainAndAnswersWithText() {
        var client = model(calls(call("call_1", "get_weather", "{\"city\": \"Seattle\"}")),
                "It is 73 degrees and sunny in Seattle.");
        var agent = AssistantAgent.builder("weather_agent", client).tools(WEATHER).reflectOnToolUse(true).build();

        Response response = agent.onMessages(List.of(new TextMessage("Weather in Seattle?", "user")),
                new CancellationToken());

        assertThat(response.chatMessage()).isInstanceOf(TextMessage.class);
        assertThat(response.chatMessage().toText()).isEqualTo("It is 73 degrees and sunny in Seattle.");
        assertThat(client.createCalls()).hasSize(2);
        assertThat(client.createCalls().get(1).tools()).isEmpty();
        assertThat(client.createCalls().get(1).messages()).last().isInstanceOf(FunctionExecutionResultMessage.class);
        assertThat(agent.modelContext().getMessages()).last().isEqualTo(
                new AssistantMessage("It is 73 degrees and sunny in Seattle.", "weather_agent"));
    }

    @Test
    void severalToolIterationsUntilTheModelAnswersWithText() {
        var client = model(calls(call("1", "get_weather", "{\"city\": \"Paris\"}")),
                calls(call("2", "get_weather", "{\"city\": \"Rome\"}")),
                "Paris and Rome are both sunny.");
        var agent = AssistantAgent.builder("a", client).tools(WEATHER).maxToolIterations(5).build();

        Response response = agent.onMessages(List.of(new TextMessage("Compare Paris and Rome.", "user")),
                new CancellationToken());

        assertThat(response.chatMessage()).isInstanceOf(TextMessage.class);
        assertThat(response.chatMessage().toText()).isEqualTo("Paris and Rome are both sunny.");
        assertThat(response.innerMessages()).hasExactlyElementsOfTypes(ToolCallRequestEvent.class,
                ToolCallExecutionEvent.class, ToolCallRequestEvent.class, ToolCallExecutionEvent.class);
        assertThat(client.createCalls()).hasSize(3);
    }

    @Test
    void reachingMaxToolIterationsSummarizesTheLastRound() {
        var client = model(calls(call("1", "get_weather", "{\"city\": \"Paris\"}")),
                calls(call("2", "get_weather", "{\"city\": \"Rome\"}")), "never used");
        var agent = AssistantAgent.builder("a", client).tools(WEATHER).maxToolIterations(2).build();

        Response response = agent.onMessages(List.of(new TextMessage("go", "user")), new CancellationToken());

        assertThat(response.chatMessage().toText()).isEqualTo("The weather in Rome is 73 degrees and Sunny.");
        assertThat(client.createCalls()).hasSize(2);
    }

    record WaitArgs(String name) {
    }

    @Test
    void parallelToolCallsRunAtTheSameTime() {
        // Each call waits at a barrier for the other: run one after the other, both would time out.
        var barrier = new CyclicBarrier(2);
        var tool = FunctionTool.of("wait_for_partner", "Waits for the other call.", WaitArgs.class, args -> {
            Thread.sleep(200);
            barrier.await(60, TimeUnit.SECONDS);
            return args.name() + " done";
        });
        var client = model(calls(call("1", "wait_for_partner", "{\"name\": \"a\"}"),
                call("2", "wait_for_partner", "{\"name\": \"b\"}")));
        var agent = AssistantAgent.builder("a", client).tools(tool).build();

        Response response = agent.onMessages(List.of(new TextMessage("go", "user")), new CancellationToken());

        var results = ((ToolCallSummaryMessage) response.chatMessage()).results();
        assertThat(results).extracting(r -> r.content()).containsExactly("a done", "b done");
        assertThat(results).noneMatch(r -> r.failed());
    }

    @Test
    void crashingToolsUnknownToolsAndMalformedArgumentsBecomeErrorResults() {
        var crashing = FunctionTool.of("crash", "Always fails.", CityArgs.class, args -> {
            throw new IllegalStateException("disk on fire");
        });
        var client = model(calls(call("1", "crash", "{\"city\": \"x\"}"), call("2", "nope", "{}"),
                call("3", "get_weather", "{\"city\": ")));
        var agent = AssistantAgent.builder("a", client).tools(WEATHER, crashing).build();

        var results = ((ToolCallSummaryMessage) agent.onMessages(List.of(new TextMessage("go", "user")),
                new CancellationToken()).chatMessage()).results();

        assertThat(results).allMatch(r -> r.failed());
        assertThat(results.get(0).content()).contains("disk on fire");
        assertThat(results.get(1).content()).isEqualTo("Error: tool 'nope' not found in any workbench");
        assertThat(results.get(2).content()).contains("Invalid JSON arguments for tool 'get_weather'");
    }

    @Test
    void handoffWithPendingToolCallsCarriesTheirResultsInTheContext() {
        var client = model(new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(List.of(
                call("1", "get_weather", "{\"city\": \"Paris\"}"), call("2", "transfer_to_flights", "{}"),
                call("3", "transfer_to_hotels", "{}"))), new RequestUsage(1, 1), false, null, "Let me hand off."));
        var agent = AssistantAgent.builder("travel", client).tools(WEATHER).handoffs("flights", "hotels").build();

        Response response = agent.onMessages(List.of(new TextMessage("Book me a flight.", "user")),
                new CancellationToken());

        var handoff = (HandoffMessage) response.chatMessage();
        assertThat(handoff.target()).isEqualTo("flights");
        assertThat(handoff.content()).isEqualTo("Transferred to flights, adopting the role of flights immediately.");
        assertThat(handoff.context()).hasSize(2);
        var pending = (AssistantMessage) handoff.context().get(0);
        assertThat(((ModelContent.FunctionCalls) pending.content()).calls()).extracting(FunctionCall::name)
                .containsExactly("get_weather");
        assertThat(pending.thought()).isEqualTo("Let me hand off.");
        assertThat(((FunctionExecutionResultMessage) handoff.context().get(1)).content()).singleElement()
                .satisfies(r -> assertThat(r.content()).contains("Paris"));
        assertThat(response.innerMessages()).hasExactlyElementsOfTypes(ThoughtEvent.class, ToolCallRequestEvent.class,
                ToolCallExecutionEvent.class);
        assertThat(client.createCalls().get(0).tools()).extracting(t -> t.name())
                .containsExactly("get_weather", "transfer_to_flights", "transfer_to_hotels");
    }

    @Test
    void aHandoffCallWithMalformedArgumentsIsAnErrorResultNotATransfer() {
        var client = model(calls(call("1", "transfer_to_flights", "{\"reason\": "),
                call("2", "transfer_to_hotels", "{} {}"), call("3", "transfer_to_cars", "[]")));
        var agent = AssistantAgent.builder("travel", client).handoffs("flights", "hotels", "cars").build();

        Response response = agent.onMessages(List.of(new TextMessage("Book me a flight.", "user")),
                new CancellationToken());

        assertThat(response.chatMessage()).isInstanceOfSatisfying(ToolCallSummaryMessage.class, summary -> {
            assertThat(summary.results()).allMatch(r -> r.failed());
            assertThat(summary.results()).extracting(r -> r.content()).containsExactly(
                    "Invalid JSON arguments for tool 'transfer_to_flights' at line 1, column 12: Unexpected end-of-input"
                            + " within/between Object entries; arguments were: {\"reason\": ",
                    "Invalid JSON arguments for tool 'transfer_to_hotels' at line 1, column 4: more content after the end"
                            + " of the first value (a file holds exactly one document); arguments were: {} {}",
                    "Invalid JSON arguments for tool 'transfer_to_cars': expected a JSON object, found array;"
                            + " arguments were: []");
        });
    }

    @Test
    void aWellFormedHandoffNextToAMalformedOneIsMade() {
        var client = model(calls(call("1", "transfer_to_flights", "{oops"), call("2", "transfer_to_hotels", "")));
        var agent = AssistantAgent.builder("travel", client).handoffs("flights", "hotels").build();

        var handoff = (HandoffMessage) agent.onMessages(List.of(new TextMessage("Book.", "user")),
                new CancellationToken()).chatMessage();

        assertThat(handoff.target()).isEqualTo("hotels");
        assertThat(handoff.context()).hasSize(2);
        assertThat(((FunctionExecutionResultMessage) handoff.context().get(1)).content()).singleElement()
                .satisfies(r -> assertThat(r.content()).startsWith("Invalid JSON arguments for tool 'transfer_to_flights'"));
    }

    @Test
    void handoffMessageContextIsAddedToTheReceiversModelContext() {
        var receiver = new AssistantAgent("flights", model("Booked."));
        List<LLMMessage> context = List.of(new AssistantMessage("I looked at the weather.", "travel"));

        receiver.onMessages(List.of(new HandoffMessage("Transferred to flights.", "travel", "flights", context)),
                new CancellationToken());

        assertThat(receiver.modelContext().getMessages()).startsWith(context.get(0),
                new UserMessage("Transferred to flights.", "travel"));
    }

    @Test
    void streamingChunksComeBeforeTheFullMessageAndStayOutOfTheResult() {
        var agent = AssistantAgent.builder("poet", model("Roses are red.")).modelClientStream(true).build();
        List<BaseMessage> seen = new ArrayList<>();

        TaskResult result;
        try (MessageStream<TaskResult> stream = agent.runStream("Write a poem.")) {
            stream.forEach(seen::add);
            result = stream.result();
        }

        assertThat(seen).hasSize(5);
        assertThat(seen.subList(1, 4)).allMatch(m -> m instanceof ModelClientStreamingChunkEvent);
        assertThat(seen.subList(1, 4)).extracting(BaseMessage::toText).containsExactly("Roses ", "are ", "red.");
        var full = (TextMessage) seen.get(4);
        assertThat(full.content()).isEqualTo("Roses are red.");
        assertThat(seen.subList(1, 4)).allSatisfy(chunk ->
                assertThat(((ModelClientStreamingChunkEvent) chunk).fullMessageId()).isEqualTo(full.id()));
        assertThat(result.messages()).containsExactly(seen.get(0), full);
    }

    @Test
    void streamingChunksAreNotInnerMessagesOfTheResponse() {
        var agent = AssistantAgent.builder("poet", model("Roses are red.")).modelClientStream(true).build();
        try (MessageStream<Response> stream = agent.onMessagesStream(List.of(new TextMessage("Poem?", "user")),
                new CancellationToken())) {
            List<BaseMessage> items = stream.stream().toList();
            assertThat(items).hasSize(3).allMatch(m -> m instanceof ModelClientStreamingChunkEvent);
            assertThat(stream.result().innerMessages()).isEmpty();
        }
    }

    record Weather(String city, int degrees, String sky) {
    }

    @Test
    void structuredOutputParsesIntoTheRecord() {
        var client = model("{\"city\": \"Paris\", \"degrees\": 21, \"sky\": \"clear\"}");
        var agent = AssistantAgent.builder("a", client).outputContentType(Weather.class)
                .outputContentTypeFormat("{city}: {degrees} degrees, {sky}").build();

        Response response = agent.onMessages(List.of(new TextMessage("Weather in Paris?", "user")),
                new CancellationToken());

        var structured = (StructuredMessage<?>) response.chatMessage();
        assertThat(structured.content()).isEqualTo(new Weather("Paris", 21, "clear"));
        assertThat(structured.type()).isEqualTo("StructuredMessage[Weather]");
        assertThat(structured.toText()).isEqualTo("Paris: 21 degrees, clear");
        assertThat(client.createCalls().get(0).jsonOutput()).isNotNull();
        assertThat(agent.producedMessageTypes()).contains(StructuredMessage.class);
    }

    @Test
    void malformedStructuredReplyGivesAClearErrorAndTheAgentStaysUsable() {
        var client = model("the weather is nice", "{\"city\": \"Rome\", \"degrees\": 25, \"sky\": \"sunny\"}");
        var agent = AssistantAgent.builder("forecaster", client).outputContentType(Weather.class).build();

        assertThatThrownBy(() -> agent.run("Weather?"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forecaster")
                .hasMessageContaining("not a valid Weather")
                .hasMessageContaining("the weather is nice");

        var again = agent.run("Weather in Rome?");
        assertThat(((StructuredMessage<?>) again.messages().getLast()).content())
                .isEqualTo(new Weather("Rome", 25, "sunny"));
    }

    @Test
    void memoryIsInjectedBeforeTheModelCallAndReported() {
        var memory = new ListMemory();
        memory.add(new MemoryContent("The user prefers metric units.", MemoryMimeType.TEXT));
        var client = model("It is 21 degrees Celsius.");
        var agent = AssistantAgent.builder("a", client).memory(memory).build();

        Response response = agent.onMessages(List.of(new TextMessage("Weather?", "user")), new CancellationToken());

        assertThat(response.innerMessages()).singleElement().isInstanceOf(MemoryQueryEvent.class);
        assertThat(((MemoryQueryEvent) response.innerMessages().get(0)).content()).extracting(MemoryContent::content)
                .containsExactly("The user prefers metric units.");
        List<LLMMessage> sent = client.createCalls().get(0).messages();
        assertThat(sent).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(SystemMessage.class,
                s -> assertThat(s.content()).contains("The user prefers metric units.")));
    }

    @Test
    void onMessagesIsFedOnlyNewMessagesAndTheAgentKeepsTheHistory() {
        var client = model("First answer.", "Second answer.");
        var agent = new AssistantAgent("a", client);

        agent.onMessages(List.of(new TextMessage("First question.", "user")), new CancellationToken());
        agent.onMessages(List.of(new TextMessage("Second question.", "user")), new CancellationToken());

        assertThat(client.createCalls().get(1).messages()).containsExactly(
                new SystemMessage(AssistantAgent.DEFAULT_SYSTEM_MESSAGE),
                new UserMessage("First question.", "user"),
                new AssistantMessage("First answer.", "a"),
                new UserMessage("Second question.", "user"));
    }

    @Test
    void systemMessageCanBeDisabled() {
        var client = model("ok");
        AssistantAgent.builder("a", client).systemMessage(null).build().run("hi");
        assertThat(client.createCalls().get(0).messages()).containsExactly(new UserMessage("hi", "user"));
    }

    @Test
    void loadStateRevertsTheAgentToTheSavedPoint() {
        var client = model("Paris.", "Rome.", "Berlin.");
        var agent = new AssistantAgent("a", client);
        agent.run("Capital of France?");
        var saved = agent.saveState();

        agent.run("Capital of Italy?");
        agent.loadState(saved);
        agent.run("Capital of Germany?");

        assertThat(saved).containsEntry("type", "AssistantAgentState").containsEntry("version", "1.0.0");
        assertThat(client.createCalls().get(2).messages()).extracting(m -> m instanceof UserMessage u
                ? u.content().toText() : m instanceof AssistantMessage a ? a.content().toString() : "system")
                .containsExactly("system", "Capital of France?", "Paris.", "Capital of Germany?");
    }

    @Test
    void stateOfAnotherTypeIsRejectedWithItsName() {
        var agent = new AssistantAgent("a", model());
        assertThatThrownBy(() -> agent.loadState(java.util.Map.of("type", "TeamState")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AssistantAgentState").hasMessageContaining("TeamState");
    }

    @Test
    void resetClearsTheConversation() {
        var client = model("one", "two");
        var agent = new AssistantAgent("a", client);
        agent.run("first");
        agent.onReset(new CancellationToken());
        agent.run("second");
        assertThat(client.createCalls().get(1).messages()).hasSize(2);
    }

    @Test
    void cancellingARunningAgentStopsItWithCancellationException() throws Exception {
        var started = new CountDownLatch(1);
        var blocking = FunctionTool.of("slow", "Takes forever.", CityArgs.class, args -> {
            started.countDown();
            new CountDownLatch(1).await();
            return "never";
        });
        var agent = AssistantAgent.builder("a", model(calls(call("1", "slow", "{\"city\": \"x\"}")))).tools(blocking).build();
        var token = new CancellationToken();

        var failure = new java.util.concurrent.CompletableFuture<Throwable>();
        Thread runner = Thread.ofVirtual().start(() -> {
            try {
                agent.run(RunOptions.task("go").withCancellationToken(token));
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        token.cancel();

        assertThat(failure.get(60, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        runner.join();
    }

    @Test
    void aModelClientThatThrowsMidRunLeavesTheAgentUsable() {
        var replay = model("Recovered.");
        var failOnce = FaultyModels.failingOnce(replay);
        var agent = new AssistantAgent("a", failOnce);

        assertThatThrownBy(() -> agent.run("first try")).hasMessageContaining("model server unavailable");
        TaskResult result = agent.run("second try");

        assertThat(result.messages().getLast().toText()).isEqualTo("Recovered.");
    }

    @Test
    void invalidCombinationsAreRejectedWithTheirReason() {
        var noTools = new ReplayChatCompletionClient(List.of());
        assertThatThrownBy(() -> AssistantAgent.builder("a", noTools).tools(WEATHER).build())
                .hasMessageContaining("does not support function calling");
        assertThatThrownBy(() -> AssistantAgent.builder("a", model()).tools(WEATHER, WEATHER).build())
                .hasMessageContaining("tool names must be unique");
        assertThatThrownBy(() -> AssistantAgent.builder("a", model()).handoffs(Handoff.to("x"), Handoff.to("x")).build())
                .hasMessageContaining("handoff names must be unique");
        assertThatThrownBy(() -> AssistantAgent.builder("a", model()).maxToolIterations(0).build())
                .hasMessageContaining("greater than or equal to 1, got 0");
        assertThatThrownBy(() -> AssistantAgent.builder("a", model()).tools(WEATHER)
                .workbench(new dev.autogen.core.tools.StaticWorkbench(List.of(WEATHER))).build())
                .hasMessageContaining("tools cannot be used with a workbench");
        assertThatThrownBy(() -> new AssistantAgent("not valid", model()))
                .hasMessageContaining("valid identifier");
    }

    /** An agent that keeps a mood beside its history, written the way code before stateValue() wrote it. */
    static final class MoodyAgent extends AssistantAgent {
        MoodyAgent(Builder builder) {
            super(builder);
        }

        @Override
        public java.util.Map<String, Object> saveState() {
            var state = new java.util.LinkedHashMap<>(super.saveState());
            state.put("mood", "calm");
            return state;
        }
    }

    /** A context that keeps a note beside its history, overriding only saveState(). */
    static final class NotedContext extends dev.autogen.core.model_context.UnboundedChatCompletionContext {
        @Override
        public java.util.Map<String, Object> saveState() {
            var state = new java.util.LinkedHashMap<>(super.saveState());
            state.put("note", "kept");
            return state;
        }
    }

    @Test
    void checkpointsKeepTheStateOfSubclassesThatOnlyOverrideSaveState() throws Exception {
        var mapper = dev.autogen.core.serialization.AutogenJson.mapper();
        var moody = new MoodyAgent(AssistantAgent.builder("moody", ReplayChatCompletionClient.of("Hi.")));
        moody.run("Hello");
        assertThat((Object) mapper.valueToTree(moody.stateValue())).isEqualTo(mapper.valueToTree(moody.saveState()));
        assertThat(mapper.writeValueAsString(moody.stateValue())).contains("\"mood\":\"calm\"");

        var noted = AssistantAgent.builder("noted", ReplayChatCompletionClient.of("Hi."))
                .modelContext(new NotedContext()).build();
        noted.run("Hello");
        assertThat((Object) mapper.valueToTree(noted.stateValue())).isEqualTo(mapper.valueToTree(noted.saveState()));
        assertThat(mapper.writeValueAsString(noted.stateValue())).contains("\"note\":\"kept\"");

        var plain = AssistantAgent.builder("plain", ReplayChatCompletionClient.of("Hi.")).build();
        plain.run("Hello");
        assertThat(mapper.writeValueAsString(plain.stateValue())).isEqualTo(mapper.writeValueAsString(plain.saveState()));
        assertThat(mapper.writeValueAsString(plain.stateValue())).doesNotContain("mood", "note");
    }
}
