package dev.autogen.ext.memory.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.MemoryQueryEvent;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An assistant writing a story on the canvas with the tools, and seeing the canvas before each inference. */
class TextCanvasMemoryTest {
    private static final ModelInfo TOOLS_MODEL = new ModelInfo(false, true, true, "unknown", true, null);

    private static CreateResult call(String tool, Map<String, String> arguments) {
        return new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(List.of(new FunctionCall(
                "call_" + tool, AutogenJson.mapper().valueToTree(arguments).toString(), tool))), new RequestUsage(1, 1),
                false, null, null);
    }

    @Test
    void theWriterCreatesThenPatchesTheStoryAndTheModelSeesTheCanvas() {
        var memory = new TextCanvasMemory();
        var model = new ReplayChatCompletionClient(List.of(
                call("update_file", Map.of("filename", "story.md", "new_content", "A bunny.\nThe end.\n")),
                call("apply_patch", Map.of("filename", "story.md", "patch_text",
                        "--- story.md\n+++ story.md\n@@ -1,2 +1,2 @@\n-A bunny.\n+A bunny and a sunflower.\n The end.\n"))),
                TOOLS_MODEL);
        var writer = AssistantAgent.builder("writer", model)
                .tools(memory.updateFileTool(), memory.applyPatchTool()).memory(memory).build();

        TaskResult first = writer.run("Write a story.");
        TaskResult second = writer.run("Add a sunflower.");

        assertThat(memory.canvas().latestContent("story.md")).isEqualTo("A bunny and a sunflower.\nThe end.\n");
        assertThat(memory.canvas().listFiles()).containsEntry("story.md", 2);
        assertThat(first.messages()).filteredOn(ToolCallExecutionEvent.class::isInstance)
                .singleElement().extracting(Object::toString).asString().contains("content={\"status\":\"OK\"}");
        assertThat(second.messages()).filteredOn(MemoryQueryEvent.class::isInstance).singleElement()
                .extracting(m -> ((MemoryQueryEvent) m).content().getFirst().content()).asString()
                .contains("File: story.md (rev 1):\nA bunny.\nThe end.");
        List<LLMMessage> seen = model.createCalls().get(1).messages();
        assertThat(seen).filteredOn(SystemMessage.class::isInstance).extracting(m -> ((SystemMessage) m).content())
                .anySatisfy(text -> assertThat(text).contains("File: story.md (rev 1):\nA bunny.\nThe end."));
    }

    @Test
    void clearingEmptiesTheCanvasTheToolsStillWriteTo() {
        var memory = new TextCanvasMemory();
        var tool = memory.updateFileTool();
        memory.canvas().addOrUpdateFile("old.md", "x");
        memory.clear();
        tool.run(new UpdateFileTool.Args("new.md", "y"), new dev.autogen.core.CancellationToken());
        assertThat(memory.canvas().listFiles()).containsOnlyKeys("new.md");
    }
}
