package dev.autogen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.agentchat.agents.InputFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Runs the {@code autogen} command in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
        return runTyping(null, args);
    }

    /**
     * Runs the command as on a terminal whose user types {@code stdin} (lines the command reads as
     * answers), or with nobody at a terminal when {@code stdin} is null.
     */
    static Cli runTyping(@Nullable String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        UserConsole console = stdin == null ? UserConsole.NONE : new UserConsole(InputFunction.console(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), outStream), true);
        int code = AutogenCommand.execute(console, outStream, new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A test config under {@code src/test/resources/configs}. */
    static String config(String name) {
        try {
            return Path.of(Cli.class.getResource("/configs/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file written by Python AutoGen, kept once under core's test resources. */
    static Path pythonFixture(String name) {
        return Path.of("..", "core", "src", "test", "resources", "fixtures", "autogen-python", name);
    }

    static JsonNode readJsonText(String json) {
        try {
            return AutogenJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(Path path) {
        try {
            return AutogenJson.mapper().readTree(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
