package dev.autogen.core.code_executor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts fenced code blocks from markdown, as Python AutoGen's {@code extract_markdown_code_blocks}
 * does for {@code CodeExecutorAgent}: a block opens with three backticks and an optional language
 * tag (letters, digits, {@code _ + -}) ending the line, and closes at the next three backticks.
 *
 * <pre>{@code
 * List<CodeBlock> blocks = MarkdownCodeBlocks.extract("Run this:\n```python\nprint(1)\n```\n");
 * // [CodeBlock[code=print(1)\n, language=python]]
 * }</pre>
 */
public final class MarkdownCodeBlocks {
    private static final Pattern FENCED =
            Pattern.compile("```(?:\\s*([\\w+\\-]+))?\\n([\\s\\S]*?)```", Pattern.UNICODE_CHARACTER_CLASS);

    private MarkdownCodeBlocks() {
    }

    /**
     * The fenced blocks of {@code markdown} in order. The code keeps its trailing newline; the
     * language is empty for an untagged fence. Text without fences gives an empty list.
     */
    public static List<CodeBlock> extract(String markdown) {
        List<CodeBlock> blocks = new ArrayList<>();
        Matcher m = FENCED.matcher(markdown);
        while (m.find()) {
            String language = m.group(1) == null ? "" : m.group(1).strip();
            blocks.add(new CodeBlock(m.group(2), language));
        }
        return List.copyOf(blocks);
    }
}
