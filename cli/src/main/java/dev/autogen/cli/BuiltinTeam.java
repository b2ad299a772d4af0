package dev.autogen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An example team that ships inside the command: a component config on scripted replies (a
 * {@code ReplayChatCompletionClient} per agent), so {@code autogen run NAME} shows a real team run
 * with nothing configured, and {@code autogen run NAME --model openai:gpt-4o-mini} runs the same team
 * on a real model.
 *
 * @param name what to type after {@code autogen run} or {@code autogen dump}
 * @param summary one line for listings
 * @param defaultTask the task the scripted replies answer, used when no {@code --task} is given
 */
record BuiltinTeam(String name, String summary, String defaultTask) {
    /** Every built-in team, in the order {@code autogen dump} lists them. */
    static final List<BuiltinTeam> ALL = List.of(
            new BuiltinTeam("reflection", "RoundRobinGroupChat: a writer and a critic take turns until the critic says APPROVE",
                    "Write a short poem about the fall season."),
            new BuiltinTeam("selector", "SelectorGroupChat: a model picks the next speaker among a planner, a "
                    + "researcher and a writer until the planner says TERMINATE",
                    "Write a three-sentence explainer on why Earth has seasons."),
            new BuiltinTeam("swarm", "Swarm: a travel agent hands a refund to the flights refunder, which hands "
                    + "back when done; ends on TERMINATE",
                    "I need a refund for my cancelled flight, booking reference 507811."),
            new BuiltinTeam("graph", "GraphFlow: writer -> reviewer, back to the writer on REVISE or on to the "
                    + "editor on APPROVE",
                    "Write a two-line release note for version 2.1 of our notes app, which adds offline sync."),
            new BuiltinTeam("magentic-one", "MagenticOneGroupChat: an orchestrator plans, directs a researcher "
                    + "and a writer through progress ledgers, then answers",
                    "How many minutes does sunlight take to reach Earth? Show the calculation."),
            new BuiltinTeam("rag", "AssistantAgent with a DocumentMemory: answers from the Northwind Notes handbook,"
                    + " indexed in process (Lucene, all-MiniLM-L6-v2) at the first question",
                    "I deleted a note by mistake last week. Can I still get it back?"));

    /** The built-in team called {@code name}, if there is one. */
    static Optional<BuiltinTeam> find(String name) {
        return ALL.stream().filter(team -> team.name.equals(name)).findFirst();
    }

    /** The names, comma-separated, for messages. */
    static String names() {
        return ALL.stream().map(BuiltinTeam::name).collect(Collectors.joining(", "));
    }

    /** The team's component config, read from the command's resources. */
    JsonNode config() {
        String resource = "teams/" + name + ".json";
        try (InputStream in = BuiltinTeam.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in team '" + name + "' has no resource " + resource);
            }
            return AutogenJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in team '" + name + "'", e);
        }
    }
}
