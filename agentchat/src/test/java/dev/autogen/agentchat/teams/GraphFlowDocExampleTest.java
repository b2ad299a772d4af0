package dev.autogen.agentchat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/teams-graphflow.md, run as written. */
class GraphFlowDocExampleTest {
    @Test
    void reviewLoopExampleRunsAsDocumented() {
        // --- docs/teams-graphflow.md: example ---
        var writer = AssistantAgent.builder("writer",
                new ReplayChatCompletionClient(List.of("Draft: Autumn leaves fall.", "Draft: Red leaves drift down.")))
                .systemMessage("Write a one-line poem.").build();
        var reviewer = AssistantAgent.builder("reviewer",
                new ReplayChatCompletionClient(List.of("Too plain, add colour.", "APPROVE")))
                .systemMessage("Say APPROVE when the poem is good, else say what to fix.").build();
        var translator = AssistantAgent.builder("translator",
                new ReplayChatCompletionClient(List.of("Des feuilles rouges tombent.")))
                .systemMessage("Translate the approved poem into French.").build();

        var builder = new DiGraphBuilder()
                .addNode(writer).addNode(reviewer).addNode(translator)
                .addEdge(writer, reviewer)
                .addEdge(reviewer, translator, "APPROVE")
                .addEdge(reviewer, writer, m -> !m.toModelText().contains("APPROVE"))
                .setEntryPoint(writer);
        var team = GraphFlow.builder(builder.participants(), builder.build()).maxTurns(10).build();

        TaskResult result = team.run("Write a poem about autumn.");
        result.messages().forEach(m -> System.out.println(m.source() + ": " + m.toText()));
        System.out.println("Stop reason: " + result.stopReason());
        // --- end ---

        assertThat(result.messages()).extracting(m -> m.source())
                .containsExactly("user", "writer", "reviewer", "writer", "reviewer", "translator");
        assertThat(result.stopReason()).isEqualTo("Digraph execution is complete");
    }
}
