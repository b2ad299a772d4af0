package dev.autogen.ext.experimental.taskcentricmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.MemoryQueryEvent;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.memory.Memory;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeachabilityTest {
    private static final String ADVICE = "Whenever asked to prepare a research summary, try to cover just the 5 top items.";
    private static final String QUESTION = "How many items should be put in research summaries?";
    private static final String SYSTEM = "You are a helpful AI assistant, with the special ability to remember user"
            + " teachings from prior conversations.";

    @TempDir
    Path dir;

    private static MemoryModel teachableModel() {
        MemoryModel model = new MemoryModel()
                .topics("prepare a research summary", "summarizing research findings", "length of a report")
                .topics("put in research summaries", "research summaries", "number of items in a summary");
        model.adviceRule = text -> text.startsWith("Whenever");
        model.agent = task -> task.contains("5 top items") ? "Five." : "Understood.";
        return model;
    }

    @Test
    void anAgentLearnsAdviceInOneConversationAndSeesItInTheNext() {
        MemoryModel model = teachableModel();
        try (var controller = MemoryController.builder(model.client).reset(true)
                .config(MemoryControllerConfig.at(dir.toString())).build()) {
            var agent = AssistantAgent.builder("teachable_agent", model.client).systemMessage(SYSTEM)
                    .memory(new Teachability(controller)).build();
            TaskResult taught = agent.run(ADVICE);
            assertThat(taught.messages()).noneMatch(MemoryQueryEvent.class::isInstance);
            assertThat(controller.memoryBank().memos().values()).containsExactly(new Memo(null, ADVICE));
        }

        try (var controller = MemoryController.builder(model.client).config(MemoryControllerConfig.at(dir.toString()))
                .build()) {
            var agent = AssistantAgent.builder("teachable_agent", model.client).systemMessage(SYSTEM)
                    .memory(new Teachability(controller)).build();
            TaskResult answered = agent.run(QUESTION);

            assertThat(answered.messages()).filteredOn(MemoryQueryEvent.class::isInstance).singleElement()
                    .satisfies(event -> assertThat(((MemoryQueryEvent) event).content()).singleElement()
                            .satisfies(item -> assertThat(item.content()).isEqualTo(ADVICE)));
            CreateRequest agentCall = model.client.requests().stream()
                    .filter(r -> r.messages().getFirst().equals(new dev.autogen.core.models.SystemMessage(SYSTEM)))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(agentCall.messages()).endsWith(new UserMessage(QUESTION, "user"),
                    new UserMessage("\nPotentially relevant memories:\n1. " + ADVICE, "user"));
            assertThat(answered.messages().getLast().toText()).isEqualTo("Five.");
        }
    }

    @Test
    void addStoresAdviceQueryFindsItAndClearForgetsIt() {
        MemoryModel model = teachableModel();
        try (var controller = MemoryController.builder(model.client).reset(true)
                .config(MemoryControllerConfig.at(dir.toString())).build()) {
            Memory teachability = new Teachability(controller);
            teachability.add(new dev.autogen.core.memory.MemoryContent(ADVICE, dev.autogen.core.memory.MemoryMimeType.TEXT));
            teachability.add(new dev.autogen.core.memory.MemoryContent("Nice weather today.",
                    dev.autogen.core.memory.MemoryMimeType.TEXT));

            assertThat(teachability.query(QUESTION).results()).extracting(item -> item.content()).containsExactly(ADVICE);
            teachability.clear();
            assertThat(teachability.query(QUESTION).results()).isEmpty();
        }
    }

    @Test
    void aConfigRoundTripsAndLoadsATeachabilityThatRemembers() throws Exception {
        var config = new TeachabilityConfig("lessons", new ReplayChatCompletionClient(List.of("None")).dumpComponent(),
                false, MemoryControllerConfig.at(dir.toString()).withTrials(2, 1));
        JsonNode json = AutogenJson.mapper().valueToTree(new Teachability.Provider().toModel(config));
        assertThat(json.get("provider").asText()).isEqualTo(Teachability.PROVIDER);
        assertThat(json.get("component_type").asText()).isEqualTo("memory");
        assertThat(json.at("/config/MemoryController/MemoryBank/path").asText()).isEqualTo(dir.toString());
        assertThat(json.at("/config/MemoryController/max_train_trials").asInt()).isEqualTo(2);

        try (Memory loaded = ComponentLoader.defaultLoader().load(json, Memory.class)) {
            assertThat(loaded).isInstanceOf(Teachability.class);
            assertThat(loaded.name()).isEqualTo("lessons");
            JsonNode dumped = AutogenJson.mapper().valueToTree(loaded.dumpComponent());
            assertThat(dumped.get("config")).isEqualTo(json.get("config"));
            // loading writes nothing: the folder is opened at the first use
            assertThat(dir.resolve(MemoryBank.MEMOS_FILE)).doesNotExist();
        }
    }

    @Test
    void aBadConfigIsRefusedNamingTheField() throws Exception {
        JsonNode json = AutogenJson.mapper().readTree("""
                {"provider": "dev.autogen.ext.experimental.taskcentricmemory.Teachability", "component_type": "memory",
                 "config": {"model_client": {"provider": "autogen_ext.models.replay.ReplayChatCompletionClient",
                                             "config": {"chat_completions": []}},
                            "MemoryController": {"max_train_trials": 0}}}""");
        assertThatThrownBy(() -> ComponentLoader.defaultLoader().load(json, Memory.class))
                .isInstanceOf(ComponentLoadException.class).hasMessageContaining("max_train_trials must be at least 1");

        JsonNode badEmbedding = AutogenJson.mapper().readTree("""
                {"provider": "dev.autogen.ext.experimental.taskcentricmemory.Teachability", "component_type": "memory",
                 "config": {"model_client": {"provider": "autogen_ext.models.replay.ReplayChatCompletionClient",
                                             "config": {"chat_completions": []}},
                            "MemoryController": {"MemoryBank": {"embedding_function_config": {"function_type": "custom"}}}}}""");
        assertThatThrownBy(() -> ComponentLoader.defaultLoader().load(badEmbedding, Memory.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("MemoryController.MemoryBank.embedding_function_config")
                .hasMessageContaining("function_type 'custom'");
    }
}
