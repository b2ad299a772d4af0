package dev.autogen.examples.agentchat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.StructuredMessage;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.List;

/**
 * Structured output: the agent's answer is read into a Java record, whose JSON schema is sent to the
 * model. The reply arrives as a {@link StructuredMessage} holding an {@link AgentResponse}.
 */
public final class StructuredOutputExample {
    private StructuredOutputExample() {
    }

    /** How the input made the user feel. */
    public enum Mood {
        @JsonProperty("happy") HAPPY,
        @JsonProperty("sad") SAD,
        @JsonProperty("neutral") NEUTRAL
    }

    /**
     * The answer's format.
     *
     * @param thoughts the model's reasoning
     * @param response the category
     */
    public record AgentResponse(String thoughts, Mood response) {
    }

    /** The JSON a model with structured output answers. */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(
                List.of("{\"thoughts\":\"The user explicitly states that they are happy.\",\"response\":\"happy\"}"),
                ModelInfo.builder().jsonOutput(true).structuredOutput(true).build());
    }

    /** Categorizes "I am happy." and returns the parsed answer. */
    public static AgentResponse run(ChatCompletionClient model, PrintStream out, InstantSource clock) {
        AssistantAgent agent = AssistantAgent.builder("assistant", model)
                .systemMessage("Categorize the input as happy, sad, or neutral following the JSON format.")
                .outputContentType(AgentResponse.class)
                .build();
        TaskResult result;
        try (MessageStream<TaskResult> stream = agent.runStream("I am happy.")) {
            result = Console.builder().output(out).clock(clock).build().render(stream);
        }
        var reply = (StructuredMessage<?>) result.messages().getLast();
        var answer = (AgentResponse) reply.content();
        out.println("Mood: " + answer.response() + " (" + answer.thoughts() + ")");
        return answer;
    }

    public static void main(String[] args) {
        run(ExampleModels.orScripted(scriptedModel(), System.err), System.out, InstantSource.system());
    }
}
