package dev.autogen.ext.agents.file_surfer;

import dev.autogen.ext.documents.SampleFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import dev.autogen.ext.models.replay.ScriptedChatCompletionClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSurferTest {
    @TempDir
    Path base;

    private static CreateResult call(String tool, String args) {
        return CreateResult.ofCalls(List.of(new FunctionCall("c", args, tool)), RequestUsage.ZERO);
    }

    @Test
    void opensAFileAndFindsTextAsTheModelAsks() throws Exception {
        SampleFiles.writeAll(base);
        AtomicInteger step = new AtomicInteger();
        Path realBase = base.toRealPath();
        var model = new ScriptedChatCompletionClient(ModelInfo.toolCalling(), request -> switch (step.getAndIncrement()) {
            case 0 -> {
                assertThat(ScriptedChatCompletionClient.allText(request)).contains("Your file viewer is currently open to "
                        + "the file or directory 'Index of " + realBase + "'");
                yield call("open_path", "{\"path\": \"paper.pdf\"}");
            }
            case 1 -> call("find_on_page_ctrl_f", "{\"search_string\": \"launch code\"}");
            default -> "The launch code is ORCHID.";
        });
        var surfer = new FileSurfer("FileSurfer", model, FileSurfer.DEFAULT_DESCRIPTION, base);

        TaskResult opened = surfer.run("Open paper.pdf");
        String text = ((BaseChatMessage) opened.messages().get(1)).toModelText();
        assertThat(text).startsWith("Path: " + base.resolve("paper.pdf") + "\nTitle: Launch paper\n"
                + "Viewport position: Showing page 1 of 1.\n=======================\n")
                .contains("ORCHID");
        surfer.run("Find the launch code");
        TaskResult answered = surfer.run("So what is it?");
        assertThat(((BaseChatMessage) answered.messages().get(1)).toModelText()).isEqualTo("The launch code is ORCHID.");
        assertThat(model.requests().get(0).tools()).extracting(ToolSchema::name)
                .containsExactly("open_path", "page_down", "page_up", "find_next", "find_on_page_ctrl_f");
    }

    @Test
    void badArgumentsAreReportedToTheTeam() {
        var model = new ReplayChatCompletionClient(List.of(call("open_path", "{\"file\": \"x\"}"), call("open_path", "{oops")),
                ModelInfo.toolCalling());
        var surfer = new FileSurfer("FileSurfer", model, FileSurfer.DEFAULT_DESCRIPTION, base);
        assertThat(((BaseChatMessage) surfer.run("open").messages().get(1)).toModelText())
                .isEqualTo("File surfing error:\n\ntool 'open_path' needs the argument 'path' (a string)");
        assertThat(((BaseChatMessage) surfer.run("open").messages().get(1)).toModelText())
                .startsWith("File surfer encountered an error decoding JSON arguments:");
    }

    @Test
    void loadsPythonsConfigAndWritesTheBasePath() {
        String json = """
                {"provider": "autogen_ext.agents.file_surfer.FileSurfer", "component_type": "agent",
                 "config": {"name": "FileSurfer", "model_client": {"provider":
                   "autogen_ext.models.replay.ReplayChatCompletionClient", "config": {"chat_completions": []}},
                   "base_path": "%s"}}""".formatted(base);
        ChatAgent agent = ComponentLoader.loadComponent(json, ChatAgent.class);
        assertThat(agent).isInstanceOf(FileSurfer.class);
        assertThat(agent.description()).isEqualTo(FileSurfer.DEFAULT_DESCRIPTION);
        assertThat(((FileSurfer) agent).toConfig().basePath()).isEqualTo(base.toString());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ComponentLoader.loadComponent(
                json.replace(base.toString(), base.resolve("missing").toString()), ChatAgent.class)))
                .hasMessageContaining("base_path").hasMessageContaining("does not exist");
    }
}
