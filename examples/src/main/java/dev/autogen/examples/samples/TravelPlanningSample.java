package dev.autogen.examples.samples;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.TextMentionTermination;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.examples.agentchat.ExampleModels;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.List;

/**
 * The user guide's travel planning sample: a planner, a local guide, a language adviser and a
 * summariser take turns in a {@link RoundRobinGroupChat} until the summariser writes the complete plan
 * and says "TERMINATE".
 */
public final class TravelPlanningSample {
    /** The sample's task. */
    public static final String TASK = "Plan a 3 day trip to Nepal.";

    private TravelPlanningSample() {
    }

    /** Shortened replies of the guide's run, with its token counts. */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofText("""
                        Nepal is a stunning destination with its rich cultural heritage and breathtaking \
                        landscapes. Here's a suggested itinerary:

                        ### Day 1: Kathmandu
                        - Visit **Swayambhunath Stupa** (the Monkey Temple) and **Kathmandu Durbar Square**.
                        - Evening in **Thamel**, with dinner featuring Nepali cuisine.

                        ### Day 2: Patan and Bhaktapur
                        - Explore **Patan Durbar Square** and the **Patan Museum**.
                        - Afternoon in **Bhaktapur**; try the local "juju dhau" (king curd).

                        ### Day 3: Nagarkot and departure
                        - Sunrise over the Himalayas at **Nagarkot**, then **Boudhanath Stupa** before your flight.""",
                        new RequestUsage(40, 712)),
                CreateResult.ofText("""
                        To make the trip more authentic:
                        - Day 1: join the evening aarti at **Pashupatinath Temple** and eat dal bhat at a local \
                        bhojanalaya.
                        - Day 2: watch potters at work in Bhaktapur's **Pottery Square**.
                        - Day 3: walk the kora around Boudhanath at dusk with the pilgrims, then try momos in a \
                        family-run café.""",
                        new RequestUsage(768, 604)),
                CreateResult.ofText("""
                        The plan is well rounded. Language and communication tips for Nepal:
                        1. Learn a few phrases: Namaste (hello), Dhanyabad (thank you), Mitho cha (it's delicious).
                        2. A slight side-to-side head tilt often means "yes".
                        3. Give and receive things with your right hand, and remove shoes at temples.
                        4. Download an offline translation app for areas where less English is spoken.""",
                        new RequestUsage(1403, 353)),
                CreateResult.ofText("""
                        Here is your complete 3-day plan for Nepal:

                        ### Day 1: Kathmandu
                        - Swayambhunath Stupa and Kathmandu Durbar Square; greet people with "Namaste".
                        - Evening aarti at Pashupatinath, dal bhat for dinner, a stroll through Thamel.

                        ### Day 2: Patan and Bhaktapur
                        - Patan Durbar Square and the Patan Museum.
                        - Bhaktapur's Pottery Square and a bowl of juju dhau.

                        ### Day 3: Nagarkot and Boudhanath
                        - Sunrise at Nagarkot, the kora around Boudhanath, momos before your flight.

                        ### Tips
                        - Use your right hand to give and receive; remove shoes at temples.
                        - Keep an offline translation app at hand.

                        TERMINATE""",
                        new RequestUsage(1780, 791))));
    }

    /** Runs the team on {@link #TASK}, printing it to {@code out} through {@link Console}; {@code clock} times it. */
    public static TaskResult run(ChatCompletionClient model, PrintStream out, InstantSource clock) {
        AssistantAgent planner = AssistantAgent.builder("planner_agent", model)
                .description("A helpful assistant that can plan trips.")
                .systemMessage("You are a helpful assistant that can suggest a travel plan for a user based on "
                        + "their request.")
                .build();
        AssistantAgent local = AssistantAgent.builder("local_agent", model)
                .description("A local assistant that can suggest local activities or places to visit.")
                .systemMessage("You are a helpful assistant that can suggest authentic and interesting local "
                        + "activities or places to visit for a user and can utilize any context information provided.")
                .build();
        AssistantAgent language = AssistantAgent.builder("language_agent", model)
                .description("A helpful assistant that can provide language tips for a given destination.")
                .systemMessage("You are a helpful assistant that can review travel plans, providing feedback on "
                        + "important/critical tips about how best to address language or communication challenges "
                        + "for the given destination. If the plan already includes language tips, you can mention "
                        + "that the plan is satisfactory, with rationale.")
                .build();
        AssistantAgent summary = AssistantAgent.builder("travel_summary_agent", model)
                .description("A helpful assistant that can summarize the travel plan.")
                .systemMessage("You are a helpful assistant that can take in all of the suggestions and advice "
                        + "from the other agents and provide a detailed final travel plan. You must ensure that the "
                        + "final plan is integrated and complete. YOUR FINAL RESPONSE MUST BE THE COMPLETE PLAN. When "
                        + "the plan is complete and all perspectives are integrated, you can respond with TERMINATE.")
                .build();
        Console console = Console.builder().output(out).clock(clock).outputStats(true).build();
        try (RoundRobinGroupChat team = RoundRobinGroupChat.builder(List.of(planner, local, language, summary))
                .terminationCondition(new TextMentionTermination("TERMINATE"))
                .build();
                MessageStream<TaskResult> stream = team.runStream(TASK)) {
            return console.render(stream);
        }
    }

    public static void main(String[] args) {
        run(ExampleModels.orScripted(scriptedModel(), System.err), System.out, InstantSource.system());
    }
}
