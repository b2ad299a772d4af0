package dev.autogen.ext.experimental.taskcentricmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.ext.memory.lucene.HashingEmbeddingFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryBankTest {
    @TempDir
    Path dir;

    @Test
    void aDamagedMemosFileIsNamedWithWhatIsWrong() throws Exception {
        Files.writeString(dir.resolve(MemoryBank.MEMOS_FILE), "{\"memos\": {\"first\": {\"insight\": \"x\"}}}");
        try (var embeddings = new HashingEmbeddingFunction(64);
                var bank = MemoryBank.open(false, MemoryBankConfig.at(dir.toString()), embeddings)) {
            assertThatThrownBy(bank::containsMemos).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("memory bank file " + dir.resolve(MemoryBank.MEMOS_FILE))
                    .hasMessageContaining("memo id 'first'");
        }
    }

    @Test
    void openingWritesNothingUntilTheFirstUseAndAMemoNeedsATopic() {
        try (var embeddings = new HashingEmbeddingFunction(64);
                var bank = MemoryBank.open(true, MemoryBankConfig.at(dir.resolve("bank").toString()), embeddings)) {
            assertThat(dir.resolve("bank")).doesNotExist();
            assertThatThrownBy(() -> bank.addMemo("an insight", List.of(), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one topic");
            bank.addMemo("an insight", List.of("a topic"), null);
            assertThat(dir.resolve("bank").resolve(MemoryBank.MEMOS_FILE)).exists();
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new MemoryBankConfig(null, null, 0, null, null))
                .hasMessage("n_results must be at least 1, got 0");
        assertThatThrownBy(() -> MemoryBankConfig.at(" ")).hasMessageContaining("path must name a folder");
    }
}
