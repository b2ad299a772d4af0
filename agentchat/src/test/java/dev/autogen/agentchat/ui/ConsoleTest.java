package dev.autogen.agentchat.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.MultiModalMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.UserInputRequestedEvent;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.tools.annotation.ToolFunction;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ConsoleTest {
    private static final ModelInfo TOOL_MODEL = new ModelInfo(false, true, false, ModelFamily.UNKNOWN, false, null);

    /** The tool of the seeds' quickstart. */
    static final class WeatherTools {
        @ToolFunction(name = "get_weather", value = "Get the weather for a given city.")
        public String getWeather(String city) {
            return "The weather in " + city + " is 73 degrees and Sunny.";
        }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private Console.Builder console(Duration runTime) {
        return Console.builder().output(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .clock(new StepClock(runTime));
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ConsoleTest.class.getResourceAsStream("/ui/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static AssistantAgent weatherAgent(List<?> script, boolean reflect) {
        return AssistantAgent.builder("weather_agent", new ReplayChatCompletionClient(script, TOOL_MODEL))
                .toolsFrom(new WeatherTools())
                .systemMessage("You are a helpful assistant.")
                .reflectOnToolUse(reflect)
                .build();
    }

    private static CreateResult weatherCall(String city, RequestUsage usage) {
        return CreateResult.ofCalls(List.of(new FunctionCall("call_1", "{\"city\":\"" + city + "\"}", "get_weather")),
                usage);
    }

    @Test
    void printsAToolRunWithStatsExactlyAsTheSeedsLayOutTheQuickstart() throws IOException {
        AssistantAgent agent = weatherAgent(List.of(weatherCall("New York", new RequestUsage(75, 16))), false);

        TaskResult result;
        try (MessageStream<TaskResult> stream = agent.runStream("What is the weather in New York?")) {
            result = console(Duration.ofMillis(1150)).outputStats(true).build().render(stream);
        }

        assertThat(printed()).isEqualTo(golden("console-tool-run.txt"));
        assertThat(result.messages()).hasSize(4);
        assertThat(result.messages().get(3).toText()).isEqualTo("The weather in New York is 73 degrees and Sunny.");
    }

    @Test
    void printsAnAgentResponseStreamWithItsInnerMessagesAndTheAgentSummary() throws IOException {
        AssistantAgent agent = weatherAgent(List.of(weatherCall("Paris", new RequestUsage(61, 16)),
                "It is 73 degrees and sunny in Paris."), true);

        Response response = console(Duration.ofMillis(4300)).outputStats(true).build().render(agent.onMessagesStream(
                List.of(new TextMessage("What is the weather in Paris?", "user")), new CancellationToken()));

        assertThat(printed()).isEqualTo(golden("console-response-reflection.txt"));
        assertThat(response.chatMessage().toText()).isEqualTo("It is 73 degrees and sunny in Paris.");
        assertThat(response.innerMessages()).hasSize(2);
    }

    @Test
    void printsStreamedTokensInlineUnderOneHeaderAndTheFullMessageOnlyOnce() {
        var model = new ReplayChatCompletionClient(List.of("Two cities in South America are Buenos Aires and São Paulo."));
        var agent = AssistantAgent.builder("assistant", model).systemMessage(null).modelClientStream(true).build();

        TaskResult result = console(Duration.ofMillis(500)).outputStats(true).build()
                .render(agent.runStream("Name two cities in South America"));

        assertThat(printed()).isEqualTo("""
                ---------- user ----------
                Name two cities in South America
                ---------- assistant ----------
                Two cities in South America are Buenos Aires and São Paulo.
                [Prompt tokens: 6, Completion tokens: 11]
                ---------- Summary ----------
                Number of messages: 2
                Finish reason: None
                Total prompt tokens: 6
                Total completion tokens: 11
                Duration: 0.50 seconds
                """);
        assertThat(result.messages()).extracting(BaseMessage::type).containsExactly("TextMessage", "TextMessage");
    }

    @Test
    void printsAStreamedResponseOnceWhenTheChunksComeFromOnMessagesStream() {
        var model = new ReplayChatCompletionClient(List.of("Lima and Quito."));
        var agent = AssistantAgent.builder("assistant", model).systemMessage(null).modelClientStream(true).build();

        Response response = console(Duration.ZERO).build().render(agent.onMessagesStream(
                List.of(new TextMessage("Name two capitals", "user")), new CancellationToken()));

        assertThat(printed()).isEqualTo("""
                ---------- assistant ----------
                Lima and Quito.
                """);
        assertThat(response.chatMessage().toText()).isEqualTo("Lima and Quito.");
    }

    @Test
    void withoutStatsPrintsNeitherUsageNorSummary() {
        AssistantAgent agent = weatherAgent(List.of(weatherCall("Seattle", new RequestUsage(127, 14))), false);

        Console.builder().output(new PrintStream(bytes, true, StandardCharsets.UTF_8)).build()
                .render(agent.runStream("What is the weather in Seattle?"));

        assertThat(printed())
                .startsWith("---------- user ----------\nWhat is the weather in Seattle?\n")
                .endsWith("---------- weather_agent ----------\nThe weather in Seattle is 73 degrees and Sunny.\n")
                .doesNotContain("Prompt tokens", "Summary");
    }

    @Test
    void controlCharactersInATaskAndInStreamedTextAreShownEscaped() {
        var task = new TextMessage("clear\u001b[2J\rover\u0007 bidi\u202e\ttab\r\nnext line", "user");
        var chunk = new ModelClientStreamingChunkEvent(null, "assistant", null, null, null, "ok\u001b]0;title\u0007", null);
        var reply = new TextMessage("ok\u001b]0;title\u0007", "assistant");
        var stream = MessageStream.of(List.of(task, chunk, reply), new TaskResult(List.of(task, reply), null));

        console(Duration.ZERO).build().render(stream);

        assertThat(printed()).isEqualTo("---------- user ----------\n"
                + "clear\\x1b[2J\\rover\\x07 bidi\\u202e\ttab\r\nnext line\n"
                + "---------- assistant ----------\n"
                + "ok\\x1b]0;title\\x07\n");
    }

    @Test
    void textWithoutControlCharactersIsLeftAsItIs() {
        String text = "Grüße, 世界 👩‍💻\n\tindented\r\n";
        assertThat(TerminalText.escapeControls(text)).isSameAs(text);
        assertThat(TerminalText.escapeControls("\u0000\u007f\u0085\u2066")).isEqualTo("\\x00\\x7f\\x85\\u2066");
    }

    @Test
    void chunksWithoutAMessageIdStandForTheNextMessageAsInPython() {
        var chunk1 = new ModelClientStreamingChunkEvent(null, "assistant", null, null, null, "Hello", null);
        var chunk2 = new ModelClientStreamingChunkEvent(null, "assistant", null, null, null, " world", null);
        var full = new TextMessage("Hello world", "assistant").withModelsUsage(new RequestUsage(3, 2));
        var stream = MessageStream.of(List.of(chunk1, chunk2, full), new TaskResult(List.of(full), "done"));

        console(Duration.ZERO).outputStats(true).build().render(stream);

        assertThat(printed()).isEqualTo("""
                ---------- assistant ----------
                Hello world
                [Prompt tokens: 3, Completion tokens: 2]
                ---------- Summary ----------
                Number of messages: 1
                Finish reason: done
                Total prompt tokens: 3
                Total completion tokens: 2
                Duration: 0.00 seconds
                """);
    }

    @Test
    void aMessageBetweenTheChunksAndTheStreamedMessageIsPrintedAndTheStreamedOneIsNot() {
        var streamed = new TextMessage("Hi there", "assistant");
        var chunk = new ModelClientStreamingChunkEvent("Hi there", "assistant", streamed.id());
        var thought = new dev.autogen.agentchat.messages.ThoughtEvent("I should greet.", "assistant");
        var stream = MessageStream.of(List.of(chunk, thought, streamed), new TaskResult(List.of(thought, streamed), null));

        console(Duration.ZERO).build().render(stream);

        assertThat(printed()).isEqualTo("""
                ---------- assistant ----------
                Hi there
                ---------- assistant ----------
                I should greet.
                """);
    }

    @Test
    void doesNotPrintUserInputRequestsButTellsTheUserInputManager() {
        var manager = UserInputManager.of(prompt -> "APPROVE");
        var poem = new TextMessage("A poem.", "assistant");
        var request = new UserInputRequestedEvent("request-1", "user_proxy");
        var answer = new TextMessage("APPROVE", "user_proxy");
        TaskResult expected = new TaskResult(List.of(poem, request, answer), "Text 'APPROVE' mentioned");

        TaskResult result = console(Duration.ZERO).userInputManager(manager).build()
                .render(MessageStream.of(List.of(poem, request, answer), expected));

        assertThat(result).isSameAs(expected);
        assertThat(printed()).isEqualTo("""
                ---------- assistant ----------
                A poem.
                ---------- user_proxy ----------
                APPROVE
                """);
        // The event has been seen, so asking for the input no longer waits.
        assertThat(manager.requestInput("request-1", "Enter your response: ", null)).isEqualTo("APPROVE");
    }

    @Test
    void printsImagesOfAMultiModalMessageAsPlaceholders() {
        var message = new MultiModalMessage(List.of("Describe this:", Image.fromBase64("iVBORw0KGgo=")), "user");

        Console.builder().output(new PrintStream(bytes, true, StandardCharsets.UTF_8)).build()
                .render(MessageStream.of(List.of(message), new TaskResult(List.of(message), null)));

        assertThat(printed()).isEqualTo("---------- user ----------\nDescribe this:\n<image>\n");
    }

    @Test
    void writesToAWriterAndColoursOnlyWhenAsked() {
        var message = new TextMessage("Hello", "assistant").withModelsUsage(new RequestUsage(1, 1));
        var writer = new StringWriter();

        Console.builder().output(writer).outputStats(true).color(true).clock(new StepClock(Duration.ZERO)).build()
                .render(MessageStream.of(List.of(message), new TaskResult(List.of(message), null)));

        assertThat(writer.toString())
                .startsWith("\u001B[1m---------- assistant ----------\u001B[0m\nHello\n")
                .contains("\u001B[2m[Prompt tokens: 1, Completion tokens: 1]\u001B[0m\n")
                .contains("\u001B[1m---------- Summary ----------\u001B[0m\n");
    }

    @Test
    void rethrowsAFailedRunAfterEndingTheStreamedLine() {
        MessageStream<TaskResult> stream = MessageStream.produce("failing", new CancellationToken(), emit -> {
            emit.accept(new ModelClientStreamingChunkEvent("partial", "assistant", "m1"));
            throw new IllegalStateException("model went away");
        });

        assertThatThrownBy(() -> console(Duration.ZERO).build().render(stream))
                .isInstanceOf(IllegalStateException.class).hasMessage("model went away");
        assertThat(printed()).isEqualTo("---------- assistant ----------\npartial\n");
    }

    @Test
    void closingTheStreamWhenTheOutputFailsCancelsTheRun() {
        var token = new CancellationToken();
        MessageStream<TaskResult> stream = MessageStream.produce("endless", token, emit -> {
            while (true) {
                emit.accept(new TextMessage("again", "assistant"));
            }
        });
        var failing = new java.io.Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> Console.builder().output(failing).build().render(stream))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("could not write");
        assertThat(token.isCancelled()).isTrue();
    }

    @Test
    void refusesAStreamThatEndsInSomethingElse() {
        assertThatThrownBy(() -> console(Duration.ZERO).build().render(MessageStream.of(List.of(), "not a result")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TaskResult or a Response").hasMessageContaining("java.lang.String");
    }

    @Test
    void aCancelledRunSurfacesAsCancellation() {
        var token = new CancellationToken();
        token.cancel();
        var model = new ReplayChatCompletionClient(List.of("never"));
        var agent = AssistantAgent.builder("assistant", model).build();

        assertThatThrownBy(() -> console(Duration.ZERO).build().render(agent.runStream(
                dev.autogen.agentchat.base.RunOptions.task("Hi").withCancellationToken(token))))
                .isInstanceOf(CancellationException.class);
    }
}
