package dev.autogen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.serialization.JsonErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the command reads a file it is given (config, state, task): at most {@link #MAX_BYTES}
 * (read with a bound, so {@code /dev/zero} fails at once), as UTF-8 text, and, for JSON or YAML, strictly
 * (one document, no duplicate keys, no comments in JSON). Every failure is a {@link CliException}
 * naming the file and what to do.
 */
final class InputFile {
    /** The largest file the command reads: 16 MiB. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(InputFile.class);
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private InputFile() {
    }

    /**
     * The text of {@code path}.
     *
     * @param what how messages name the file, e.g. {@code task file}
     * @throws CliException (config problem) when it is missing, a directory, too large or not UTF-8
     */
    static String readText(Path path, String what) {
        if (Files.isDirectory(path)) {
            throw CliException.config("autogen: " + what + " '" + path + "' is a directory; give the path of a file.");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw CliException.config("autogen: " + what + " '" + path + "' does not exist.");
        } catch (AccessDeniedException e) {
            throw CliException.config("autogen: " + what + " '" + path + "' cannot be read: permission denied.");
        } catch (IOException e) {
            LOG.debug("reading {} failed", path, e);
            throw CliException.config("autogen: cannot read " + what + " '" + path + "': " + CliException.describe(e) + ".");
        }
        if (bytes.length > MAX_BYTES) {
            throw CliException.config("autogen: " + what + " '" + path + "' is larger than " + MAX_BYTES / (1024 * 1024)
                    + " MiB, the most the command reads; give a smaller file.");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(buffer).toString();
        } catch (CharacterCodingException e) {
            throw CliException.config("autogen: " + what + " '" + path + "' is not UTF-8 text (invalid byte at offset "
                    + buffer.position() + "); save it as UTF-8.");
        }
    }

    /**
     * The JSON (or, for a {@code .yaml}/{@code .yml} name, YAML) document in {@code path}.
     *
     * @throws CliException (config problem) as {@link #readText} does, or naming the line and column of a
     *     syntax error
     */
    static JsonNode readTree(Path path, String what) {
        String text = readText(path, what);
        boolean yaml = isYaml(path);
        try {
            JsonNode node = yaml ? YAML.readTree(text) : AutogenJson.readDocument(text);
            return node == null ? AutogenJson.mapper().missingNode() : node;
        } catch (JsonProcessingException e) {
            LOG.debug("parsing {} failed", path, e);
            throw CliException.config("autogen: " + what + " '" + path + "' is not valid " + (yaml ? "YAML" : "JSON")
                    + JsonErrors.syntax(e) + ".");
        }
    }

    /** Whether {@code path} names a YAML file. */
    /** {@code text} parsed as YAML (a built-in default, not user input). */
    static JsonNode parseYaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static boolean isYaml(Path path) {
        Path name = path.getFileName();
        String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return text.endsWith(".yaml") || text.endsWith(".yml");
    }
}
