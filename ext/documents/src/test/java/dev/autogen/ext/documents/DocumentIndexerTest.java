package dev.autogen.ext.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.memory.ListMemory;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.ext.memory.lucene.HashingEmbeddingFunction;
import dev.autogen.ext.memory.lucene.LuceneVectorMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files of every format indexed into the Lucene vector memory, then indexed again after changes. */
class DocumentIndexerTest {
    @TempDir
    Path dir;

    private LuceneVectorMemory memory(Path folder) {
        return LuceneVectorMemory.builder(new HashingEmbeddingFunction(HashingEmbeddingFunction.DEFAULT_DIMENSIONS))
                .persistencePath(folder).k(3).build();
    }

    @Test
    void everyFormatIsChunkedWithItsSourceAndUnchangedFilesAreSkippedNextTime() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        SampleFiles.writeAll(docs);
        Files.createDirectories(docs.resolve(".git"));
        Files.writeString(docs.resolve(".git/config"), "hidden, never indexed");
        Path manifest = dir.resolve("manifest.json");
        try (var memory = memory(dir.resolve("index"))) {
            var first = DocumentIndexer.builder(memory).chunkSize(200).overlap(20).manifest(manifest).build()
                    .index(docs);

            assertThat(first.filesAdded()).isEqualTo(8);
            assertThat(first.skipped()).singleElement().asString().contains("blob.bin");
            assertThat(memory.size()).isEqualTo(first.chunksAdded());
            List<MemoryContent> found = memory.query("launch code ORCHID", Map.of("source",
                    docs.resolve("paper.pdf").toString()), new dev.autogen.core.CancellationToken()).results();
            assertThat(found).isNotEmpty();
            assertThat(found.getFirst().content().toString()).contains("launch code is ORCHID");
            assertThat(found.getFirst().metadata()).containsEntry("chunk", 0).containsKey("sha256");
            assertThat(memory.query("Quarterly page", Map.of("source", docs.resolve("page.html").toString()),
                    new dev.autogen.core.CancellationToken()).results().getFirst().metadata())
                    .containsEntry("title", "Quarterly page");
        }
        try (var memory = memory(dir.resolve("index"))) {
            var again = DocumentIndexer.builder(memory).manifest(manifest).build().index(docs);
            assertThat(again.filesUnchanged()).isEqualTo(8);
            assertThat(again.chunksAdded()).isZero();
        }
    }

    @Test
    void aChangedFileReplacesItsChunksAndADeletedFileLeavesTheMemory() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("a.md"), "# Alpha\n\nThe alpha team meets on Monday.\n");
        Files.writeString(docs.resolve("b.txt"), "Beta notes.");
        try (var memory = memory(dir.resolve("index"))) {
            var indexer = DocumentIndexer.builder(memory).manifest(dir.resolve("m.json")).build();
            indexer.index(docs);
            assertThat(memory.size()).isEqualTo(2);

            Files.writeString(docs.resolve("a.md"), "# Alpha\n\nThe alpha team now meets on Friday.\n");
            Files.delete(docs.resolve("b.txt"));
            var result = indexer.index(docs);

            assertThat(result.filesUpdated()).isEqualTo(1);
            assertThat(result.filesRemoved()).isEqualTo(1);
            assertThat(memory.size()).isEqualTo(1);
            assertThat(memory.query("when does alpha meet").results().getFirst().content().toString())
                    .contains("Friday");
        }
    }

    @Test
    void aMemoryThatCannotDeleteStillGetsTheNewChunksAndBadInputIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("one.txt"), "version one");
        var memory = new ListMemory();
        var indexer = DocumentIndexer.builder(memory).build();
        indexer.index(file);
        Files.writeString(file, "version two");
        indexer.index(file);
        assertThat(memory.content()).extracting(c -> c.content().toString()).containsExactly("version two");

        assertThatThrownBy(() -> indexer.index(dir.resolve("missing"))).hasMessageContaining("no such file or folder");
        Path broken = Files.writeString(dir.resolve("broken.json"), "[1, 2]");
        assertThatThrownBy(() -> DocumentIndexer.builder(memory).manifest(broken).build())
                .hasMessageContaining("is not one this indexer wrote");
        assertThatThrownBy(() -> DocumentIndexer.builder(memory).chunkSize(5).build()).hasMessageContaining("at least 20");
    }
}
