package dev.autogen.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.serialization.AutogenJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected strings are what Python's {@code str(LLMCallEvent(...))} etc. print for the same values. */
class LlmEventsTest {
    private static final Object MESSAGES = List.of(
            AutogenJson.mapper().createObjectNode().put("role", "user").put("content", "caf\u00e9?"));

    @Test
    void llmCallRendersAsPythonDoes() {
        var response = AutogenJson.mapper().createObjectNode().put("id", "r1");
        var event = new LLMCallEvent(MESSAGES, response, 12, 3);

        assertThat(event.toString()).isEqualTo("{\"type\": \"LLMCall\", \"messages\": [{\"role\": \"user\", "
                + "\"content\": \"caf\\u00e9?\"}], \"response\": {\"id\": \"r1\"}, \"prompt_tokens\": 12, "
                + "\"completion_tokens\": 3, \"agent_id\": null}");
    }

    @Test
    void streamStartAndEndRenderAsPythonDoes() {
        assertThat(new LLMStreamStartEvent(MESSAGES, "writer/default").toString()).isEqualTo("{\"type\": \"LLMStreamStart\","
                + " \"messages\": [{\"role\": \"user\", \"content\": \"caf\\u00e9?\"}], \"agent_id\": \"writer/default\"}");
        assertThat(new LLMStreamEndEvent(Map.of("content", "ok"), 5, 1).toString()).isEqualTo("{\"type\": \"LLMStreamEnd\","
                + " \"response\": {\"content\": \"ok\"}, \"prompt_tokens\": 5, \"completion_tokens\": 1, \"agent_id\": null}");
    }
}
