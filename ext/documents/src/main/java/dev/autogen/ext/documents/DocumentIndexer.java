package dev.autogen.ext.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.memory.DeletableMemory;
import dev.autogen.core.memory.Memory;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.memory.MemoryMimeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts files into a {@link Memory} for retrieval: each file (text, Markdown, HTML, PDF and the other
 * formats of {@link MarkdownConverter}) becomes Markdown, is split by a {@link TextChunker}, and each
 * chunk is added with its source in the metadata ({@code source}, {@code chunk}, {@code chunks},
 * {@code sha256}, and {@code title} when the document has one). A manifest file remembers each file's
 * content hash, so indexing again skips unchanged files; a changed or deleted file's old chunks are
 * deleted first when the memory is a {@link DeletableMemory} (the Lucene vector memory is).
 *
 * <!-- java-context: import dev.autogen.core.memory.ListMemory; import java.nio.file.Path; -->
 * <pre>{@code
 * var memory = new ListMemory();
 * var indexer = DocumentIndexer.builder(memory).chunkSize(1_000).overlap(100)
 *         .manifest(Path.of("index-manifest.json")).build();
 * DocumentIndexer.Result result = indexer.index(Path.of("docs"));
 * System.out.println(result.chunksAdded() + " chunks from " + result.filesAdded() + " new files");
 * }</pre>
 */
public final class DocumentIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentIndexer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Memory memory;
    private final TextChunker chunker;
    private final MarkdownConverter converter = new MarkdownConverter();
    private final @Nullable Path manifestFile;
    private final Map<String, String> manifest;
    /** One indexing at a time (embedding may block for long: a lock, not synchronized, for virtual threads). */
    private final ReentrantLock lock = new ReentrantLock();

    private DocumentIndexer(Builder builder) {
        this.memory = builder.memory;
        this.chunker = new TextChunker(builder.chunkSize, builder.overlap);
        this.manifestFile = builder.manifest == null ? null : builder.manifest.toAbsolutePath().normalize();
        this.manifest = manifestFile == null ? new TreeMap<>() : readManifest(manifestFile);
    }

    /** Starts an indexer into {@code memory}. */
    public static Builder builder(Memory memory) {
        return new Builder(memory);
    }

    /** The memory the chunks go into. */
    public Memory memory() {
        return memory;
    }

    /** How chunks are cut: their longest length and overlap in characters. */
    public TextChunker chunker() {
        return chunker;
    }

    /** The manifest file, if this indexer keeps one. */
    public Optional<Path> manifest() {
        return Optional.ofNullable(manifestFile);
    }

    /**
     * Forgets everything indexed so far and deletes the manifest file, so the next {@link #index} adds
     * every file again; for after the memory was cleared.
     */
    public void forgetAll() {
        lock.lock();
        try {
            manifest.clear();
            if (manifestFile != null) {
                Files.deleteIfExists(manifestFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the index manifest " + manifestFile + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** What one {@link #index} did. */
    public record Result(int filesAdded, int filesUpdated, int filesUnchanged, int filesRemoved, int chunksAdded,
            List<String> skipped) {
        public Result {
            skipped = List.copyOf(skipped);
        }
    }

    /** {@link #index(Path, CancellationToken)} without cancellation. */
    public Result index(Path fileOrFolder) {
        return index(fileOrFolder, new CancellationToken());
    }

    /**
     * Indexes a file, or every file under a folder (hidden files and folders left out), and forgets the
     * files under it that are gone since the last time.
     *
     * @throws IllegalArgumentException if {@code fileOrFolder} does not exist
     * @throws java.util.concurrent.CancellationException if the token is cancelled; what was indexed
     *     before stays indexed and in the manifest
     */
    public Result index(Path fileOrFolder, CancellationToken cancellationToken) {
        lock.lock();
        try {
            return indexLocked(fileOrFolder, cancellationToken);
        } finally {
            lock.unlock();
        }
    }

    private Result indexLocked(Path fileOrFolder, CancellationToken cancellationToken) {
        Path root = fileOrFolder.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            throw new IllegalArgumentException("nothing to index at " + fileOrFolder + ": no such file or folder");
        }
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int chunks = 0;
        List<String> skipped = new ArrayList<>();
        List<Path> files = files(root);
        for (Path file : files) {
            cancellationToken.throwIfCancelled();
            String source = file.toString();
            String hash;
            try {
                hash = sha256(Files.readAllBytes(file));
            } catch (IOException e) {
                skipped.add(source + ": cannot be read (" + e.getMessage() + ")");
                continue;
            }
            String known = manifest.get(source);
            if (hash.equals(known)) {
                unchanged++;
                continue;
            }
            List<MemoryContent> contents;
            try {
                contents = chunks(file, source, hash);
            } catch (UnsupportedFormatException | DocumentConversionException e) {
                skipped.add(source + ": " + e.getMessage());
                continue;
            }
            if (known != null) {
                forget(source);
                updated++;
            } else {
                added++;
            }
            memory.addAll(contents, cancellationToken);
            chunks += contents.size();
            manifest.put(source, hash);
            saveManifest();
            LOG.debug("indexed {} as {} chunk(s)", source, contents.size());
        }
        int removed = 0;
        Set<Path> present = Set.copyOf(files);
        for (String source : List.copyOf(manifest.keySet())) {
            Path path = Path.of(source);
            if (path.startsWith(root) && !present.contains(path)) {
                forget(source);
                manifest.remove(source);
                removed++;
            }
        }
        if (removed > 0) {
            saveManifest();
        }
        return new Result(added, updated, unchanged, removed, chunks, skipped);
    }

    private List<MemoryContent> chunks(Path file, String source, String hash) {
        MarkdownDocument document = converter.convert(file);
        List<String> pieces = chunker.split(document.markdown());
        List<MemoryContent> contents = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("source", source);
            metadata.put("chunk", i);
            metadata.put("chunks", pieces.size());
            metadata.put("sha256", hash);
            if (document.title() != null) {
                metadata.put("title", document.title());
            }
            contents.add(new MemoryContent(pieces.get(i), MemoryMimeType.TEXT, metadata));
        }
        return contents;
    }

    private void forget(String source) {
        if (memory instanceof DeletableMemory deletable) {
            deletable.deleteWhere(Map.of("source", source));
        } else {
            LOG.warn("memory '{}' cannot delete entries, so the old chunks of {} stay in it", memory.name(), source);
        }
    }

    private static List<Path> files(Path root) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(path -> !hidden(root.relativize(path))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files under " + root + ": " + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> readManifest(Path file) {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            JsonNode files = node == null ? null : node.get("files");
            if (files == null || !files.isObject()) {
                throw new IllegalArgumentException("the index manifest " + file + " is not one this indexer wrote"
                        + " (no \"files\" object); delete it to index everything again");
            }
            files.properties().forEach(e -> entries.put(e.getKey(), e.getValue().path("sha256").asText()));
            return entries;
        } catch (IOException e) {
            throw new IllegalArgumentException("the index manifest " + file + " cannot be read: " + e.getMessage()
                    + "; delete it to index everything again", e);
        }
    }

    private void saveManifest() {
        if (manifestFile == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode().put("version", 1);
        ObjectNode files = root.putObject("files");
        manifest.forEach((source, hash) -> files.putObject(source).put("sha256", hash));
        try {
            Files.createDirectories(Objects.requireNonNull(manifestFile.getParent()));
            Path temporary = manifestFile.resolveSibling(manifestFile.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
            try {
                Files.move(temporary, manifestFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, manifestFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the index manifest " + manifestFile + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Options of a {@link DocumentIndexer}. */
    public static final class Builder {
        private final Memory memory;
        private int chunkSize = 1_000;
        private int overlap = 100;
        private @Nullable Path manifest;

        private Builder(Memory memory) {
            this.memory = Objects.requireNonNull(memory, "memory");
        }

        /** The longest chunk in characters (1,000 by default). */
        public Builder chunkSize(int characters) {
            this.chunkSize = characters;
            return this;
        }

        /** About how many characters consecutive chunks share (100 by default). */
        public Builder overlap(int characters) {
            this.overlap = characters;
            return this;
        }

        /**
         * The file that remembers what was indexed, so that indexing again skips unchanged files; without
         * one, only this indexer instance remembers.
         */
        public Builder manifest(Path file) {
            this.manifest = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * @throws IllegalArgumentException for a chunk size or overlap out of range, or a manifest that
         *     cannot be read
         */
        public DocumentIndexer build() {
            return new DocumentIndexer(this);
        }
    }
}
