package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.HandoffTermination;
import dev.autogen.agentchat.conditions.TextMentionTermination;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.teams.Swarm;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.CancellationToken;
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
 * A {@link Swarm} with the user in the loop, from the swarm tutorial's customer support sample: a travel
 * agent hands a refund over to the flights refunder, which asks the user for the flight reference by
 * handing off to "user". {@link HandoffTermination} stops the team there; the user's answer goes back as a
 * {@link HandoffMessage} to the agent that asked, and the team goes on until the travel agent says
 * "TERMINATE".
 */
public final class SwarmExample {
    private SwarmExample() {
    }

    /** The flights refunder's tool. */
    public static final class RefundTools {
        @ToolFunction(name = "refund_flight", value = "Refund a flight")
        public String refundFlight(@ToolParam("The flight reference number.") String flightId) {
            return "Flight " + flightId + " refunded";
        }
    }

    /**
     * The tutorial's run: the travel agent transfers to the refunder, which asks for the reference and
     * hands off to the user; after the answer it refunds, transfers back, and the travel agent closes.
     */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofCalls(List.of(new FunctionCall("call_ZQ2rGjq4Z29pd0yP2sNcuyos", "{}",
                        "transfer_to_flights_refunder")), new RequestUsage(119, 14)),
                CreateResult.ofText("Could you please provide me with the flight reference number so I can process "
                        + "the refund for you?", new RequestUsage(191, 20)),
                CreateResult.ofCalls(List.of(new FunctionCall("call_1iRfzNpxTJhRTW2ww9aQJ8sK", "{}",
                        "transfer_to_user")), new RequestUsage(219, 11)),
                CreateResult.ofCalls(List.of(new FunctionCall("call_UKCsoEBdflkvpuT9Bi2xlvTd",
                        "{\"flight_id\":\"507811\"}", "refund_flight")), new RequestUsage(255, 19)),
                CreateResult.ofCalls(List.of(new FunctionCall("call_B6wYtKCTs3t75qS6PH6cZo5U", "{}",
                        "transfer_to_travel_agent")), new RequestUsage(289, 14)),
                CreateResult.ofText("Your flight with reference number 507811 has been successfully refunded. If you "
                        + "need anything else, feel free to let me know. Safe travels! TERMINATE",
                        new RequestUsage(272, 32))),
                ModelInfo.toolCalling());
    }

    /**
     * Runs the team on the tutorial's task, then, as long as the last message hands off to "user", asks
     * {@code user} and resumes with the answer; prints every run through {@link Console} and returns the results.
     */
    public static List<TaskResult> run(ChatCompletionClient model, InputFunction user, PrintStream out,
            InstantSource clock) throws Exception {
        AssistantAgent travelAgent = AssistantAgent.builder("travel_agent", model)
                .handoffs("flights_refunder", "user")
                .systemMessage("""
                        You are a travel agent.
                        The flights_refunder is in charge of refunding flights.
                        If you need information from the user, you must first send your message, then you can \
                        handoff to the user.
                        Use TERMINATE when the travel planning is complete.""")
                .build();
        AssistantAgent flightsRefunder = AssistantAgent.builder("flights_refunder", model)
                .handoffs("travel_agent", "user")
                .toolsFrom(new RefundTools())
                .systemMessage("""
                        You are an agent specialized in refunding flights.
                        You only need flight reference numbers to refund a flight.
                        You have the ability to refund a flight using the refund_flight tool.
                        If you need information from the user, you must first send your message, then you can \
                        handoff to the user.
                        When the transaction is complete, handoff to the travel agent to finalize.""")
                .build();
        List<TaskResult> results = new ArrayList<>();
        try (Swarm team = Swarm.builder(List.of(travelAgent, flightsRefunder))
                .terminationCondition(new HandoffTermination("user").or(new TextMentionTermination("TERMINATE")))
                .build()) {
            TaskResult result;
            try (MessageStream<TaskResult> stream = team.runStream("I need to refund my flight.")) {
                result = Console.builder().output(out).clock(clock).build().render(stream);
            }
            results.add(result);
            while (result.messages().getLast() instanceof HandoffMessage handoff && handoff.target().equals("user")) {
                String answer = user.getInput("User: ", new CancellationToken());
                try (MessageStream<TaskResult> stream = team.runStream(
                        new HandoffMessage(answer, "user", handoff.source(), List.of()))) {
                    result = Console.builder().output(out).clock(clock).build().render(stream);
                }
                results.add(result);
            }
        }
        return results;
    }

    public static void main(String[] args) throws Exception {
        ChatCompletionClient model = ExampleModels.orScripted(scriptedModel(), System.err);
        run(model, ExampleModels.humanFor(model, "507811"), System.out, InstantSource.system());
    }
}
