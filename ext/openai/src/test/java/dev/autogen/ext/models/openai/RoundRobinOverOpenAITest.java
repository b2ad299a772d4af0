package dev.autogen.ext.models.openai;

import static dev.autogen.ext.models.openai.FakeOpenAIServer.completion;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.agentchat.messages.ToolCallRequestEvent;
import dev.autogen.agentchat.messages.ToolCallSummaryMessage;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.tools.FunctionTool;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's must-show: an AssistantAgent in a RoundRobinGroupChat runs end to end through the OpenAI
 * client against the local server, tool call included, until a termination condition stops the team.
 */
class RoundRobinOverOpenAITest {
    record CityArgs(String city) {
    }

    private static final FunctionTool WEATHER = FunctionTool.of("get_weather", "Get the weather for a city.",
            CityArgs.class, args -> "The weather in " + args.city() + " is 73 degrees and Sunny.");
    private static final String TOOL_CALL = """
            {"id": "c1", "object": "chat.completion", "model": "gpt-4o-2024-08-06",
             "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": null,
               "tool_calls": [{"id": "call_1", "type": "function",
                               "function": {"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\"}"}}]}}],
             "usage": {"prompt_tokens": 80, "completion_tokens": 15}}
            """;

    private FakeOpenAIServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAIServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAIChatCompletionClient client() {
        return OpenAIChatCompletionClient.builder().model("gpt-4o").baseUrl(server.baseUrl()).apiKey("sk-test").build();
    }

    @Test
    void aTeamRunsTheToolThenStopsWhenTheReflectionSaysTerminate() {
        server.enqueue(json(200, TOOL_CALL))
                .enqueue(json(200, completion("It is sunny and 73 degrees in Paris. TERMINATE", 120, 12)));
        TaskResult result;
        try (var client = client()) {
            var agent = AssistantAgent.builder("weather_agent", client).tools(WEATHER).reflectOnToolUse(true).build();
            try (var team = RoundRobinGroupChat.builder(List.of(agent))
                    .terminationCondition(new dev.autogen.agentchat.conditions.TextMentionTermination("TERMINATE")).maxTurns(5).build()) {
                result = team.run("What is the weather in Paris?");
            }
        }

        assertThat(result.messages()).extracting(BaseMessage::getClass).containsExactly(TextMessage.class,
                ToolCallRequestEvent.class, ToolCallExecutionEvent.class, TextMessage.class);
        var task = (TextMessage) result.messages().get(0);
        assertThat(task.source()).isEqualTo("user");
        assertThat(task.content()).isEqualTo("What is the weather in Paris?");
        var request = (ToolCallRequestEvent) result.messages().get(1);
        assertThat(request.source()).isEqualTo("weather_agent");
        assertThat(request.content()).containsExactly(new FunctionCall("call_1", "{\"city\": \"Paris\"}", "get_weather"));
        var execution = (ToolCallExecutionEvent) result.messages().get(2);
        assertThat(execution.content()).containsExactly(new FunctionExecutionResult(
                "The weather in Paris is 73 degrees and Sunny.", "get_weather", "call_1", false));
        var reply = (TextMessage) result.messages().get(3);
        assertThat(reply.source()).isEqualTo("weather_agent");
        assertThat(reply.content()).isEqualTo("It is sunny and 73 degrees in Paris. TERMINATE");
        assertThat(result.stopReason()).isEqualTo("Text 'TERMINATE' mentioned");

        assertThat(server.requests).hasSize(2);
        JsonNode first = server.requests.get(0).body();
        assertThat(first.at("/tools/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(first.at("/tools/0/function/parameters/properties/city/type").asText()).isEqualTo("string");
        assertThat(first.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(first.at("/messages/1/content").asText()).isEqualTo("What is the weather in Paris?");
        JsonNode messages = server.requests.get(1).body().get("messages");
        JsonNode toolResult = messages.get(messages.size() - 1);
        assertThat(toolResult.get("role").asText()).isEqualTo("tool");
        assertThat(toolResult.get("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(toolResult.get("content").asText()).isEqualTo("The weather in Paris is 73 degrees and Sunny.");
        assertThat(messages.get(messages.size() - 2).at("/tool_calls/0/function/name").asText()).isEqualTo("get_weather");
    }

    @Test
    void withoutReflectionTheSummaryTakesATurnAndTheNextTurnSeesTheToolResult() {
        server.enqueue(json(200, TOOL_CALL))
                .enqueue(json(200, completion("Paris is sunny. TERMINATE", 130, 6)));
        TaskResult result;
        try (var client = client()) {
            var agent = AssistantAgent.builder("weather_agent", client).tools(WEATHER).build();
            try (var team = RoundRobinGroupChat.builder(List.of(agent))
                    .terminationCondition(new dev.autogen.agentchat.conditions.TextMentionTermination("TERMINATE")).maxTurns(5).build()) {
                result = team.run("What is the weather in Paris?");
            }
        }

        assertThat(result.messages()).extracting(BaseMessage::getClass).containsExactly(TextMessage.class,
                ToolCallRequestEvent.class, ToolCallExecutionEvent.class, ToolCallSummaryMessage.class,
                TextMessage.class);
        var summary = (ToolCallSummaryMessage) result.messages().get(3);
        assertThat(summary.content()).isEqualTo("The weather in Paris is 73 degrees and Sunny.");
        assertThat(((TextMessage) result.messages().get(4)).content()).isEqualTo("Paris is sunny. TERMINATE");
        assertThat(result.stopReason()).isEqualTo("Text 'TERMINATE' mentioned");

        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(1).body().at("/tools/0/function/name").asText()).isEqualTo("get_weather");
        JsonNode messages = server.requests.get(1).body().get("messages");
        assertThat(messages.get(messages.size() - 1).get("role").asText()).isEqualTo("tool");
        assertThat(messages.get(messages.size() - 1).get("content").asText())
                .isEqualTo("The weather in Paris is 73 degrees and Sunny.");
    }
}
