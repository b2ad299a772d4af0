package dev.autogen.ext.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextChunkerTest {
    private static final String TEXT = IntStream.rangeClosed(1, 40)
            .mapToObj(i -> "Sentence number " + i + " says something.").collect(Collectors.joining(" "));

    @Test
    void chunksStayWithinTheSizeEndAtSentencesAndOverlap() {
        List<String> chunks = new TextChunker(200, 50).split(TEXT);

        assertThat(chunks).hasSizeGreaterThan(5).allSatisfy(chunk -> {
            assertThat(chunk.length()).isLessThanOrEqualTo(200);
            assertThat(chunk).startsWith("Sentence").doesNotStartWith(" ");
        });
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(chunk -> assertThat(chunk).endsWith("."));
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1);
            String firstWords = chunks.get(i).substring(0, 20);
            assertThat(previous).as("chunk %d starts inside the one before", i).contains(firstWords);
        }
        assertThat(String.join(" ", chunks)).contains("Sentence number 40 says something.");
    }

    @Test
    void paragraphsAreKeptWholeWhenTheyFitAndWithoutOverlapNothingRepeats() {
        String text = "First paragraph, short.\n\nSecond paragraph is here.\n\nThird one ends it.";
        assertThat(new TextChunker(60, 0).split(text))
                .containsExactly("First paragraph, short.\n\nSecond paragraph is here.", "Third one ends it.");
        assertThat(new TextChunker(1_000, 100).split(text)).containsExactly(text);
        assertThat(new TextChunker(100, 10).split("  \n ")).isEmpty();
    }

    @Test
    void aWordLongerThanAChunkIsCutAndBadSettingsAreRefused() {
        String word = "x".repeat(130);
        assertThat(new TextChunker(50, 0).split(word)).containsExactly("x".repeat(50), "x".repeat(50), "x".repeat(30));
        assertThatThrownBy(() -> new TextChunker(10, 0)).hasMessageContaining("at least 20");
        assertThatThrownBy(() -> new TextChunker(100, 60)).hasMessageContaining("between 0 and half the chunk size (50)");
    }
}
