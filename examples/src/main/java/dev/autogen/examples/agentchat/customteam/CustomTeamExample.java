package dev.autogen.examples.agentchat.customteam;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.TextMentionTermination;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.List;

/**
 * A {@link MentionGroupChat} of a planner, a researcher and a writer: each hands the word to the
 * next by mentioning them, until the writer says TERMINATE. Runs on scripted replies.
 *
 * <!-- java-context: import dev.autogen.agentchat.agents.AssistantAgent; AssistantAgent planner;
 *      AssistantAgent researcher; AssistantAgent writer; -->
 * <pre>{@code
 * var team = new MentionGroupChat(List.of(planner, researcher, writer), new TextMentionTermination("TERMINATE"), 10);
 * Console.print(team.runStream("Write a note on the JVM's virtual threads."));
 * }</pre>
 */
public final class CustomTeamExample {
    private CustomTeamExample() {
    }

    /** Builds the team and prints its run as the Console does; returns the result. */
    public static TaskResult run(PrintStream out, InstantSource clock) {
        var planner = AssistantAgent.builder("planner", ReplayChatCompletionClient.of(
                "First the facts: @researcher, what are virtual threads?")).build();
        var researcher = AssistantAgent.builder("researcher", ReplayChatCompletionClient.of(
                "Threads scheduled by the JVM, cheap enough to have millions. @writer, over to you.")).build();
        var writer = AssistantAgent.builder("writer", ReplayChatCompletionClient.of(
                "Virtual threads: millions of cheap JVM-scheduled threads. TERMINATE")).build();
        Console console = Console.builder().output(out).clock(clock).build();
        try (var team = new MentionGroupChat(List.of(planner, researcher, writer),
                new TextMentionTermination("TERMINATE"), 10);
                MessageStream<TaskResult> stream = team.runStream("Write a note on the JVM's virtual threads.")) {
            return console.render(stream);
        }
    }

    public static void main(String[] args) {
        run(System.out, InstantSource.system());
    }
}
