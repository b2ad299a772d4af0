package dev.autogen.core.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.serialization.AutogenJson;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LLMMessageJsonTest {
    private static final ObjectMapper JSON = AutogenJson.mapper();

    private static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }
    private static final TypeReference<List<LLMMessage>> MESSAGES = new TypeReference<>() {};
    /** A 1x1 transparent PNG. */
    static final String PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private static JsonNode fixture() throws Exception {
        try (InputStream in = LLMMessageJsonTest.class.getResourceAsStream(
                "/fixtures/autogen-python/01_round_robin_max5.normalized.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void pythonLlmContextRoundTripsUnchanged() throws Exception {
        for (String agent : List.of("alice", "bob")) {
            JsonNode messages = fixture().at("/save_state/agent_states/" + agent + "/agent_state/llm_context/messages");
            assertThat(messages.size()).isGreaterThan(3);
            List<LLMMessage> parsed = JSON.convertValue(messages, MESSAGES);
            assertThat(parsed).hasOnlyElementsOfTypes(UserMessage.class, AssistantMessage.class);
            assertThat(tree(parsed)).isEqualTo(messages);
            // Field order as pydantic writes it, so dumps diff cleanly against Python's.
            assertThat(JSON.writerFor(MESSAGES).writeValueAsString(parsed)).isEqualTo(JSON.writeValueAsString(messages));
        }
    }

    @Test
    void everyMessageTypeWritesPythonsFieldsAndTypeName() throws Exception {
        var call = new FunctionCall("call_1", "{\"city\": \"Paris\"}", "get_weather");
        List<LLMMessage> messages = List.of(
                new SystemMessage("Be brief."),
                UserMessage.of("user", "What is this?", Image.fromBase64(PNG_1X1)),
                new AssistantMessage(new ModelContent.FunctionCalls(List.of(call)), "checking", "assistant"),
                new FunctionExecutionResultMessage(List.of(new FunctionExecutionResult("sunny", "get_weather", "call_1", null))));
        String json = JSON.writerFor(MESSAGES).writeValueAsString(messages);
        assertThat(JSON.readTree(json)).isEqualTo(JSON.readTree("""
                [{"content": "Be brief.", "type": "SystemMessage"},
                 {"content": ["What is this?", {"data": "%s"}], "source": "user", "type": "UserMessage"},
                 {"content": [{"id": "call_1", "arguments": "{\\"city\\": \\"Paris\\"}", "name": "get_weather"}],
                  "thought": "checking", "source": "assistant", "type": "AssistantMessage"},
                 {"content": [{"content": "sunny", "name": "get_weather", "call_id": "call_1", "is_error": null}],
                  "type": "FunctionExecutionResultMessage"}]""".formatted(PNG_1X1)));
        assertThat(JSON.readValue(json, MESSAGES)).isEqualTo(messages);
    }

    @Test
    void createResultMatchesPythonsModelDump() throws Exception {
        var result = new CreateResult(FinishReason.FUNCTION_CALLS,
                ModelContent.calls(List.of(new FunctionCall("1", "{}", "f"))), new RequestUsage(8, 5), false,
                List.of(new ChatCompletionTokenLogprob("hi", -0.5, List.of(new TopLogprob(-1.0, null)), List.of(104, 105))),
                null);
        JsonNode tree = JSON.valueToTree(result);
        assertThat(tree).isEqualTo(JSON.readTree("""
                {"finish_reason": "function_calls", "content": [{"id": "1", "arguments": "{}", "name": "f"}],
                 "usage": {"prompt_tokens": 8, "completion_tokens": 5}, "cached": false,
                 "logprobs": [{"token": "hi", "logprob": -0.5, "top_logprobs": [{"logprob": -1.0, "bytes": null}],
                               "bytes": [104, 105]}],
                 "thought": null}"""));
        assertThat(JSON.treeToValue(tree, CreateResult.class)).isEqualTo(result);
    }

    @Test
    void unknownFinishReasonAndBadContentAreNamed() {
        assertThatThrownBy(() -> JSON.readValue("""
                {"finish_reason": "done", "content": "x", "usage": {"prompt_tokens": 0, "completion_tokens": 0}, "cached": false}""",
                CreateResult.class)).hasMessageContaining("unknown finish_reason 'done'");
        assertThatThrownBy(() -> JSON.readValue("""
                {"content": [42], "source": "u", "type": "UserMessage"}""", LLMMessage.class))
                .hasMessageContaining("content[0] must be a string or an image object");
    }

    @Test
    void sealedUnionMatchesJsonSubTypes() {
        var declared = new ArrayList<Class<?>>();
        for (var t : LLMMessage.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value()) {
            declared.add(t.value());
            assertThat(t.name()).isEqualTo(t.value().getSimpleName());
        }
        assertThat(Set.copyOf(declared)).isEqualTo(Set.of(LLMMessage.class.getPermittedSubclasses()));
    }

    @Test
    void modelInfoRequiresPythonsRequiredFields() throws Exception {
        var info = JSON.readValue("""
                {"vision": false, "function_calling": true, "json_output": false, "family": "gpt-4o", "structured_output": true}""",
                ModelInfo.class);
        assertThat(info).isEqualTo(new ModelInfo(false, true, false, ModelFamily.GPT_4O, true, null));
        assertThat(tree(info).has("multiple_system_messages")).isFalse();
        assertThatThrownBy(() -> JSON.readValue("""
                {"vision": false, "json_output": false, "family": "x", "structured_output": true}""", ModelInfo.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("Missing required field 'function_calling' in ModelInfo");
    }

    @Test
    void modelFamilyPredicates() {
        assertThat(ModelFamily.isClaude(ModelFamily.CLAUDE_3_5_SONNET)).isTrue();
        assertThat(ModelFamily.isOpenAI(ModelFamily.GPT_4O)).isTrue();
        assertThat(ModelFamily.isOpenAI(ModelFamily.R1)).isFalse();
        assertThat(ModelFamily.isGemini(ModelFamily.GEMINI_2_5_FLASH)).isTrue();
        assertThat(ModelFamily.isLlama(ModelFamily.LLAMA_4_SCOUT)).isTrue();
        assertThat(ModelFamily.isMistral(ModelFamily.PIXTRAL)).isTrue();
        assertThat(ModelFamily.isOpenAI("my-custom-model")).isFalse();
        assertThat(ModelFamily.ANY).contains("open-codestral-mamba", "unknown").doesNotHaveDuplicates();
    }

    @Test
    void imageFormsAgree() {
        Image img = Image.fromBase64(PNG_1X1);
        assertThat(img.mimeType()).isEqualTo("image/png");
        assertThat(img.toDataUri()).isEqualTo("data:image/png;base64," + PNG_1X1);
        assertThat(Image.fromUri(img.toDataUri())).isEqualTo(img);
        assertThat(img.toOpenAIFormat("low")).containsEntry("type", "image_url");
        assertThat(Base64.getDecoder().decode(img.toBase64())).isEqualTo(img.data());
        assertThatThrownBy(() -> Image.fromUri("https://example.com/x.png")).hasMessageContaining("data URI");
        assertThatThrownBy(() -> img.toOpenAIFormat("medium")).hasMessageContaining("use auto, high or low");
        assertThatThrownBy(() -> Image.fromBase64("aGVsbG8=")).hasMessageContaining("unrecognised image format");
    }

    @Test
    void namedToolChoiceMustBeAmongTools() {
        assertThatThrownBy(() -> CreateRequest.builder(List.of()).toolChoice(ToolChoice.tool("search")).build())
                .hasMessageContaining("tool_choice names tool 'search'");
    }
}
