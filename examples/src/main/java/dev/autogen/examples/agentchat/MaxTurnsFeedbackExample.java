package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Human in the loop between runs, from the tutorial: with {@code maxTurns(1)} the team stops after
 * every answer and gives control back; the human's feedback is the next run's task, and the team
 * resumes with the same conversation until the human types "exit". The human is an
 * {@link InputFunction}: the console in real use, scripted in the example.
 */
public final class MaxTurnsFeedbackExample {
    private MaxTurnsFeedbackExample() {
    }

    /** Python AutoGen's docs' two poems: the first draft, then the one rewritten after the feedback. */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofText("Endless waves in a dance with the shore,\n"
                        + "Whispers of secrets in tales from the roar,\n"
                        + "Beneath the vast sky, where horizons blend,\n"
                        + "The ocean’s embrace is a timeless friend.\n"
                        + "TERMINATE", new RequestUsage(46, 48)),
                CreateResult.ofText("She walks along the tide, where dreams intertwine,\n"
                        + "With every crashing wave, her heart feels aligned,\n"
                        + "In the ocean's embrace, her worries dissolve,\n"
                        + "A symphony of solace, where her spirit evolves.\n"
                        + "TERMINATE", new RequestUsage(117, 49))));
    }

    /** Runs one turn per run, asking {@code human} for feedback after each, and returns every run's result. */
    public static List<TaskResult> run(ChatCompletionClient model, InputFunction human, PrintStream out,
            InstantSource clock) throws Exception {
        AssistantAgent assistant = AssistantAgent.builder("assistant", model).build();
        Console console = Console.builder().output(out).clock(clock).outputStats(true).build();
        List<TaskResult> results = new ArrayList<>();
        try (RoundRobinGroupChat team = RoundRobinGroupChat.builder(List.of(assistant)).maxTurns(1).build()) {
            String task = "Write a 4-line poem about the ocean.";
            while (true) {
                try (MessageStream<TaskResult> stream = team.runStream(task)) {
                    results.add(console.render(stream));
                }
                task = human.getInput("Enter your feedback (type 'exit' to leave): ", new CancellationToken());
                if (task.strip().toLowerCase(Locale.ROOT).equals("exit")) {
                    return results;
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        ChatCompletionClient model = ExampleModels.orScripted(scriptedModel(), System.err);
        run(model, ExampleModels.humanFor(model, "Can you make it about a person and its relationship with the ocean",
                "exit"), System.out, InstantSource.system());
    }
}
