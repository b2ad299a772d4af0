package dev.autogen.ext.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.memory.Memory;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.memory.MemoryMimeType;
import dev.autogen.core.memory.UpdateContextResult;
import dev.autogen.core.model_context.UnboundedChatCompletionContext;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.memory.lucene.HashingEmbeddingFunction;
import dev.autogen.ext.memory.lucene.LuceneVectorMemory;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A memory that indexes its documents at first use: from folders, from a jar on the class path, from a config. */
class DocumentMemoryTest {
    private static final CancellationToken TOKEN = new CancellationToken();

    @TempDir
    Path dir;

    private static LuceneVectorMemory.Builder lucene() {
        return LuceneVectorMemory.builder(new HashingEmbeddingFunction(HashingEmbeddingFunction.DEFAULT_DIMENSIONS)).k(1);
    }

    private Path handbook() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("handbook"));
        Files.writeString(docs.resolve("refunds.md"), "# Refunds\n\nRefunds are paid within 14 days of a cancelled booking.\n");
        Files.writeString(docs.resolve("pets.md"), "# Pets\n\nSmall dogs travel in the cabin for a fee of 40 euros.\n");
        return docs;
    }

    @Test
    void theFirstQueryIndexesTheFolderOnceAndUpdateContextShowsTheClosestChunk() throws Exception {
        Path docs = handbook();
        try (var index = lucene().inMemory(true).build();
                var memory = DocumentMemory.builder(index).source(docs).build()) {
            assertThat(index.size()).as("building indexes nothing").isZero();

            var context = new UnboundedChatCompletionContext();
            context.addMessage(new UserMessage("Can my dog travel in the cabin?", "user"));
            UpdateContextResult added = memory.updateContext(context);

            assertThat(added.memories().results()).singleElement().satisfies(item -> {
                assertThat(item.content().toString()).contains("Small dogs travel in the cabin");
                assertThat(item.metadata()).containsEntry("source", docs.resolve("pets.md").toAbsolutePath().toString());
            });
            int chunks = index.size();
            assertThat(chunks).isEqualTo(2);
            assertThat(memory.query("When are refunds paid?").results().getFirst().content().toString())
                    .contains("within 14 days");
            assertThat(index.size()).as("no second indexing").isEqualTo(chunks);
            assertThat(memory.index(TOKEN)).singleElement().satisfies(result -> assertThat(result.filesAdded()).isEqualTo(2));
        }
    }

    @Test
    void aFolderInsideAJarOnTheClassPathIsIndexed() throws Exception {
        Path jar = dir.resolve("docs.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("com/example/faq/"));
            out.closeEntry();
            for (String[] file : new String[][] {{"opening.md", "The shop opens at nine on weekdays."},
                    {"returns.md", "Returned goods need the receipt."}}) {
                out.putNextEntry(new JarEntry("com/example/faq/" + file[0]));
                out.write(file[1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, before)) {
            thread.setContextClassLoader(loader);
            try (var memory = DocumentMemory.builder(lucene().inMemory(true).build()).source("classpath:com/example/faq")
                    .build()) {
                var found = memory.query("When does the shop open?").results();
                assertThat(found).singleElement().satisfies(item -> {
                    assertThat(item.content().toString()).contains("opens at nine");
                    assertThat(item.metadata().get("source").toString()).endsWith("com/example/faq/opening.md");
                });
            }
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void withAManifestAPersistentIndexIsNotFilledTwiceAndClearStartsOver() throws Exception {
        Path docs = handbook();
        Path manifest = dir.resolve("index/manifest.json");
        try (var memory = DocumentMemory.builder(DocumentIndexer.builder(lucene().persistencePath(dir.resolve("index"))
                .build()).manifest(manifest).build()).source(docs).build()) {
            memory.query("refunds");
        }
        try (var index = lucene().persistencePath(dir.resolve("index")).build();
                var memory = DocumentMemory.builder(DocumentIndexer.builder(index).manifest(manifest).build()).source(docs)
                        .build()) {
            memory.query("refunds");
            assertThat(index.size()).isEqualTo(2);
            assertThat(memory.index(TOKEN).getFirst().filesUnchanged()).isEqualTo(2);

            memory.clear();
            assertThat(manifest).doesNotExist();
            memory.query("refunds");
            assertThat(index.size()).isEqualTo(2);
        }
    }

    @Test
    void itLoadsFromAConfigAndDumpsTheSame() throws Exception {
        Path docs = handbook();
        String json = """
                {"provider": "dev.autogen.ext.documents.DocumentMemory", "component_type": "memory",
                 "config": {"memory": {"provider": "dev.autogen.ext.memory.lucene.LuceneVectorMemory",
                   "component_type": "memory", "config": {"collection_name": "handbook", "k": 1, "in_memory": true,
                   "embedding_function_config": {"function_type": "hashing", "dimensions": 256}}},
                  "sources": ["%s"], "chunk_size": 500, "overlap": 50}}""".formatted(docs.toString().replace("\\", "\\\\"));

        try (var memory = (DocumentMemory) ComponentLoader.loadComponent(json, Memory.class)) {
            assertThat(memory.name()).isEqualTo("handbook");
            assertThat(memory.query("dog in the cabin").results().getFirst().content().toString()).contains("Small dogs");
            JsonNode config = AutogenJson.mapper().readTree(memory.dumpComponent().toJson()).get("config");
            assertThat(config.get("sources").get(0).asText()).isEqualTo(docs.toString());
            assertThat(config.get("chunk_size").asInt()).isEqualTo(500);
            assertThat(config.at("/memory/config/in_memory").asBoolean()).isTrue();
        }
    }

    @Test
    void missingSourcesAreNamedWhenTheConfigLoads() {
        String base = """
                {"provider": "dev.autogen.ext.documents.DocumentMemory", "component_type": "memory",
                 "config": {"memory": {"provider": "autogen_core.memory.ListMemory", "component_type": "memory",
                   "config": {}}, "sources": %s}}""";

        assertThatThrownBy(() -> ComponentLoader.loadComponent(base.formatted("[\"no/such/folder\"]"), Memory.class))
                .isInstanceOf(ComponentLoadException.class).hasMessageContaining("nothing to index at 'no/such/folder'")
                .hasMessageNotContaining("Exception");
        assertThatThrownBy(() -> ComponentLoader.loadComponent(base.formatted("[\"classpath:no/such/faq\"]"), Memory.class))
                .hasMessageContaining("'classpath:no/such/faq': no such resource on the class path");
        assertThatThrownBy(() -> ComponentLoader.loadComponent(base.formatted("[]"), Memory.class))
                .hasMessageContaining("sources").hasMessageContaining("at least one");
    }

    @Test
    void addedItemsSitBesideTheDocuments() throws Exception {
        try (var index = lucene().inMemory(true).build();
                var memory = DocumentMemory.builder(index).source(handbook()).build()) {
            memory.add(new MemoryContent("The user flies with a cat.", MemoryMimeType.TEXT));
            memory.query("cat");
            assertThat(index.size()).isEqualTo(3);
            assertThat(List.of(memory.memory())).containsExactly(index);
        }
    }
}
