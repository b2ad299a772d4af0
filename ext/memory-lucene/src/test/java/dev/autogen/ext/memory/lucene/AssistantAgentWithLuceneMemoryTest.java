package dev.autogen.ext.memory.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.MemoryQueryEvent;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.memory.MemoryMimeType;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssistantAgentWithLuceneMemoryTest {
    @TempDir
    Path dir;

    @Test
    void theAgentReportsTheRetrievedMemoriesAndTheModelSeesThem() {
        var model = new ReplayChatCompletionClient(java.util.List.of("It is 32 °C in New York today."));
        try (var memory = LuceneVectorMemory.builder(new HashingEmbeddingFunction(128)).persistencePath(dir)
                .collectionName("preferences").k(1).build()) {
            memory.add(new MemoryContent("The user prefers weather temperatures in Celsius", MemoryMimeType.TEXT,
                    Map.of("category", "preferences")));
            memory.add(new MemoryContent("The user's cat is called Tom", MemoryMimeType.TEXT, Map.of("category", "pets")));
            var agent = AssistantAgent.builder("assistant", model).memory(memory).build();

            TaskResult result = agent.run("What are the weather temperatures in New York?");

            assertThat(result.messages()).filteredOn(MemoryQueryEvent.class::isInstance).singleElement()
                    .satisfies(event -> assertThat(((MemoryQueryEvent) event).content()).singleElement().satisfies(item -> {
                        assertThat(item.content()).isEqualTo("The user prefers weather temperatures in Celsius");
                        assertThat(item.metadata()).containsEntry("category", "preferences").containsKey("score");
                    }));
            assertThat(model.createCalls().getFirst().messages()).contains(
                    new SystemMessage("\nRelevant memory content:\n1. The user prefers weather temperatures in Celsius"));
        }
    }
}
