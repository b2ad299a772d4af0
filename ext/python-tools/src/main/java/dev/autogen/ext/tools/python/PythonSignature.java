package dev.autogen.ext.tools.python;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the runner reads from a tool's source without running it: the function's parameters as
 * pydantic's JSON schema would describe them, and the modules of {@code global_imports} that the
 * interpreter cannot find. It parses the source with Python's {@code ast}; no import and no line of
 * the tool runs.
 *
 * @param function the Python function's name
 * @param properties one JSON schema per parameter
 * @param required the parameters without a default
 * @param missingModules top-level modules of {@code global_imports} that are not installed
 */
record PythonSignature(String function, ObjectNode properties, List<String> required, List<String> missingModules) {
    private static final long PROBE_SECONDS = 60;

    /**
     * Reads the signature of {@code configLine}'s function with {@code launch}'s interpreter.
     *
     * @throws PythonToolException if the interpreter cannot run or the source cannot be parsed
     */
    static PythonSignature probe(PythonLaunch launch, String configLine, Path workDir) {
        Process process;
        try {
            process = launch.processBuilder("describe", workDir).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new PythonToolException(launch.cannotStart(e));
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write((configLine + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                throw new PythonToolException("'" + launch.python() + "' did not read the function's signature within "
                        + PROBE_SECONDS + " s");
            }
            return parse(launch, out);
        } catch (IOException e) {
            throw new PythonToolException("'" + launch.python() + "' failed while reading the function's signature: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PythonToolException("interrupted while reading the function's signature");
        } finally {
            process.destroyForcibly();
        }
    }

    private static PythonSignature parse(PythonLaunch launch, String out) {
        JsonNode reply;
        try {
            reply = AutogenJson.mapper().readTree(out.strip().lines().reduce((a, b) -> b).orElse(""));
        } catch (JsonProcessingException e) {
            reply = null;
        }
        if (reply == null || !reply.isObject()) {
            throw new PythonToolException("'" + launch.python() + "' did not run the tool runner (is it Python 3.8 or"
                    + " newer?); it answered: " + (out.isBlank() ? "nothing" : out.strip()));
        }
        if (!reply.path("ok").asBoolean()) {
            throw PythonToolException.inConfig("source_code", "the source code cannot be read: "
                    + reply.path("error").asText("no reason given"));
        }
        return new PythonSignature(reply.path("function").asText(), (ObjectNode) reply.path("properties"),
                texts(reply.path("required")), texts(reply.path("missing_modules")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return List.copyOf(texts);
    }
}
