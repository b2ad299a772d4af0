package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.TextMessageTermination;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.tools.annotation.ToolFunction;
import dev.autogen.core.tools.annotation.ToolParam;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-agent team, from the teams tutorial: one assistant with a tool, alone in a
 * {@link RoundRobinGroupChat}, so it gets a new turn after every tool call. Each turn ends with the
 * tool's result (a {@code ToolCallSummaryMessage}); {@link TextMessageTermination} stops the team
 * when the agent finally answers with a plain text message.
 */
public final class LoopedAssistantExample {
    private LoopedAssistantExample() {
    }

    /** The agent's tool. */
    public static final class IncrementTools {
        @ToolFunction(name = "increment_number", value = "Increment a number by 1.")
        public int incrementNumber(@ToolParam("The number to increment.") int number) {
            return number + 1;
        }
    }

    /** Python AutoGen's docs' run: five tool calls from 5 up to 10 (their call ids and token counts), then the answer. */
    public static ReplayChatCompletionClient scriptedModel() {
        String[] callIds = {"call_qTDXSouN3MtGDqa8l0DM1ciD", "call_VGZPlsFVVdyxutR63Yr087pt",
            "call_VRKGPqPM9AHoef2g2kgsKwZe", "call_TOUMjSCG2kVdFcw2CMeb5DYX", "call_wjq7OO9Kf5YYurWGc5lsqttJ"};
        List<CreateResult> replies = new ArrayList<>();
        for (int i = 0; i < callIds.length; i++) {
            replies.add(CreateResult.ofCalls(
                    List.of(new FunctionCall(callIds[i], "{\"number\":" + (5 + i) + "}", "increment_number")),
                    new RequestUsage(75 + 28 * i, 15)));
        }
        replies.add(CreateResult.ofText("The number 5 incremented to 10 is 10.", new RequestUsage(215, 15)));
        return new ReplayChatCompletionClient(replies,
                ModelInfo.toolCalling());
    }

    /** Runs the team until the agent answers in text, printing it through {@link Console} with stats. */
    public static TaskResult run(ChatCompletionClient model, PrintStream out, InstantSource clock) {
        AssistantAgent loopedAssistant = AssistantAgent.builder("looped_assistant", model)
                .toolsFrom(new IncrementTools())
                .systemMessage("You are a helpful AI assistant, use the tool to increment the number.")
                .build();
        Console console = Console.builder().output(out).clock(clock).outputStats(true).build();
        try (RoundRobinGroupChat team = RoundRobinGroupChat.builder(List.of(loopedAssistant))
                .terminationCondition(new TextMessageTermination("looped_assistant"))
                .build();
                MessageStream<TaskResult> stream = team.runStream("Increment the number 5 to 10.")) {
            return console.render(stream);
        }
    }

    public static void main(String[] args) {
        run(ExampleModels.orScripted(scriptedModel(), System.err), System.out, InstantSource.system());
    }
}
