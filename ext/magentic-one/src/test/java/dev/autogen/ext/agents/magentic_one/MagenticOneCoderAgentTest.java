package dev.autogen.ext.agents.magentic_one;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.List;
import org.junit.jupiter.api.Test;

class MagenticOneCoderAgentTest {
    @Test
    void usesMagenticOnesPromptsAndWritesItsOwnProvider() {
        var model = new ReplayChatCompletionClient(List.of("```python\nprint(1)\n```"));
        var coder = new MagenticOneCoderAgent("Coder", model);

        coder.run("Print one.");
        List<LLMMessage> sent = model.createCalls().get(0).messages();
        assertThat(sent.get(0)).isEqualTo(new SystemMessage(MagenticOneCoderAgent.SYSTEM_MESSAGE));
        assertThat(coder.description()).isEqualTo(MagenticOneCoderAgent.DESCRIPTION);

        ComponentModel config = coder.dumpComponent();
        assertThat(config.provider()).isEqualTo("autogen_ext.agents.magentic_one.MagenticOneCoderAgent");
        ChatAgent loaded = ComponentLoader.loadComponent(config.toJson().replace("You are a helpful AI assistant.",
                "You are a pirate."), ChatAgent.class);
        assertThat(loaded).isInstanceOf(MagenticOneCoderAgent.class);
        assertThat(loaded.name()).isEqualTo("Coder");
        assertThat(((MagenticOneCoderAgent) loaded).toConfig().systemMessage())
                .as("the prompts are sealed, as in Python").isEqualTo(MagenticOneCoderAgent.SYSTEM_MESSAGE);
    }
}
