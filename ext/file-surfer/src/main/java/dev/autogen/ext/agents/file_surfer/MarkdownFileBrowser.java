package dev.autogen.ext.agents.file_surfer;

import dev.autogen.ext.documents.MarkdownConverter;
import dev.autogen.ext.documents.MarkdownDocument;
import dev.autogen.ext.documents.DocumentConversionException;
import dev.autogen.ext.documents.UnsupportedFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text browser over the files of one base directory, as Python's {@code MarkdownFileBrowser}: it opens
 * a file (as Markdown) or a folder (as a listing), shows it one viewport of about {@code viewportSize}
 * characters at a time, pages up and down, and finds text (with {@code *} wildcards). Nothing outside the
 * base directory is read: paths are resolved, {@code ..} and symbolic links included, and a path that
 * ends up outside is answered like a missing file.
 *
 * <pre>{@code
 * var browser = new MarkdownFileBrowser(Path.of("data"), 5 * 1024);
 * browser.openPath("report.pdf");
 * browser.findOnPage("total revenue");
 * System.out.println(browser.viewport());
 * }</pre>
 *
 * <p>Not thread-safe. The check is made when a path is opened; run the agent with limited rights where
 * files may be swapped for links while it reads.
 */
public final class MarkdownFileBrowser {
    private static final Logger LOG = LoggerFactory.getLogger(MarkdownFileBrowser.class);
    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final Path basePath;
    private final int viewportSize;
    private final MarkdownConverter converter = new MarkdownConverter();
    private final List<Path> history = new ArrayList<>();
    private @Nullable Path lastOpened;
    private @Nullable String pageTitle;
    private String pageContent = "";
    private List<int[]> viewportPages = List.of(new int[] {0, 0});
    private int currentPage;
    private @Nullable String findQuery;
    private @Nullable Integer findLastResult;

    /**
     * A browser confined to {@code basePath}, opened on it.
     *
     * @throws IllegalArgumentException if {@code basePath} is not an existing directory
     */
    public MarkdownFileBrowser(Path basePath, int viewportSize) {
        Objects.requireNonNull(basePath, "basePath");
        if (viewportSize < 1) {
            throw new IllegalArgumentException("viewport size must be positive, got " + viewportSize);
        }
        try {
            this.basePath = basePath.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("base path '" + basePath + "' does not exist");
        }
        if (!Files.isDirectory(this.basePath)) {
            throw new IllegalArgumentException("base path '" + basePath + "' is not a directory");
        }
        this.viewportSize = viewportSize;
        openPath(this.basePath.toString());
    }

    /** The base directory, with links resolved. */
    public Path basePath() {
        return basePath;
    }

    /** The path of the open file or folder. */
    public Path path() {
        return history.get(history.size() - 1);
    }

    /** The open document's title, if it has one. */
    public @Nullable String pageTitle() {
        return pageTitle;
    }

    /** The whole open document. */
    public String pageContent() {
        return pageContent;
    }

    /** The part of the document in view. */
    public String viewport() {
        int[] bounds = viewportPages.get(currentPage);
        return pageContent.substring(bounds[0], bounds[1]);
    }

    /** The index of the page in view, from 0. */
    public int currentPage() {
        return currentPage;
    }

    /** How many viewport pages the document has. */
    public int pageCount() {
        return viewportPages.size();
    }

    /**
     * Opens {@code path}, relative to the open folder (or the open file's folder) unless absolute, and
     * returns the first viewport. A path outside the base directory, or missing, opens a "file not found"
     * page; a file that cannot be converted opens a page saying so.
     */
    public String openPath(String path) {
        Path target = resolve(path);
        history.add(target);
        currentPage = 0;
        findQuery = null;
        findLastResult = null;
        load(target);
        return viewport();
    }

    /** Shows the next page (stays on the last). */
    public void pageDown() {
        currentPage = Math.min(currentPage + 1, viewportPages.size() - 1);
    }

    /** Shows the previous page (stays on the first). */
    public void pageUp() {
        currentPage = Math.max(currentPage - 1, 0);
    }

    /**
     * Moves to the first page, from the current one on, containing {@code query} ({@code *} matches
     * anything; case and punctuation are ignored); searching again for the same text finds the next.
     *
     * @return the viewport shown, or empty when nothing matches
     */
    public Optional<String> findOnPage(String query) {
        if (query.equals(findQuery) && findLastResult != null && currentPage == findLastResult) {
            return findNext();
        }
        findQuery = query;
        return moveTo(findViewport(query, currentPage));
    }

    /** Moves to the next page matching the last search, wrapping round; empty when nothing matches. */
    public Optional<String> findNext() {
        if (findQuery == null) {
            return Optional.empty();
        }
        int start = findLastResult == null ? 0 : findLastResult + 1;
        if (start >= viewportPages.size()) {
            start = 0;
        }
        return moveTo(findViewport(findQuery, start));
    }

    private Optional<String> moveTo(@Nullable Integer page) {
        findLastResult = page;
        if (page == null) {
            return Optional.empty();
        }
        currentPage = page;
        return Optional.of(viewport());
    }

    private @Nullable Integer findViewport(String query, int start) {
        String normalized = query.replace("*", "__STAR__");
        normalized = " " + String.join(" ", normalized.split("\\W+")).strip() + " ";
        normalized = normalized.replace(" __STAR__ ", "__STAR__ ").toLowerCase(Locale.ROOT);
        if (normalized.isBlank()) {
            return null;
        }
        String[] literal = normalized.split("__star__", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literal.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal[i]));
        }
        Pattern pattern = Pattern.compile(regex.toString());
        List<Integer> order = new ArrayList<>();
        for (int i = start; i < viewportPages.size(); i++) {
            order.add(i);
        }
        for (int i = 0; i < Math.min(start, viewportPages.size()); i++) {
            order.add(i);
        }
        for (int i : order) {
            int[] bounds = viewportPages.get(i);
            String content = pageContent.substring(bounds[0], bounds[1]);
            String words = " " + String.join(" ", content.split("\\W+")).strip().toLowerCase(Locale.ROOT) + " ";
            if (pattern.matcher(words).find()) {
                return i;
            }
        }
        return null;
    }

    private Path resolve(String path) {
        String expanded = path.startsWith("~") ? System.getProperty("user.home") + path.substring(1) : path;
        Path candidate;
        try {
            candidate = Path.of(expanded);
        } catch (InvalidPathException e) {
            return basePath.resolve("invalid path");
        }
        if (!candidate.isAbsolute()) {
            // Relative to the last file or folder actually opened, never to a refused path outside.
            Path current = lastOpened == null ? basePath : lastOpened;
            Path folder = Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS) ? current : current.getParent();
            candidate = (folder == null ? basePath : folder).resolve(candidate);
        }
        return candidate.normalize();
    }

    /** The real path of {@code target} when it exists inside the base directory. */
    private Optional<Path> confined(Path target) throws IOException {
        Path real;
        try {
            real = target.toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return real.startsWith(basePath) ? Optional.of(real) : Optional.empty();
    }

    private void load(Path target) {
        try {
            Optional<Path> real = confined(target);
            if (real.isEmpty()) {
                if (target.normalize().startsWith(basePath) || Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    LOG.info("file surfer: '{}' is missing or outside the base directory {}", target, basePath);
                }
                setPage("FileNotFoundError", "# FileNotFoundError\n\nFile not found: " + target, true);
                return;
            }
            Path file = real.get();
            lastOpened = target;
            if (Files.isDirectory(file)) {
                setPage("Index of " + file, listing(file), false);
            } else {
                MarkdownDocument document = converter.convert(file);
                setPage(document.title() == null ? file.getFileName().toString() : document.title(), document.markdown(),
                        true);
            }
            LOG.info("file surfer opened {}", file);
        } catch (UnsupportedFormatException e) {
            setPage("UnsupportedFormatException", "# UnsupportedFormatException\n\nCannot preview '" + target
                    + "' as Markdown.", true);
        } catch (DocumentConversionException e) {
            LOG.info("file surfer could not convert {}: {}", target, e.getMessage());
            setPage("FileConversionException.", "# FileConversionException\n\nError converting '" + target
                    + "' to Markdown.", true);
        } catch (IOException | UncheckedIOException e) {
            setPage("FileNotFoundError", "# FileNotFoundError\n\nFile not found: " + target, true);
        }
    }

    private String listing(Path folder) throws IOException {
        var sb = new StringBuilder("# Index of ").append(folder).append("\n\n| Name | Size | Date Modified |\n")
                .append("| ---- | ---- | ------------- |\n| .. (parent directory) | | |\n");
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            String size = "";
            String modified;
            try {
                modified = MODIFIED.format(Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant());
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    name = name + "/";
                } else if (!Files.isSymbolicLink(entry)) {
                    size = String.valueOf(Files.size(entry));
                }
            } catch (IOException e) {
                modified = "N/A";
            }
            sb.append("| ").append(name).append(" | ").append(size).append(" | ").append(modified).append(" |\n");
        }
        return sb.toString();
    }

    private void setPage(String title, String content, boolean split) {
        pageTitle = title;
        pageContent = content;
        if (!split || content.isEmpty()) {
            viewportPages = List.of(new int[] {0, content.length()});
        } else {
            List<int[]> pages = new ArrayList<>();
            int start = 0;
            while (start < content.length()) {
                int end = Math.min(start + viewportSize, content.length());
                while (end < content.length() && !Character.isWhitespace(content.charAt(end - 1))) {
                    end++;
                }
                pages.add(new int[] {start, end});
                start = end;
            }
            viewportPages = pages;
        }
        currentPage = Math.min(currentPage, viewportPages.size() - 1);
    }
}
