package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.agentchat.agents.UserProxyAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.TextMentionTermination;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.List;

/**
 * Human in the loop during a run, from the tutorial: a {@link UserProxyAgent} takes its turn after
 * the assistant, the team waits for the human's reply, and the run stops when the human says
 * "APPROVE". The human is an {@link InputFunction}: the console in real use, scripted in the example.
 */
public final class UserProxyApprovalExample {
    private UserProxyApprovalExample() {
    }

    /** Python AutoGen's docs' poem. */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(CreateResult.ofText(
                "In endless blue where whispers play, \n"
                        + "The ocean's waves dance night and day. \n"
                        + "A world of depths, both calm and wild, \n"
                        + "Nature's heart, forever beguiled. \n"
                        + "TERMINATE",
                new RequestUsage(46, 43))));
    }

    /** Runs the assistant and the human until the human approves, printing it through {@link Console}. */
    public static TaskResult run(ChatCompletionClient model, InputFunction human, PrintStream out,
            InstantSource clock) {
        AssistantAgent assistant = AssistantAgent.builder("assistant", model).build();
        UserProxyAgent userProxy = new UserProxyAgent("user_proxy", human);
        try (RoundRobinGroupChat team = RoundRobinGroupChat.builder(List.of(assistant, userProxy))
                .terminationCondition(new TextMentionTermination("APPROVE"))
                .build();
                MessageStream<TaskResult> stream = team.runStream("Write a 4-line poem about the ocean.")) {
            return Console.builder().output(out).clock(clock).build().render(stream);
        }
    }

    public static void main(String[] args) {
        ChatCompletionClient model = ExampleModels.orScripted(scriptedModel(), System.err);
        run(model, ExampleModels.humanFor(model, "APPROVE"), System.out, InstantSource.system());
    }
}
