package dev.autogen.ext.models.openai;

import static dev.autogen.ext.models.openai.FakeOpenAIServer.chunk;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.completion;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.json;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.sse;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.usageChunk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.agentchat.messages.ToolCallRequestEvent;
import dev.autogen.core.tools.FunctionTool;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An AgentChat agent runs end to end through the OpenAI client against the local server, tool call included. */
class AssistantAgentOverOpenAITest {
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
    void anAssistantCallsItsToolAndReflectsOnTheResult() {
        server.enqueue(json(200, TOOL_CALL)).enqueue(json(200, completion("It is sunny and 73 degrees in Paris.", 120, 12)));
        try (var client = client()) {
            var agent = AssistantAgent.builder("weather_agent", client).tools(WEATHER).reflectOnToolUse(true).build();

            TaskResult result = agent.run("What is the weather in Paris?");

            assertThat(result.messages()).hasSize(4);
            assertThat(result.messages().get(1)).isInstanceOf(ToolCallRequestEvent.class);
            assertThat(result.messages().get(2)).isInstanceOf(ToolCallExecutionEvent.class);
            var reply = (TextMessage) result.messages().get(3);
            assertThat(reply.content()).isEqualTo("It is sunny and 73 degrees in Paris.");
            assertThat(reply.modelsUsage().promptTokens()).isEqualTo(120);
        }
        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(0).body().at("/tools/0/function/name").asText()).isEqualTo("get_weather");
        JsonNode messages = server.requests.get(1).body().get("messages");
        JsonNode toolResult = messages.get(messages.size() - 1);
        assertThat(toolResult.get("role").asText()).isEqualTo("tool");
        assertThat(toolResult.get("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(toolResult.get("content").asText()).isEqualTo("The weather in Paris is 73 degrees and Sunny.");
        assertThat(messages.get(messages.size() - 2).at("/tool_calls/0/id").asText()).isEqualTo("call_1");
    }

    @Test
    void aStreamingAssistantEmitsChunksFromTheServer() {
        server.enqueue(sse(chunk("{\"content\": \"Hello\"}", null), chunk("{\"content\": \" there.\"}", null),
                chunk("{}", "stop"), usageChunk(10, 3)));
        try (var client = client()) {
            var agent = AssistantAgent.builder("assistant", client).modelClientStream(true).build();
            List<String> chunks = new ArrayList<>();
            TaskResult result;
            try (var stream = agent.runStream("Say hello.")) {
                for (var item : stream) {
                    if (item instanceof ModelClientStreamingChunkEvent c) {
                        chunks.add(c.content());
                    }
                }
                result = stream.result();
            }
            assertThat(chunks).containsExactly("Hello", " there.");
            assertThat(((TextMessage) result.messages().getLast()).content()).isEqualTo("Hello there.");
        }
    }
}
