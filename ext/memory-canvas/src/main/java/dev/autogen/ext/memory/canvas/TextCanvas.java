package dev.autogen.ext.memory.canvas;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Text files kept in memory with every revision (numbered from 1), as Python's {@code TextCanvas}:
 * files are created or replaced whole ({@link #addOrUpdateFile}) or changed by a unified diff
 * ({@link #applyPatch}), and any two revisions can be compared ({@link #diff}). Safe for concurrent use.
 *
 * <pre>{@code
 * var canvas = new TextCanvas();
 * canvas.addOrUpdateFile("story.md", "Once upon a time.\n");
 * canvas.addOrUpdateFile("story.md", "Once upon a time, a bunny.\n");
 * String change = canvas.diff("story.md", 1, 2);
 * }</pre>
 */
public final class TextCanvas {
    private final Map<String, List<String>> revisions = new LinkedHashMap<>();

    /** Each file's latest revision number. */
    public synchronized Map<String, Integer> listFiles() {
        Map<String, Integer> files = new LinkedHashMap<>();
        revisions.forEach((name, contents) -> files.put(name, contents.size()));
        return files;
    }

    /** The latest content of a file, or {@code ""} if there is no such file (as Python's). */
    public synchronized String latestContent(String filename) {
        List<String> contents = revisions.get(filename);
        return contents == null ? "" : contents.getLast();
    }

    /** The content of one revision, or {@code ""} if the file or revision does not exist (as Python's). */
    public synchronized String revisionContent(String filename, int revision) {
        List<String> contents = revisions.get(filename);
        return contents == null || revision < 1 || revision > contents.size() ? "" : contents.get(revision - 1);
    }

    /** Creates the file at revision 1, or adds a revision with {@code content}. */
    public synchronized void addOrUpdateFile(String filename, String content) {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(content, "content");
        revisions.computeIfAbsent(filename, name -> new ArrayList<>()).add(content);
    }

    /**
     * A unified diff from one revision to another ({@code filename@rN} as the file names), or {@code ""}
     * when neither revision exists.
     */
    public synchronized String diff(String filename, int fromRevision, int toRevision) {
        String from = revisionContent(filename, fromRevision);
        String to = revisionContent(filename, toRevision);
        if (from.isEmpty() && to.isEmpty()) {
            return "";
        }
        return unifiedDiff(filename, fromRevision, from, toRevision, to);
    }

    /** The diff of each revision from the one before, oldest first. */
    public synchronized List<String> revisionDiffs(String filename) {
        List<String> contents = revisions.getOrDefault(filename, List.of());
        List<String> diffs = new ArrayList<>();
        for (int i = 1; i < contents.size(); i++) {
            diffs.add(unifiedDiff(filename, i, contents.get(i - 1), i + 1, contents.get(i)));
        }
        return diffs;
    }

    /**
     * Applies a unified diff to the file's latest content and saves the result as a new revision. A
     * hunk whose line numbers are off (as a model's often are) applies where its lines are, the nearest
     * such place to the line it names; the {@code ---}/{@code +++} lines may be left out.
     *
     * @throws IllegalArgumentException if the file does not exist, the patch is empty or not a unified
     *     diff, or a hunk's context is not in the file
     */
    public synchronized void applyPatch(String filename, String patchText) {
        if (!revisions.containsKey(filename)) {
            throw new IllegalArgumentException("File '" + filename + "' does not exist on the canvas; create it first.");
        }
        if (patchText == null || patchText.isBlank()) {
            throw new IllegalArgumentException("Empty patch text provided.");
        }
        List<String> patchLines = new ArrayList<>(patchText.lines().toList());
        if (patchLines.stream().noneMatch(line -> line.startsWith("--- "))) {
            patchLines.addAll(0, List.of("--- " + filename, "+++ " + filename));
        }
        Patch<String> patch = UnifiedDiffUtils.parseUnifiedDiff(patchLines);
        if (patch.getDeltas().isEmpty()) {
            throw new IllegalArgumentException("the patch for '" + filename + "' has no hunks: give a unified diff"
                    + " with '@@ -start,count +start,count @@' lines");
        }
        String original = latestContent(filename);
        List<String> patched = lines(original);
        int offset = 0;
        for (AbstractDelta<String> hunk : patch.getDeltas()) {
            List<String> expected = hunk.getSource().getLines();
            int stated = Math.max(0, hunk.getSource().getPosition() + offset);
            int at = find(patched, expected, stated);
            if (at < 0) {
                throw new IllegalArgumentException("the patch does not fit the latest revision of '" + filename
                        + "': the lines of its hunk at line " + (hunk.getSource().getPosition() + 1) + " ("
                        + preview(expected) + ") are not in the file; make the patch from the file's current content");
            }
            List<String> replacement = hunk.getTarget().getLines();
            patched.subList(at, at + expected.size()).clear();
            patched.addAll(at, replacement);
            offset = at - hunk.getSource().getPosition() + replacement.size() - expected.size();
        }
        boolean endsWithNewline = original.isEmpty() || original.endsWith("\n");
        addOrUpdateFile(filename, String.join("\n", patched) + (endsWithNewline && !patched.isEmpty() ? "\n" : ""));
    }

    /** Every file at its latest revision, as Python's {@code get_all_contents_for_context}. */
    public synchronized String allContentsForContext() {
        StringBuilder out = new StringBuilder("=== CANVAS FILES ===");
        revisions.forEach((name, contents) -> out.append("\nFile: ").append(name).append(" (rev ")
                .append(contents.size()).append("):\n").append(contents.getLast()).append('\n'));
        return out.append("\n=== END OF CANVAS ===").toString();
    }

    /** Removes every file. */
    public synchronized void clear() {
        revisions.clear();
    }

    private static String unifiedDiff(String filename, int fromRevision, String from, int toRevision, String to) {
        List<String> original = lines(from);
        Patch<String> patch = DiffUtils.diff(original, lines(to));
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(filename + "@r" + fromRevision,
                filename + "@r" + toRevision, original, patch, 3);
        return String.join("\n", diff) + "\n";
    }

    /** Where {@code block} starts in {@code lines}, the nearest place to {@code near}; -1 if nowhere. */
    private static int find(List<String> lines, List<String> block, int near) {
        int last = lines.size() - block.size();
        for (int distance = 0; distance <= Math.max(near, last - near); distance++) {
            for (int at : new int[] {near - distance, near + distance}) {
                if (at >= 0 && at <= last && lines.subList(at, at + block.size()).equals(block)) {
                    return at;
                }
            }
        }
        return -1;
    }

    private static String preview(List<String> block) {
        String first = block.isEmpty() ? "" : block.getFirst();
        return block.isEmpty() ? "an empty hunk" : "'" + (first.length() > 60 ? first.substring(0, 60) + "..." : first)
                + "'" + (block.size() > 1 ? " and " + (block.size() - 1) + " more" : "");
    }

    private static List<String> lines(String content) {
        return content.isEmpty() ? new ArrayList<>() : new ArrayList<>(content.lines().toList());
    }
}
