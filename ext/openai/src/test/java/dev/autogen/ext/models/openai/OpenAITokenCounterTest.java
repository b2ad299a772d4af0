package dev.autogen.ext.models.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.tools.FunctionTool;
import dev.autogen.core.tools.ToolSchema;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class OpenAITokenCounterTest {
    private static final OpenAITokenCounter GPT4O = OpenAITokenCounter.forModel("gpt-4o");

    @Test
    void picksTheModelsTokenizerAsTiktokenDoes() {
        assertThat(OpenAITokenCounter.forModel("gpt-4o").encodingName()).isEqualTo("o200k_base");
        assertThat(OpenAITokenCounter.forModel("gpt-4o-2024-08-06").encodingName()).isEqualTo("o200k_base");
        assertThat(OpenAITokenCounter.forModel("o3-mini").encodingName()).isEqualTo("o200k_base");
        assertThat(OpenAITokenCounter.forModel("gpt-4.1-nano").encodingName()).isEqualTo("o200k_base");
        assertThat(OpenAITokenCounter.forModel("gpt-4").encodingName()).isEqualTo("cl100k_base");
        assertThat(OpenAITokenCounter.forModel("gpt-3.5-turbo-0125").encodingName()).isEqualTo("cl100k_base");
        assertThat(OpenAITokenCounter.forModel("llama3.2:latest").encodingName()).isEqualTo("cl100k_base");
    }

    @Test
    void countsRealBpeTokensNotWords() {
        // Token ids from OpenAI's tiktoken cookbook: [83, 1609, 5963, 374, 2294, 0] (cl100k_base).
        assertThat(OpenAITokenCounter.forModel("gpt-4").countText("tiktoken is great!")).isEqualTo(6);
        assertThat(GPT4O.countText("tiktoken is great!")).isEqualTo(6);
        assertThat(GPT4O.countText("hello world")).isEqualTo(2);
        assertThat(GPT4O.countText("antidisestablishmentarianism")).isGreaterThan(1);
    }

    @Test
    void messagesCountAsPythonsCountTokensOpenai() {
        String sys = "You are a helpful assistant.";
        assertThat(GPT4O.countTokens(List.of(new SystemMessage(sys))))
                .isEqualTo(3 + GPT4O.countText(sys) + GPT4O.countText("system") + 3);
        assertThat(GPT4O.countTokens(List.of(new UserMessage("Hi there", "alice"))))
                .isEqualTo(3 + GPT4O.countText("Hi there") + GPT4O.countText("user") + GPT4O.countText("alice") + 1 + 3);

        var call = new FunctionCall("call_1", "{\"city\": \"Paris\"}", "get_weather");
        String toolCallsJson = "[{\"id\": \"call_1\", \"function\": {\"arguments\": \"{\\\"city\\\": \\\"Paris\\\"}\", "
                + "\"name\": \"get_weather\"}, \"type\": \"function\"}]";
        assertThat(GPT4O.countTokens(List.of(new AssistantMessage(List.of(call), "bot"))))
                .isEqualTo(3 + GPT4O.countText(toolCallsJson) + GPT4O.countText("assistant") + GPT4O.countText("bot") + 1 + 3);

        var results = new FunctionExecutionResultMessage(List.of(
                new FunctionExecutionResult("sunny", "get_weather", "call_1", false),
                new FunctionExecutionResult("rainy", "get_weather", "call_2", false)));
        int perResult = GPT4O.countText("tool");
        assertThat(GPT4O.countTokens(List.of(results))).isEqualTo(3
                + GPT4O.countText("sunny") + perResult + GPT4O.countText("call_1")
                + GPT4O.countText("rainy") + perResult + GPT4O.countText("call_2") + 3);
    }

    static class Search {
        @dev.autogen.core.tools.annotation.ToolFunction("Find information on the web")
        String web_search_func(String query) {
            return "";
        }
    }

    @Test
    void toolsAddTheirDefinitionEstimate() {
        ToolSchema tool = FunctionTool.fromMethods(new Search()).getFirst().schema();
        int expectedTool = GPT4O.countText("web_search_func") + GPT4O.countText("Find information on the web") - 2
                + GPT4O.countText("query")
                + 2 + GPT4O.countText("query")      // description
                + 2 + GPT4O.countText("Query")      // title
                + 2 + GPT4O.countText("string")     // type
                + 11;
        var messages = List.of(new UserMessage("hi", "user"));
        assertThat(GPT4O.countTokens(messages, List.of(tool)) - GPT4O.countTokens(messages)).isEqualTo(expectedTool + 12);
    }

    @Test
    void imagesCountByOpenAIsTileRule() throws Exception {
        Image big = png(1024, 1024);
        assertThat(OpenAITokenCounter.visionTokens(big, "auto")).isEqualTo(765);
        assertThat(OpenAITokenCounter.visionTokens(big, "low")).isEqualTo(85);
        assertThat(OpenAITokenCounter.visionTokens(png(2048, 4096), "high")).isEqualTo(85 + 170 * 6);
        var message = UserMessage.of("user", "What is this?", png(10, 10));
        int textPart = GPT4O.countText("{\"text\": \"What is this?\", \"type\": \"text\"}");
        assertThat(GPT4O.countTokens(List.of(message)))
                .isEqualTo(3 + textPart + 255 + GPT4O.countText("user") + GPT4O.countText("user") + 1 + 3);
    }

    @Test
    void pythonJsonDumpsFormat() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", List.of(1, "é\n", true));
        m.put("b", null);
        assertThat(PythonJson.dumps(m)).isEqualTo("{\"a\": [1, \"\\u00e9\\n\", true], \"b\": null}");
    }

    private static Image png(int width, int height) throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return Image.fromBytes(out.toByteArray());
    }
}
