package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.conditions.TextMentionTermination;
import dev.autogen.agentchat.teams.SelectorGroupChat;
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
import java.util.List;

/**
 * A selector team with a selector function, from the migration guide's web search/analysis sample: a
 * planning agent delegates to a web search agent and a data analyst. The selector function hands the
 * turn back to the planner after every other agent; after the planner, it returns null and the model
 * picks the next speaker among the others. The team stops on "TERMINATE" or after 25 messages.
 *
 * <p>Here one model client serves the agents and the selector (Python AutoGen's docs use a smaller model for the
 * selector); the tools are Python AutoGen's docs' mock tools.
 */
public final class SelectorTeamExample {
    static final String TASK = "Who was the Miami Heat player with the highest points in the 2006-2007 season, "
            + "and what was the percentage change in his total rebounds between the 2007-2008 and 2008-2009 seasons?";

    private SelectorTeamExample() {
    }

    /** Python AutoGen's docs' mock web search: canned answers instead of a real search API. */
    public static final class SearchTools {
        @ToolFunction(name = "search_web_tool", value = "Search the web for information.")
        public String searchWebTool(@ToolParam("What to search for.") String query) {
            if (query.contains("2006-2007")) {
                return """
                        Here are the total points scored by Miami Heat players in the 2006-2007 season:
                        Udonis Haslem: 844 points
                        Dwayne Wade: 1397 points
                        James Posey: 550 points
                        ...
                        """;
            }
            if (query.contains("2007-2008")) {
                return "The number of total rebounds for Dwayne Wade in the Miami Heat season 2007-2008 is 214.";
            }
            if (query.contains("2008-2009")) {
                return "The number of total rebounds for Dwayne Wade in the Miami Heat season 2008-2009 is 398.";
            }
            return "No data found.";
        }
    }

    /** Python AutoGen's docs' percentage calculator. */
    public static final class AnalysisTools {
        @ToolFunction(name = "percentage_change_tool", value = "Calculate the percentage change between two values.")
        public double percentageChangeTool(@ToolParam("The start value.") double start,
                @ToolParam("The end value.") double end) {
            return ((end - start) / start) * 100;
        }
    }

    /**
     * The replies in the order the team asks for them: the planner's plan, the selector's choice
     * ("WebSearchAgent"), the three searches, the planner, the selector's choice ("DataAnalystAgent"), the
     * calculation, the planner's summary ending in "TERMINATE". As in Python, the speaker the selector model
     * picked last is not a candidate of its next pick (no repeated speaker), so the searches come in one turn.
     */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofText("""
                        To answer your question, we need to separate this task into several subtasks:

                        1. Web search agent: Find out who was the Miami Heat player with the highest points \
                        in the 2006-2007 season.
                        2. Web search agent: Find the total rebounds for that player in the 2007-2008 season.
                        3. Web search agent: Find the total rebounds for that player in the 2008-2009 season.
                        4. Data analyst: Calculate the percentage change in his total rebounds between the \
                        2007-2008 and 2008-2009 seasons.

                        Let's start with these tasks.""", new RequestUsage(159, 130)),
                CreateResult.ofText("WebSearchAgent", new RequestUsage(394, 3)),
                CreateResult.ofCalls(List.of(
                        new FunctionCall("call_search_points",
                                "{\"query\":\"Miami Heat highest points player 2006-2007 season\"}",
                                "search_web_tool"),
                        new FunctionCall("call_search_rebounds_0708",
                                "{\"query\":\"Dwayne Wade total rebounds 2007-2008 season\"}", "search_web_tool"),
                        new FunctionCall("call_search_rebounds_0809",
                                "{\"query\":\"Dwayne Wade total rebounds 2008-2009 season\"}", "search_web_tool")),
                        new RequestUsage(279, 91)),
                CreateResult.ofText("""
                        Dwayne Wade was the Miami Heat player with the highest points in the 2006-2007 season, \
                        with 1397 points. He had 214 total rebounds in 2007-2008 and 398 in 2008-2009.

                        1. Data analyst: Calculate the percentage change in his total rebounds from 214 to 398.""",
                        new RequestUsage(521, 62)),
                CreateResult.ofText("DataAnalystAgent", new RequestUsage(601, 4)),
                CreateResult.ofCalls(List.of(new FunctionCall("call_percentage",
                        "{\"start\":214,\"end\":398}", "percentage_change_tool")), new RequestUsage(650, 21)),
                CreateResult.ofText("""
                        Summary of findings:

                        - Dwayne Wade was the Miami Heat player with the highest points in the 2006-2007 season, \
                        with 1397 points.
                        - His total rebounds went from 214 in 2007-2008 to 398 in 2008-2009, an increase of \
                        about 85.98%.

                        TERMINATE""", new RequestUsage(705, 60))),
                ModelInfo.toolCalling());
    }

    /** Builds Python AutoGen's docs' team on {@code model}, runs the task and prints it through {@link Console} with stats. */
    public static TaskResult run(ChatCompletionClient model, PrintStream out, InstantSource clock) {
        AssistantAgent planningAgent = AssistantAgent.builder("PlanningAgent", model)
                .description("An agent for planning tasks, this agent should be the first to engage when given "
                        + "a new task.")
                .systemMessage("""
                        You are a planning agent.
                        Your job is to break down complex tasks into smaller, manageable subtasks.
                        Your team members are:
                            Web search agent: Searches for information
                            Data analyst: Performs calculations

                        You only plan and delegate tasks - you do not execute them yourself.

                        When assigning tasks, use this format:
                        1. <agent> : <task>

                        After all tasks are complete, summarize the findings and end with "TERMINATE".
                        """)
                .build();
        AssistantAgent webSearchAgent = AssistantAgent.builder("WebSearchAgent", model)
                .description("A web search agent.")
                .toolsFrom(new SearchTools())
                .systemMessage("""
                        You are a web search agent.
                        Your only tool is search_tool - use it to find information.
                        You make only one search call at a time.
                        Once you have the results, you never do calculations based on them.
                        """)
                .build();
        AssistantAgent dataAnalystAgent = AssistantAgent.builder("DataAnalystAgent", model)
                .description("A data analyst agent. Useful for performing calculations.")
                .toolsFrom(new AnalysisTools())
                .systemMessage("""
                        You are a data analyst.
                        Given the tasks you have been assigned, you should analyze the data and provide results \
                        using the tools provided.
                        """)
                .build();
        SelectorGroupChat.SelectorFunc backToThePlanner = thread ->
                thread.getLast().source().equals(planningAgent.name()) ? null : planningAgent.name();
        Console console = Console.builder().output(out).clock(clock).outputStats(true).build();
        try (SelectorGroupChat team = SelectorGroupChat.builder(
                        List.of(planningAgent, webSearchAgent, dataAnalystAgent), model)
                .terminationCondition(new TextMentionTermination("TERMINATE").or(new MaxMessageTermination(25)))
                .selectorFunc(backToThePlanner)
                .build();
                MessageStream<TaskResult> stream = team.runStream(TASK)) {
            return console.render(stream);
        }
    }

    public static void main(String[] args) {
        run(ExampleModels.orScripted(scriptedModel(), System.err), System.out, InstantSource.system());
    }
}
