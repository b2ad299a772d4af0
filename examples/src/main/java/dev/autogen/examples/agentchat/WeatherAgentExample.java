package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
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
 * The AgentChat quickstart: a weather agent with one tool, without reflection, so its answer is the
 * tool's result (a {@code ToolCallSummaryMessage}). It is asked about New York, then Seattle, and
 * remembers the conversation between the two runs; {@link Console} prints each run with its stats.
 */
public final class WeatherAgentExample {
    private WeatherAgentExample() {
    }

    /** The agent's tool; the model sees its name, description and parameters. */
    public static final class WeatherTools {
        @ToolFunction(name = "get_weather", value = "Get the weather for a given city.")
        public String getWeather(@ToolParam("The city to get the weather for.") String city) {
            return "The weather in " + city + " is 73 degrees and Sunny.";
        }
    }

    /** What a model answers in Python AutoGen's docs' run: a tool call per question. */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofCalls(List.of(new FunctionCall("call_1", "{\"city\":\"New York City\"}", "get_weather")),
                        new RequestUsage(75, 16)),
                CreateResult.ofCalls(List.of(new FunctionCall("call_2", "{\"city\":\"Seattle\"}", "get_weather")),
                        new RequestUsage(127, 14))),
                ModelInfo.toolCalling());
    }

    /** Asks the two questions, printing both runs to {@code out}; {@code clock} times them. */
    public static void run(ChatCompletionClient model, PrintStream out, InstantSource clock) {
        AssistantAgent weatherAgent = AssistantAgent.builder("weather_agent", model)
                .toolsFrom(new WeatherTools())
                .systemMessage("You are a helpful assistant.")
                .build();
        Console console = Console.builder().output(out).clock(clock).outputStats(true).build();
        for (String task : List.of("What is the weather in NYC?", "What is the weather in Seattle?")) {
            try (MessageStream<TaskResult> stream = weatherAgent.runStream(task)) {
                console.render(stream);
            }
        }
    }

    public static void main(String[] args) {
        run(ExampleModels.orScripted(scriptedModel(), System.err), System.out, InstantSource.system());
    }
}
