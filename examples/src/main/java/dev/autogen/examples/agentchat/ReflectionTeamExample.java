package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.AssistantAgent;
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
 * Reflection, from the teams tutorial: a primary agent writes a poem and a critic reviews it, taking
 * turns in a {@link RoundRobinGroupChat} until the critic says "APPROVE"
 * ({@link TextMentionTermination}). Both agents share one model client, as in Python AutoGen's docs.
 */
public final class ReflectionTeamExample {
    private ReflectionTeamExample() {
    }

    /** Python AutoGen's docs' Console run: a poem, feedback, a revised poem, then the critic's approval. */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofText("Golden leaves in crisp air dance, \n"
                        + "Whispering tales as they prance. \n"
                        + "Amber hues paint the ground, \n"
                        + "Nature's symphony all around. \n"
                        + "\n"
                        + "Sweaters hug with tender grace, \n"
                        + "While pumpkins smile, a warm embrace. \n"
                        + "Chill winds hum through towering trees, \n"
                        + "A vibrant tapestry in the breeze. \n"
                        + "\n"
                        + "Harvest moons in twilight glow, \n"
                        + "Casting magic on fields below. \n"
                        + "Fall's embrace, a gentle call, \n"
                        + "To savor beauty before snowfalls. ",
                        new RequestUsage(28, 99)),
                CreateResult.ofText("Your poem beautifully captures the essence of the fall season, "
                        + "creating a vivid and cozy "
                        + "atmosphere. The imagery of golden leaves and amber hues paints a picturesque scene that "
                        + "many can easily relate to. I particularly appreciate the personification of pumpkins and "
                        + "the gentle embrace of sweaters, which adds warmth to your verses. \n"
                        + "\n"
                        + "To enhance the poem further, you might consider adding more sensory details to make the "
                        + "reader feel even more immersed in the experience. For example, including specific sounds, "
                        + "scents, or textures could deepen the connection to autumn's ambiance. Additionally, you "
                        + "could explore the emotional transitions as the season prepares for winter to provide a "
                        + "reflective element to the piece.\n"
                        + "\n"
                        + "Overall, it's a lovely and evocative depiction of fall, evoking feelings of comfort and "
                        + "appreciation for nature's changing beauty. Great work!",
                        new RequestUsage(144, 157)),
                CreateResult.ofText("Thank you for your thoughtful feedback! "
                        + "I'm glad you enjoyed the imagery and warmth in "
                        + "the poem. To enhance the sensory experience and emotional depth, here's a revised version "
                        + "incorporating your suggestions:\n"
                        + "\n"
                        + "---\n"
                        + "\n"
                        + "Golden leaves in crisp air dance, \n"
                        + "Whispering tales as they prance. \n"
                        + "Amber hues paint the crunchy ground, \n"
                        + "Nature's symphony all around. \n"
                        + "\n"
                        + "Sweaters hug with tender grace, \n"
                        + "While pumpkins grin, a warm embrace. \n"
                        + "Chill winds hum through towering trees, \n"
                        + "Crackling fires warm the breeze. \n"
                        + "\n"
                        + "Apples in the orchard's glow, \n"
                        + "Sweet cider scents that overflow. \n"
                        + "Crunch of paths beneath our feet, \n"
                        + "Cinnamon spice and toasty heat. \n"
                        + "\n"
                        + "Harvest moons in twilight's glow, \n"
                        + "Casting magic on fields below. \n"
                        + "Fall's embrace, a gentle call, \n"
                        + "Reflects on life's inevitable thaw. \n"
                        + "\n"
                        + "--- \n"
                        + "\n"
                        + "I hope this version enhances the sensory and emotional elements of the season. Thank you "
                        + "again for your insights!",
                        new RequestUsage(294, 195)),
                CreateResult.ofText("APPROVE",
                        new RequestUsage(506, 4))));
    }

    /** Runs the team on Python AutoGen's docs' task and prints it through {@link Console} with stats. */
    public static TaskResult run(ChatCompletionClient model, PrintStream out, InstantSource clock) {
        AssistantAgent primary = AssistantAgent.builder("primary", model)
                .systemMessage("You are a helpful AI assistant.")
                .build();
        AssistantAgent critic = AssistantAgent.builder("critic", model)
                .systemMessage("Provide constructive feedback. "
                        + "Respond with 'APPROVE' to when your feedbacks are addressed.")
                .build();
        Console console = Console.builder().output(out).clock(clock).outputStats(true).build();
        try (RoundRobinGroupChat team = RoundRobinGroupChat.builder(List.of(primary, critic))
                .terminationCondition(new TextMentionTermination("APPROVE"))
                .build();
                MessageStream<TaskResult> stream = team.runStream("Write a short poem about the fall season.")) {
            return console.render(stream);
        }
    }

    public static void main(String[] args) {
        run(ExampleModels.orScripted(scriptedModel(), System.err), System.out, InstantSource.system());
    }
}
