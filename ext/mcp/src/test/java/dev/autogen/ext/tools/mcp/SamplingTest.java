package dev.autogen.ext.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.core.tools.Workbench;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A workbench's model client answers the server's sampling requests, as Python's model_client does. */
class SamplingTest {

    @Test
    void theModelClientAnswersTheServersSamplingRequest() throws Exception {
        var model = ReplayChatCompletionClient.of("Paris is the capital of France.");
        try (var workbench = new McpWorkbench(McpTestServers.everything("stdio").build(), Map.of(), model)) {
            assertThat(workbench.listTools()).extracting(ToolSchema::name).contains("trigger-sampling-request");

            ToolResult result = workbench.callTool("trigger-sampling-request",
                    AutogenJson.mapper().readTree("{\"prompt\": \"What is the capital of France?\"}"));

            assertThat(result.isError()).isFalse();
            assertThat(result.toText()).contains("LLM sampling result").contains("Paris is the capital of France.")
                    .contains("\"role\": \"assistant\"");
        }
    }

    @Test
    void withoutAModelClientTheServerOffersNoSamplingTool() {
        try (var workbench = new McpWorkbench(McpTestServers.everything("stdio").build())) {
            assertThat(workbench.listTools()).extracting(ToolSchema::name).doesNotContain("trigger-sampling-request");
        }
    }

    @Test
    void theModelClientIsPartOfTheConfig() {
        var workbench = new McpWorkbench(StdioServerParams.of("uvx", "mcp-server-fetch"), Map.of(),
                ReplayChatCompletionClient.of("hi"));
        ComponentModel model = workbench.dumpComponent();

        assertThat(model.config().path("model_client").path("provider").asText())
                .isEqualTo(ReplayChatCompletionClient.PROVIDER);
        var loaded = (McpWorkbench) ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(model, Workbench.class);
        assertThat(loaded.modelClient()).get().isInstanceOf(ReplayChatCompletionClient.class);
        assertThat(loaded.dumpComponent().toJsonNode()).isEqualTo(model.toJsonNode());
    }
}
