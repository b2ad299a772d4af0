package dev.autogen.agentchat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.conditions.TextMentionTermination;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.models.ChatCompletionInterceptor;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A graph step with several speakers gives the same result every time, and Python's: each branch sees
 * the thread as the step began, and responses are recorded, shown, saved and checked for termination in
 * the order the graph selected them, however long each branch's model takes. The expected results were
 * written by Python AutoGen 0.7.5 ({@code python-fixtures/graph-flow/README.md}).
 */
class GraphFlowStepOrderTest {
    private static final int RUNS = 50;
    private static final Path FIXTURES = Path.of("src", "test", "resources", "python-fixtures", "graph-flow");

    private record Shape(List<ChatAgent> participants, DiGraph graph, @Nullable TerminationCondition termination) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"fan-in-all", "fan-in-any", "activation-groups-cycle", "stop-on-second-branch",
            "stop-on-first-branch"})
    void everyRunEqualsPythonsWhateverOrderTheBranchesFinishIn(String name) throws IOException {
        JsonNode python = AutogenJson.mapper().readTree(Files.readString(FIXTURES.resolve(name + ".json")));
        for (int run = 0; run < RUNS; run++) {
            Shape shape = shape(name, new Random(run));
            var team = GraphFlow.builder(shape.participants(), shape.graph())
                    .terminationCondition(shape.termination()).build();

            TaskResult result = team.run("go");

            String where = name + ", run " + run;
            assertThat(withoutIdsAndTimes(dump(result.messages()))).as(where + ": messages")
                    .isEqualTo(python.get("messages"));
            assertThat(result.stopReason()).as(where + ": stop reason").isEqualTo(python.get("stop_reason").asText());
            assertThat(withoutIdsAndTimes(AutogenJson.mapper().valueToTree(team.saveState()))).as(where + ": state")
                    .isEqualTo(python.get("state"));
        }
    }

    private static Shape shape(String name, Random delays) {
        return switch (name) {
            case "fan-in-all" -> {
                var a = agent("A", delays, "a1");
                var b = agent("B", delays, "b1");
                var c = agent("C", delays, "c1");
                var d = agent("D", delays, "d1");
                yield new Shape(List.of(a, b, c, d), diamond(a, b, c, d).build(), null);
            }
            case "fan-in-any" -> {
                var a = agent("A", delays, "a1");
                var b = agent("B", delays, "b1");
                var c = agent("C", delays, "c1");
                var d = agent("D", delays, "d1", "d2");
                var e = agent("E", delays, "e1");
                DiGraph graph = new DiGraphBuilder().addNode(a).addNode(b).addNode(c).addNode(d).addNode(e)
                        .addEdge(a, b).addEdge(a, c).addEdge(c, e)
                        .addEdge("B", "D", (String) null, null, DiGraphActivation.ANY)
                        .addEdge("E", "D", (String) null, null, DiGraphActivation.ANY).build();
                yield new Shape(List.of(a, b, c, d, e), graph, null);
            }
            case "activation-groups-cycle" -> {
                var writer = agent("writer", delays, "draft 1", "draft 2");
                var reviewer1 = agent("reviewer1", delays, "REVISE the intro", "APPROVE");
                var reviewer2 = agent("reviewer2", delays, "REVISE the end", "APPROVE");
                var publisher = agent("publisher", delays, "published");
                var builder = new DiGraphBuilder().addNode(writer).addNode(reviewer1).addNode(reviewer2)
                        .addNode(publisher).addEdge(writer, reviewer1).addEdge(writer, reviewer2);
                for (String reviewer : List.of("reviewer1", "reviewer2")) {
                    builder.addEdge(reviewer, "writer", "REVISE", "feedback", DiGraphActivation.ALL)
                            .addEdge(reviewer, "publisher", "APPROVE", "approved", DiGraphActivation.ALL);
                }
                yield new Shape(List.of(writer, reviewer1, reviewer2, publisher),
                        builder.setEntryPoint(writer).build(), new MaxMessageTermination(20));
            }
            case "stop-on-second-branch", "stop-on-first-branch" -> {
                boolean first = name.equals("stop-on-first-branch");
                var a = agent("A", delays, "a1");
                var b = agent("B", delays, first ? "b1 STOP" : "b1");
                var c = agent("C", delays, first ? "c1" : "c1 STOP");
                var d = agent("D", delays, "d1");
                yield new Shape(List.of(a, b, c, d), diamond(a, b, c, d).build(), new TextMentionTermination("STOP"));
            }
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A fans out to B and C, which both lead to D. */
    private static DiGraphBuilder diamond(ChatAgent a, ChatAgent b, ChatAgent c, ChatAgent d) {
        return new DiGraphBuilder().addNode(a).addNode(b).addNode(c).addNode(d)
                .addEdge(a, b).addEdge(a, c).addEdge(b, d).addEdge(c, d);
    }

    /** An assistant whose scripted model answers after a random pause of up to 5 ms. */
    private static AssistantAgent agent(String name, Random delays, String... replies) {
        var model = new ReplayChatCompletionClient(List.of((Object[]) replies)).withInterceptors(List.of(
                new ChatCompletionInterceptor() {
                    @Override
                    public CreateResult intercept(Chain chain) {
                        try {
                            Thread.sleep(delays.nextInt(6));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return chain.proceed(chain.request());
                    }
                }));
        return AssistantAgent.builder(name, model).build();
    }

    private static JsonNode dump(List<BaseMessage> messages) {
        ArrayNode array = AutogenJson.mapper().createArrayNode();
        messages.forEach(message -> array.add(AutogenJson.mapper().valueToTree(message.dump())));
        return array;
    }

    /** The fixtures leave out {@code id} and {@code created_at}, which differ on every run. */
    private static JsonNode withoutIdsAndTimes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("id", "created_at"));
            object.forEach(GraphFlowStepOrderTest::withoutIdsAndTimes);
        } else if (node instanceof ArrayNode array) {
            array.forEach(GraphFlowStepOrderTest::withoutIdsAndTimes);
        }
        return node;
    }
}
