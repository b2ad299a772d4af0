package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.agentchat.base.Handoff;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.HandoffTermination;
import dev.autogen.agentchat.conditions.TextMentionTermination;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.List;

/**
 * Human in the loop through a handoff, from the tutorial: a lazy assistant that cannot answer hands
 * off to "user", {@link HandoffTermination} stops the team and gives control back, and the next run
 * carries the user's answer into the same conversation, which then ends on "TERMINATE".
 */
public final class HandoffTerminationExample {
    private HandoffTerminationExample() {
    }

    /** Python AutoGen's docs' two runs: the handoff call, then two replies once the user has answered. */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofCalls(
                        List.of(new FunctionCall("call_EAcMgrLGHdLw0e7iJGoMgxuu", "{}", "transfer_to_user")),
                        new RequestUsage(69, 12)),
                CreateResult.ofText(
                        "Great! Enjoy the sunny weather in New York! Is there anything else you'd like to know?",
                        new RequestUsage(110, 21)),
                CreateResult.ofText("TERMINATE", new RequestUsage(137, 5))),
                ModelInfo.toolCalling());
    }

    /**
     * Asks about the weather (printed with stats, as in Python AutoGen's docs), then asks {@code user} for the
     * missing information and runs the team again with it (printed without stats); returns both results.
     */
    public static List<TaskResult> run(ChatCompletionClient model, InputFunction user, PrintStream out,
            InstantSource clock) throws Exception {
        AssistantAgent lazyAgent = AssistantAgent.builder("lazy_assistant", model)
                .handoffs(new Handoff("user", null, null, "Transfer to user."))
                .systemMessage("If you cannot complete the task, transfer to user. Otherwise, when finished, "
                        + "respond with 'TERMINATE'.")
                .build();
        try (RoundRobinGroupChat team = RoundRobinGroupChat.builder(List.of(lazyAgent))
                .terminationCondition(new HandoffTermination("user").or(new TextMentionTermination("TERMINATE")))
                .build()) {
            TaskResult handedOff;
            try (MessageStream<TaskResult> stream = team.runStream("What is the weather in New York?")) {
                handedOff = Console.builder().output(out).clock(clock).outputStats(true).build().render(stream);
            }
            String answer = user.getInput("Enter your response: ", new CancellationToken());
            TaskResult answered;
            try (MessageStream<TaskResult> stream = team.runStream(answer)) {
                answered = Console.builder().output(out).clock(clock).build().render(stream);
            }
            return List.of(handedOff, answered);
        }
    }

    public static void main(String[] args) throws Exception {
        ChatCompletionClient model = ExampleModels.orScripted(scriptedModel(), System.err);
        run(model, ExampleModels.humanFor(model, "The weather in New York is sunny."), System.out,
                InstantSource.system());
    }
}
