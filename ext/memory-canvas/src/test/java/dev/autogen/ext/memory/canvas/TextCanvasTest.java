package dev.autogen.ext.memory.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TextCanvasTest {
    private static final String FIRST = "Once upon a time.\nA bunny lived in a field.\nThe end.\n";
    private static final String SECOND = "Once upon a time.\nA bunny lived by a sunflower.\nThe end.\n";

    @Test
    void everyRevisionIsKeptAndAnyTwoCompare() {
        var canvas = new TextCanvas();
        canvas.addOrUpdateFile("story.md", FIRST);
        canvas.addOrUpdateFile("story.md", SECOND);
        canvas.addOrUpdateFile("notes.txt", "ideas");

        assertThat(canvas.listFiles()).containsExactly(Map.entry("story.md", 2), Map.entry("notes.txt", 1));
        assertThat(canvas.revisionContent("story.md", 1)).isEqualTo(FIRST);
        assertThat(canvas.latestContent("story.md")).isEqualTo(SECOND);
        assertThat(canvas.revisionContent("story.md", 3)).isEmpty();
        assertThat(canvas.latestContent("missing.md")).isEmpty();
        assertThat(canvas.diff("story.md", 1, 2)).isEqualTo("""
                --- story.md@r1
                +++ story.md@r2
                @@ -1,3 +1,3 @@
                 Once upon a time.
                -A bunny lived in a field.
                +A bunny lived by a sunflower.
                 The end.
                """);
        assertThat(canvas.revisionDiffs("story.md")).containsExactly(canvas.diff("story.md", 1, 2));
        assertThat(canvas.diff("story.md", 7, 8)).isEmpty();
    }

    @Test
    void aPatchMadeFromADiffMakesTheNextRevision() {
        var canvas = new TextCanvas();
        canvas.addOrUpdateFile("story.md", FIRST);
        var scratch = new TextCanvas();
        scratch.addOrUpdateFile("s", FIRST);
        scratch.addOrUpdateFile("s", SECOND);

        canvas.applyPatch("story.md", scratch.diff("s", 1, 2));

        assertThat(canvas.listFiles()).containsEntry("story.md", 2);
        assertThat(canvas.latestContent("story.md")).isEqualTo(SECOND);
    }

    @Test
    void aPatchOfSeveralHunksAppliesEachWhereItBelongs() {
        String before = String.join("\n", java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> "line " + i)
                .toList()) + "\n";
        String after = before.replace("line 3\n", "line three\nline 3.5\n").replace("line 27\n", "");
        var scratch = new TextCanvas();
        scratch.addOrUpdateFile("s", before);
        scratch.addOrUpdateFile("s", after);
        String patch = scratch.diff("s", 1, 2);
        assertThat(patch.split("@@ ").length - 1).isEqualTo(2);

        var canvas = new TextCanvas();
        canvas.addOrUpdateFile("f", before);
        canvas.applyPatch("f", patch);

        assertThat(canvas.latestContent("f")).isEqualTo(after);
    }

    @Test
    void aHunkWithLineNumbersALittleOffStillAppliesWhereItsContextIs() {
        var canvas = new TextCanvas();
        canvas.addOrUpdateFile("story.md", "Title\n\n" + FIRST);
        canvas.applyPatch("story.md", """
                --- story.md
                +++ story.md
                @@ -1,3 +1,3 @@
                 Once upon a time.
                -A bunny lived in a field.
                +A bunny lived by a sunflower.
                 The end.
                """);
        assertThat(canvas.latestContent("story.md")).isEqualTo("Title\n\n" + SECOND);
    }

    @Test
    void badPatchesAreRefusedNamingWhatIsWrongAndChangeNothing() {
        var canvas = new TextCanvas();
        assertThatThrownBy(() -> canvas.applyPatch("story.md", "@@ -1 +1 @@\n-a\n+b\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("File 'story.md' does not exist on the canvas; create it first.");
        canvas.addOrUpdateFile("story.md", FIRST);
        assertThatThrownBy(() -> canvas.applyPatch("story.md", "  ")).hasMessage("Empty patch text provided.");
        assertThatThrownBy(() -> canvas.applyPatch("story.md", "make the bunny purple"))
                .hasMessageContaining("has no hunks");
        assertThatThrownBy(() -> canvas.applyPatch("story.md", """
                @@ -1,2 +1,2 @@
                 A dragon slept.
                -It snored.
                +It woke.
                """)).hasMessageContaining("the patch does not fit the latest revision of 'story.md'");
        assertThat(canvas.listFiles()).containsEntry("story.md", 1);
    }

    @Test
    void theContextViewListsEveryFileAtItsLatestRevision() {
        var canvas = new TextCanvas();
        assertThat(canvas.allContentsForContext()).isEqualTo("=== CANVAS FILES ===\n=== END OF CANVAS ===");
        canvas.addOrUpdateFile("a.md", "one");
        canvas.addOrUpdateFile("a.md", "two");
        assertThat(canvas.allContentsForContext())
                .isEqualTo("=== CANVAS FILES ===\nFile: a.md (rev 2):\ntwo\n\n=== END OF CANVAS ===");
    }

    @Test
    void concurrentWritersLoseNoRevision() throws Exception {
        var canvas = new TextCanvas();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                writes.add(pool.submit(() -> canvas.addOrUpdateFile("f" + (n % 4), "v" + n)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        }
        assertThat(canvas.listFiles()).containsOnly(Map.entry("f0", 100), Map.entry("f1", 100), Map.entry("f2", 100),
                Map.entry("f3", 100));
    }
}
