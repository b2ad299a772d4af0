package dev.autogen.ext.code_executors.jupyter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns the iopub messages of one execution into text and files the way Python's
 * {@code JupyterCodeExecutor} reads a notebook cell's outputs: streams as text; errors as their
 * traceback without ANSI colours (and exit code 1); for results and display data, {@code text/plain}
 * as text, {@code image/png} and {@code text/html} saved to files, {@code image/jpeg} skipped, any
 * other type as JSON text. Consecutive writes to the same stream are joined, as in a notebook.
 */
final class CellOutputs {
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*[A-Za-z]");

    private final List<String> texts = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private int exitCode;
    private String lastStream = "";
    private boolean clearBeforeNext;

    /** Collects {@code messages} in order, saving rich outputs under {@code outputDir}. */
    static CellOutputs collect(List<JupyterMessage> messages, Path outputDir, boolean skipKeyboardInterrupt) {
        CellOutputs outputs = new CellOutputs();
        for (JupyterMessage message : messages) {
            outputs.add(message, outputDir, skipKeyboardInterrupt);
        }
        return outputs;
    }

    List<String> texts() {
        return texts;
    }

    List<Path> files() {
        return files;
    }

    int exitCode() {
        return exitCode;
    }

    private void add(JupyterMessage message, Path outputDir, boolean skipKeyboardInterrupt) {
        String type = message.msgType();
        if (type.equals("clear_output")) {
            if (message.get("wait").asBoolean(false)) {
                clearBeforeNext = true;
            } else {
                clear();
            }
            return;
        }
        if (!List.of("stream", "error", "execute_result", "display_data").contains(type)) {
            return;
        }
        if (clearBeforeNext) {
            clear();
        }
        switch (type) {
            case "stream" -> {
                String name = message.get("name").asText();
                String text = message.get("text").asText();
                if (name.equals(lastStream) && !texts.isEmpty()) {
                    texts.set(texts.size() - 1, texts.get(texts.size() - 1) + text);
                } else {
                    texts.add(text);
                }
                lastStream = name;
                return;
            }
            case "error" -> {
                if (!(skipKeyboardInterrupt && message.get("ename").asText().equals("KeyboardInterrupt"))) {
                    List<String> lines = new ArrayList<>();
                    message.get("traceback").forEach(line -> lines.add(line.asText()));
                    texts.add(ANSI.matcher(String.join("\n", lines)).replaceAll(""));
                }
                exitCode = 1;
            }
            default -> {
                for (Map.Entry<String, JsonNode> entry : message.get("data").properties()) {
                    switch (entry.getKey()) {
                        case "text/plain" -> texts.add(entry.getValue().asText());
                        case "image/png" -> files.add(save(outputDir, ".png",
                                Base64.getMimeDecoder().decode(entry.getValue().asText())));
                        case "image/jpeg" -> {
                            // Python skips JPEG: kernels send a PNG of the same figure.
                        }
                        case "text/html" -> files.add(save(outputDir, ".html",
                                entry.getValue().asText().getBytes(StandardCharsets.UTF_8)));
                        default -> texts.add(json(entry.getValue()));
                    }
                }
            }
        }
        lastStream = "";
    }

    private void clear() {
        texts.clear();
        lastStream = "";
        clearBeforeNext = false;
    }

    private static Path save(Path dir, String extension, byte[] data) {
        Path file = dir.resolve(UUID.randomUUID().toString().replace("-", "") + extension).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Files.write(file, data);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save a kernel output to '" + file + "': " + e.getMessage(), e);
        }
    }

    private static String json(JsonNode value) {
        try {
            return AutogenJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return value.toString();
        }
    }
}
