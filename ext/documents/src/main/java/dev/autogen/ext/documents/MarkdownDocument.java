package dev.autogen.ext.documents;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file as Markdown.
 *
 * @param title the document's title (an HTML title, a file name), null if it has none
 * @param markdown the content
 */
public record MarkdownDocument(@Nullable String title, String markdown) {
    public MarkdownDocument {
        Objects.requireNonNull(markdown, "markdown");
    }
}
