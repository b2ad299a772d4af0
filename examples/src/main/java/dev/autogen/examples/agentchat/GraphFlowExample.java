package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.teams.DiGraphBuilder;
import dev.autogen.agentchat.teams.GraphFlow;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.List;

/**
 * A {@link GraphFlow} loop with an exit condition, from GraphFlow's reference sample: A writes, B gives
 * feedback, and the graph goes back to A until B says "APPROVE", then on to C, which translates the
 * result into Korean. The graph ends after C, its leaf; {@link MaxMessageTermination} (20) guards
 * against a loop that never exits.
 */
public final class GraphFlowExample {
    private GraphFlowExample() {
    }

    /** A poem, feedback, a revised poem, the approval, then the translation. */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofText("""
                        Silent circuits hum with thought,
                        Tasks divided, plans are wrought.
                        Agents talk and pass the thread,
                        Building answers, step ahead.""", new RequestUsage(27, 30)),
                CreateResult.ofText("The rhythm is good, but the poem only describes the agents from outside. "
                        + "Add a closing line about working alongside people.", new RequestUsage(74, 27)),
                CreateResult.ofText("""
                        Silent circuits hum with thought,
                        Tasks divided, plans are wrought.
                        Agents talk and pass the thread,
                        Side by side with us, ahead.""", new RequestUsage(117, 30)),
                CreateResult.ofText("APPROVE", new RequestUsage(164, 2)),
                CreateResult.ofText("""
                        고요한 회로가 생각으로 울리고,
                        일은 나뉘고, 계획이 세워진다.
                        에이전트들이 대화하며 실마리를 넘기고,
                        우리와 나란히, 앞으로 나아간다.""", new RequestUsage(183, 60))));
    }

    /** Builds the graph A → B → C ("APPROVE") or A (otherwise), runs it and prints it through {@link Console}. */
    public static TaskResult run(ChatCompletionClient model, PrintStream out, InstantSource clock) {
        AssistantAgent agentA = AssistantAgent.builder("A", model)
                .systemMessage("You are a helpful assistant.")
                .build();
        AssistantAgent agentB = AssistantAgent.builder("B", model)
                .systemMessage("Provide feedback on the input, if your feedback has been addressed, "
                        + "say 'APPROVE', otherwise provide a reason for rejection.")
                .build();
        AssistantAgent agentC = AssistantAgent.builder("C", model)
                .systemMessage("Translate the final product to Korean.")
                .build();
        DiGraphBuilder builder = new DiGraphBuilder()
                .addNode(agentA).addNode(agentB).addNode(agentC)
                .addEdge(agentA, agentB)
                .addEdge(agentB, agentC, message -> message.toModelText().contains("APPROVE"))
                .addEdge(agentB, agentA, message -> !message.toModelText().contains("APPROVE"))
                .setEntryPoint(agentA);
        Console console = Console.builder().output(out).clock(clock).outputStats(true).build();
        try (GraphFlow team = GraphFlow.builder(builder.participants(), builder.build())
                .terminationCondition(new MaxMessageTermination(20))
                .build();
                MessageStream<TaskResult> stream = team.runStream("Write a short poem about AI Agents.")) {
            return console.render(stream);
        }
    }

    public static void main(String[] args) {
        run(ExampleModels.orScripted(scriptedModel(), System.err), System.out, InstantSource.system());
    }
}
