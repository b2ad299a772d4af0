package dev.autogen.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.Image;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.model_context.BufferedChatCompletionContext;
import dev.autogen.core.model_context.UnboundedChatCompletionContext;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.serialization.AutogenJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ListMemoryTest {
    private static final ObjectMapper JSON = AutogenJson.mapper();

    @Test
    void updateContextAppendsOneNumberedSystemMessageWorded() {
        var memory = new ListMemory("chat_history");
        memory.add(new MemoryContent("The user prefers metric units", MemoryMimeType.TEXT));
        memory.add(new MemoryContent("The user lives in Paris", MemoryMimeType.TEXT));
        var context = new BufferedChatCompletionContext(10);

        UpdateContextResult result = memory.updateContext(context);

        assertThat(context.getMessages()).containsExactly(new SystemMessage(
                "\nRelevant memory content (in chronological order):\n"
                        + "1. The user prefers metric units\n2. The user lives in Paris\n"));
        assertThat(result.memories().results()).isEqualTo(memory.content());
    }

    @Test
    void emptyMemoryLeavesTheContextAlone() {
        var context = new UnboundedChatCompletionContext();

        UpdateContextResult result = new ListMemory().updateContext(context);

        assertThat(context.getMessages()).isEmpty();
        assertThat(result.memories().results()).isEmpty();
    }

    @Test
    void nonTextContentReadsAsPythonWouldPrintIt() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("city", "Paris");
        data.put("units", List.of("metric", true, 3));
        data.put("note", null);

        assertThat(ListMemory.pythonStr(data)).isEqualTo("{'city': 'Paris', 'units': ['metric', True, 3], 'note': None}");
        assertThat(ListMemory.pythonStr("it's".getBytes(StandardCharsets.UTF_8))).isEqualTo("b\"it's\"");
    }

    @Test
    void queryReturnsEverythingAndClearEmpties() {
        var memory = new ListMemory();
        memory.add(new MemoryContent("a", MemoryMimeType.TEXT));
        memory.add(new MemoryContent("b", MemoryMimeType.MARKDOWN));

        assertThat(memory.query("anything").results()).extracting(MemoryContent::content).containsExactly("a", "b");
        assertThat(memory.name()).isEqualTo("default_list_memory");

        memory.clear();

        assertThat(memory.query("anything").results()).isEmpty();
    }

    @Test
    void cancelledAddStoresNothing() {
        var memory = new ListMemory();
        var token = new CancellationToken();
        token.cancel();

        assertThatThrownBy(() -> memory.add(new MemoryContent("x", MemoryMimeType.TEXT), token))
                .isInstanceOf(CancellationException.class);
        assertThat(memory.content()).isEmpty();
    }

    @Test
    void contentJsonMatchesPythonAndConfigRoundTrips() throws Exception {
        var memory = new ListMemory("prefs", List.of(
                new MemoryContent("metric", MemoryMimeType.TEXT),
                new MemoryContent(Map.of("city", "Paris"), MemoryMimeType.JSON, Map.of("source", "profile")),
                new MemoryContent("raw".getBytes(StandardCharsets.UTF_8), "application/x-custom", null)));

        JsonNode config = JSON.valueToTree(memory.toConfig());

        assertThat(config).isEqualTo(JSON.readTree("""
                {"name": "prefs", "memory_contents": [
                  {"content": "metric", "mime_type": "text/plain", "metadata": null},
                  {"content": {"city": "Paris"}, "mime_type": "application/json", "metadata": {"source": "profile"}},
                  {"content": "raw", "mime_type": "application/x-custom", "metadata": null}]}
                """));
        Memory loaded = ComponentLoader.loadComponent(memory.dumpComponent().toJson(), Memory.class);
        assertThat(loaded).isInstanceOfSatisfying(ListMemory.class, list -> {
            assertThat(list.name()).isEqualTo("prefs");
            assertThat(list.content().get(1).content()).isEqualTo(Map.of("city", "Paris"));
            assertThat(list.content().get(1).knownMimeType()).contains(MemoryMimeType.JSON);
        });
        assertThat(memory.dumpComponent().provider()).isEqualTo("autogen_core.memory.ListMemory");
        assertThat(memory.dumpComponent().componentType()).isEqualTo("memory");
        assertThat(ComponentLoader.loadComponent("{\"provider\": \"autogen_core.memory.ListMemory\", \"config\": {}}",
                Memory.class).name()).isEqualTo("default_list_memory");
    }

    @Test
    void imageContentRoundTripsAsPythonsImageJson() throws Exception {
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
        var content = new MemoryContent(Image.fromBase64(png), MemoryMimeType.IMAGE);

        JsonNode json = JSON.valueToTree(content);

        assertThat(json).isEqualTo(JSON.readTree(
                "{\"content\": {\"data\": \"" + png + "\"}, \"mime_type\": \"image/*\", \"metadata\": null}"));
        assertThat(JSON.treeToValue(json, MemoryContent.class)).isEqualTo(content);
    }

    @Test
    void mimeTypesHavePythonsValues() {
        assertThat(MemoryMimeType.values()).extracting(MemoryMimeType::value).containsExactly(
                "text/plain", "application/json", "text/markdown", "image/*", "application/octet-stream");
    }

    @Test
    void unsupportedContentTypeIsRejected() {
        assertThatThrownBy(() -> new MemoryContent(42, MemoryMimeType.TEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer");
    }
}
