package dev.autogen.ext.tools.mcp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs an MCP server as a child process and talks to it over its stdin and stdout, as Python's
 * {@code StdioServerParams}. The process sees only a few variables of this JVM's environment
 * ({@code HOME, LOGNAME, PATH, SHELL, TERM, USER}; on Windows the usual system ones) plus
 * {@link #env()}, as in Python, so API keys in the environment do not leak to every server.
 *
 * <pre>{@code
 * var params = StdioServerParams.of("npx", "-y", "@modelcontextprotocol/server-filesystem", "/tmp/work");
 * var slow = StdioServerParams.builder("uvx").args("mcp-server-fetch").readTimeout(Duration.ofSeconds(60)).build();
 * }</pre>
 *
 * @param command the program to run, found on {@code PATH}
 * @param args its arguments
 * @param env variables added to the process environment; null for none
 * @param cwd the working directory; null for this JVM's
 * @param encoding the charset of the messages on stdin and stdout
 * @param encodingErrorHandler what to do with bytes that are not valid in {@code encoding}:
 *     {@code strict} (fail), {@code ignore} (drop) or {@code replace} (use U+FFFD)
 * @param readTimeoutSeconds how long to wait for the answer to one request, in seconds
 */
@JsonPropertyOrder({"command", "args", "env", "cwd", "encoding", "encoding_error_handler", "type", "read_timeout_seconds"})
public record StdioServerParams(
        String command,
        List<String> args,
        @Nullable Map<String, String> env,
        @Nullable String cwd,
        String encoding,
        String encodingErrorHandler,
        double readTimeoutSeconds) implements McpServerParams {

    /** Python's default {@code read_timeout_seconds}. */
    public static final double DEFAULT_READ_TIMEOUT_SECONDS = 5;

    private static final Set<String> ERROR_HANDLERS = Set.of("strict", "ignore", "replace");

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException for a blank command, an unknown charset or error handler, or
     *     a timeout that is not positive
     */
    public StdioServerParams {
        Objects.requireNonNull(command, "command");
        if (command.isBlank()) {
            throw new IllegalArgumentException("StdioServerParams.command must name the program that runs the MCP server,"
                    + " e.g. \"npx\" or \"uvx\"; it is blank");
        }
        args = List.copyOf(Objects.requireNonNull(args, "args"));
        env = env == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        Objects.requireNonNull(encoding, "encoding");
        try {
            Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("StdioServerParams.encoding '" + encoding + "' is not a charset this JVM knows;"
                    + " use e.g. \"utf-8\"", e);
        }
        Objects.requireNonNull(encodingErrorHandler, "encodingErrorHandler");
        if (!ERROR_HANDLERS.contains(encodingErrorHandler)) {
            throw new IllegalArgumentException("StdioServerParams.encoding_error_handler must be one of strict, ignore or"
                    + " replace; got '" + encodingErrorHandler + "'");
        }
        Seconds.check(readTimeoutSeconds, "StdioServerParams.read_timeout_seconds");
    }

    @JsonCreator
    static StdioServerParams fromJson(
            @JsonProperty(value = "command", required = true) String command,
            @JsonProperty("args") @Nullable List<String> args,
            @JsonProperty("env") @Nullable Map<String, String> env,
            @JsonProperty("cwd") @Nullable String cwd,
            @JsonProperty("encoding") @Nullable String encoding,
            @JsonProperty("encoding_error_handler") @Nullable String encodingErrorHandler,
            @JsonProperty("read_timeout_seconds") @Nullable Double readTimeoutSeconds) {
        return new StdioServerParams(command, args == null ? List.of() : args, env, cwd,
                encoding == null ? "utf-8" : encoding,
                encodingErrorHandler == null ? "strict" : encodingErrorHandler,
                readTimeoutSeconds == null ? DEFAULT_READ_TIMEOUT_SECONDS : readTimeoutSeconds);
    }

    /** Runs {@code command} with {@code args} and Python's defaults for everything else. */
    public static StdioServerParams of(String command, String... args) {
        return builder(command).args(args).build();
    }

    /** A builder for {@code command}. */
    public static Builder builder(String command) {
        return new Builder(command);
    }

    /** A builder starting from these parameters. */
    public Builder toBuilder() {
        Builder b = new Builder(command).args(args).encoding(encoding).encodingErrorHandler(encodingErrorHandler)
                .readTimeout(requestTimeout());
        b.env = env == null ? null : new LinkedHashMap<>(env);
        b.cwd = cwd;
        return b;
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return "StdioServerParams";
    }

    @Override
    public Duration requestTimeout() {
        return Seconds.toDuration(readTimeoutSeconds);
    }

    @Override
    public String describe() {
        return "stdio MCP server '" + commandLine() + "'";
    }

    /** The command and its arguments as one line, e.g. {@code npx -y @modelcontextprotocol/server-everything}. */
    public String commandLine() {
        List<String> line = new ArrayList<>();
        line.add(command);
        line.addAll(args);
        return String.join(" ", line);
    }

    /** Builds {@link StdioServerParams}; defaults are Python's. */
    public static final class Builder {
        private final String command;
        private final List<String> args = new ArrayList<>();
        private @Nullable Map<String, String> env;
        private @Nullable String cwd;
        private String encoding = "utf-8";
        private String encodingErrorHandler = "strict";
        private double readTimeoutSeconds = DEFAULT_READ_TIMEOUT_SECONDS;

        private Builder(String command) {
            this.command = Objects.requireNonNull(command, "command");
        }

        /** Appends arguments. */
        public Builder args(String... args) {
            return args(List.of(args));
        }

        /** Appends arguments. */
        public Builder args(List<String> args) {
            this.args.addAll(args);
            return this;
        }

        /** Adds variables to the server's environment. */
        public Builder env(Map<String, String> env) {
            if (this.env == null) {
                this.env = new LinkedHashMap<>();
            }
            this.env.putAll(env);
            return this;
        }

        /** Adds one variable to the server's environment. */
        public Builder env(String name, String value) {
            return env(Map.of(name, value));
        }

        /** The server's working directory. */
        public Builder cwd(Path cwd) {
            this.cwd = cwd.toString();
            return this;
        }

        /** The charset of stdin and stdout ({@code utf-8} unless set). */
        public Builder encoding(String encoding) {
            this.encoding = encoding;
            return this;
        }

        /** {@code strict}, {@code ignore} or {@code replace} ({@code strict} unless set). */
        public Builder encodingErrorHandler(String handler) {
            this.encodingErrorHandler = handler;
            return this;
        }

        /** How long to wait for the answer to one request (5 seconds unless set). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeoutSeconds = Seconds.of(timeout, "StdioServerParams.read_timeout_seconds");
            return this;
        }

        /** The parameters. */
        public StdioServerParams build() {
            return new StdioServerParams(command, args, env, cwd, encoding, encodingErrorHandler, readTimeoutSeconds);
        }
    }
}
