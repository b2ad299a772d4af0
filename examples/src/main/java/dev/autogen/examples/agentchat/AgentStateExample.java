package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Saving and loading an agent's state, from the migration guide: the state (the agent's model
 * context) is written to a JSON file in Python's format, the chat goes on, and loading the state
 * takes the agent back to before the last message.
 */
public final class AgentStateExample {
    private AgentStateExample() {
    }

    /** A greeting, then a joke for each time the agent is asked. */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(
                "Hello! How can I assist you today?",
                "Why don't scientists trust atoms? Because they make up everything!",
                "Why did the scarecrow win an award? Because he was outstanding in his field!"));
    }

    /** Greets the agent, saves its state to {@code stateFile}, asks for a joke, loads the state, asks again. */
    public static void run(ChatCompletionClient model, PrintStream out, Path stateFile) {
        AssistantAgent assistant = AssistantAgent.builder("assistant", model)
                .systemMessage("You are a helpful assistant.")
                .build();
        Console console = Console.builder().output(out).build();
        var token = new CancellationToken();

        console.render(assistant.onMessagesStream(List.of(new TextMessage("Hello!", "user")), token));

        try {
            assistant.saveState(stateFile);
            out.println("Saved state:");
            out.println(Files.readString(stateFile).stripTrailing());
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the agent state to " + stateFile, e);
        }

        console.render(assistant.onMessagesStream(List.of(new TextMessage("Tell me a joke.", "user")), token));
        try {
            assistant.loadState(stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the agent state from " + stateFile, e);
        }
        out.println("State loaded: the agent is back to before the joke.");
        console.render(assistant.onMessagesStream(List.of(new TextMessage("Tell me a joke.", "user")), token));
    }

    public static void main(String[] args) throws IOException {
        Path stateFile = Files.createTempFile("assistant_state", ".json");
        try {
            run(ExampleModels.orScripted(scriptedModel(), System.err), System.out, stateFile);
        } finally {
            Files.deleteIfExists(stateFile);
        }
    }
}
