package example;

import com.sun.net.httpserver.HttpServer;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.core.tools.annotation.ToolFunction;
import dev.autogen.core.tools.annotation.ToolParam;
import dev.autogen.ext.models.openai.OpenAIChatCompletionClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tool-using assistant against an OpenAI-compatible server (here a scripted one on loopback). */
public final class Main {
    private Main() {
    }

    /** The assistant's tool; compiled with -parameters, so the model sees the argument {@code city}. */
    public static final class WeatherTools {
        @ToolFunction(name = "get_weather", value = "Get the weather for a given city.")
        public String getWeather(@ToolParam("The city to get the weather for.") String city) {
            return "Sunny and 73 degrees in " + city;
        }
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = fakeOpenAI();
        try {
            var model = OpenAIChatCompletionClient.builder()
                    .model("gpt-4o-mini")
                    .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                    .apiKey("not-needed")
                    .build();
            var assistant = AssistantAgent.builder("assistant", model)
                    .systemMessage("You are a helpful assistant.")
                    .toolsFrom(new WeatherTools())
                    .reflectOnToolUse(true)
                    .build();
            TaskResult result = assistant.run("What is the weather in Seattle?");
            System.out.println("answer: " + result.messages().getLast().toText());
        } finally {
            server.stop(0);
        }
    }

    /**
     * A chat-completions endpoint that first asks for {@code get_weather} in Seattle, then answers with
     * the tool result it finds in the request, so the answer shows that the tool really ran.
     */
    private static HttpServer fakeOpenAI() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            try (exchange) {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher toolMessage = Pattern.compile("\\{[^{}]*\"role\"\\s*:\\s*\"tool\"[^{}]*}").matcher(request);
                Matcher content = Pattern.compile("\"content\"\\s*:\\s*\"([^\"]*)\"")
                        .matcher(toolMessage.find() ? toolMessage.group() : "");
                String message = content.find()
                        ? "{\"role\":\"assistant\",\"content\":\"The tool says: " + content.group(1) + "\"}"
                        : "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Seattle\\\"}\"}}]}";
                String finish = message.contains("tool_calls") ? "tool_calls" : "stop";
                byte[] body = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"gpt-4o-mini\","
                        + "\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\"" + finish + "\"}],"
                        + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return server;
    }
}
