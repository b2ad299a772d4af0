package dev.autogen.ext.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into chunks of at most {@code size} characters that overlap by about {@code overlap}
 * characters, cutting where the text breaks most naturally within the last half of a chunk: a blank
 * line, then a line end, then a sentence end, then a space; a word longer than a chunk is cut where it
 * must be.
 *
 * <!-- java-context: import java.util.List; String markdown; -->
 * <pre>{@code
 * List<String> chunks = new TextChunker(1_000, 100).split(markdown);
 * }</pre>
 *
 * @param size the longest chunk, in characters
 * @param overlap how many characters of a chunk's end the next chunk starts with, about
 */
public record TextChunker(int size, int overlap) {
    private static final String[] BREAKS = {"\n\n", "\n", ". ", "? ", "! ", " "};

    /**
     * @throws IllegalArgumentException if {@code size} is below 20 or {@code overlap} is negative or not
     *     below half the size
     */
    public TextChunker {
        if (size < 20) {
            throw new IllegalArgumentException("chunk size must be at least 20 characters, not " + size);
        }
        if (overlap < 0 || overlap >= size / 2) {
            throw new IllegalArgumentException("chunk overlap must be between 0 and half the chunk size (" + size / 2
                    + "), not " + overlap);
        }
    }

    /** The chunks of {@code text}, each stripped of surrounding whitespace; none for blank text. */
    public List<String> split(String text) {
        List<String> chunks = new ArrayList<>();
        int start = skipSpace(text, 0);
        while (start < text.length()) {
            int end = Math.min(start + size, text.length());
            if (end < text.length()) {
                end = breakBefore(text, start, end);
            }
            String chunk = text.substring(start, end).strip();
            if (!chunk.isEmpty()) {
                chunks.add(chunk);
            }
            if (end >= text.length()) {
                break;
            }
            start = skipSpace(text, Math.max(nextStart(text, start, end), start + 1));
        }
        return chunks;
    }

    private int breakBefore(String text, int start, int end) {
        int earliest = start + size / 2;
        for (String separator : BREAKS) {
            int at = text.lastIndexOf(separator, end - separator.length());
            if (at >= earliest) {
                return at + separator.length();
            }
        }
        return end;
    }

    /**
     * Where the next chunk starts: {@code overlap} characters back, moved forward to the start of a
     * sentence or line when one is in the overlap, else of a word.
     */
    private int nextStart(String text, int start, int end) {
        if (overlap == 0) {
            return end;
        }
        int back = Math.max(end - overlap, start + 1);
        for (String separator : BREAKS) {
            int at = text.indexOf(separator, back);
            if (at >= 0 && at + separator.length() < end) {
                return at + separator.length();
            }
        }
        return back;
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
