package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.tools.annotation.ToolFunction;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.List;

/**
 * Tool use with reflection, from the migration guide: after the tool runs, the agent asks the model
 * once more, so the answer is the model's own words rather than the tool's output. The agent is
 * called directly with {@code onMessagesStream}, and {@link Console} prints the inner tool events,
 * the reply and the agent summary.
 */
public final class ToolReflectionExample {
    private ToolReflectionExample() {
    }

    /** The tool the model may call. */
    public static final class WeatherTools {
        @ToolFunction(name = "get_weather", value = "Get the weather for a city.")
        public String getWeather(String city) {
            return "The weather in " + city + " is 72 degree and sunny.";
        }
    }

    /** A tool call, then the reflected answer. */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofCalls(List.of(new FunctionCall("call_1", "{\"city\":\"Seattle\"}", "get_weather")),
                        new RequestUsage(70, 15)),
                "The weather in Seattle is currently 72 degrees and sunny."),
                ModelInfo.toolCalling());
    }

    /** Asks about Seattle and prints the agent's work to {@code out}. */
    public static Response run(ChatCompletionClient model, PrintStream out, InstantSource clock) {
        AssistantAgent assistant = AssistantAgent.builder("assistant", model)
                .systemMessage("You are a helpful assistant. You can call tools to help user.")
                .toolsFrom(new WeatherTools())
                .reflectOnToolUse(true)
                .build();
        Console console = Console.builder().output(out).clock(clock).outputStats(true).build();
        return console.render(assistant.onMessagesStream(
                List.of(new TextMessage("What is the weather in Seattle?", "user")), new CancellationToken()));
    }

    public static void main(String[] args) {
        run(ExampleModels.orScripted(scriptedModel(), System.err), System.out, InstantSource.system());
    }
}
