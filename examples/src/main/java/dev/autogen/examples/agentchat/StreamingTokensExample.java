package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.List;

/**
 * Streaming tokens: with {@code modelClientStream(true)} the agent emits a
 * {@code ModelClientStreamingChunkEvent} per token before its full reply. The first question reads
 * the stream by hand, printing each item as the documentation does; the second lets {@link Console}
 * print the tokens inline as they arrive.
 */
public final class StreamingTokensExample {
    private StreamingTokensExample() {
    }

    /** Two replies; the replay client streams them word by word. */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(
                "Two cities in South America are Buenos Aires in Argentina and São Paulo in Brazil.",
                "Two cities in North America are New York City in the United States and Toronto in Canada."));
    }

    /** Runs both questions, printing to {@code out}. */
    public static void run(ChatCompletionClient model, PrintStream out, InstantSource clock) {
        AssistantAgent streamingAssistant = AssistantAgent.builder("assistant", model)
                .systemMessage("You are a helpful assistant.")
                .modelClientStream(true)
                .build();

        try (MessageStream<Response> stream = streamingAssistant.onMessagesStream(
                List.of(new TextMessage("Name two cities in South America", "user")), new CancellationToken())) {
            for (BaseMessage message : stream) {
                out.println(PythonRepr.of(message));
            }
            Response response = stream.result();
            out.println("Response: " + PythonRepr.of(response.chatMessage()));
        }

        Console console = Console.builder().output(out).clock(clock).outputStats(true).build();
        try (MessageStream<TaskResult> stream = streamingAssistant.runStream("Name two cities in North America.")) {
            console.render(stream);
        }
    }

    public static void main(String[] args) {
        run(ExampleModels.orScripted(scriptedModel(), System.err), System.out, InstantSource.system());
    }
}
