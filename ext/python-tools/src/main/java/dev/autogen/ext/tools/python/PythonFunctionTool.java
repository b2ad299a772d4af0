package dev.autogen.ext.tools.python;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.component.ProcessGate;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Python function run as a tool in a python3 process of its own: what Java makes of a Python
 * {@code autogen_core.tools.FunctionTool} config ({@code source_code}, {@code global_imports}), as AutoGen
 * Studio's gallery holds them.
 *
 * <pre>{@code
 * try (var calculator = PythonFunctionTool.builder("""
 *         def calculator(a: float, b: float, operator: str) -> str:
 *             return str(a * b) if operator == "*" else "?"
 *         """).description("A simple calculator").timeout(Duration.ofSeconds(10)).build()) {
 *     var args = AutogenJson.mapper().readTree("{\"a\": 6, \"b\": 7, \"operator\": \"*\"}");
 *     Object result = calculator.runJson(args, new CancellationToken(), null);  // "42.0"
 * }
 * }</pre>
 *
 * <p><b>It runs the code of its config on this machine.</b> Loaded from a config, it is built only with
 * the user's consent ({@link dev.autogen.core.component.ConsentPolicy}); built in code, it runs what the
 * program gave it.
 *
 * <ul>
 * <li><b>Schema.</b> Building the tool starts the interpreter once to read the function's signature
 *     (parsed, not run) into the JSON schema pydantic would write, and to check that the modules of
 *     {@code global_imports} are installed: a missing one fails the build, naming it and its pip package.
 * <li><b>Calls.</b> The first call starts a process that imports {@code global_imports} and defines the
 *     function, as Python's {@code FunctionTool._from_config} does; later calls reuse it, and a call
 *     after it died starts a new one. Arguments are checked against the schema first. The result is
 *     Python's {@code str()} of the return value (a pydantic model as JSON); an exception the function
 *     raises fails the call with a {@link PythonToolException} whose message names it ({@code ValueError: ...}).
 *     The function's own {@code print} output goes to the process's stderr, logged at debug.
 * <li><b>Concurrency.</b> Calls are multiplexed over one process: async functions run on its event
 *     loop, others on its threads, as in Python.
 * <li><b>Time limit and cancellation.</b> A call that takes longer than the timeout (60 s unless set),
 *     or whose token is cancelled, stops the process with everything it started; calls running in it at
 *     that moment fail too, and the next call starts a new process.
 * <li><b>Isolation.</b> The process works in a temporary directory of its own (unless a working
 *     directory is set), sees only {@code PATH}, {@code HOME} and {@code LANG} of this environment plus
 *     what is configured, and may get an address-space limit. It has this JVM user's rights otherwise.
 * </ul>
 *
 * <p>{@link #dumpComponent()} of a tool loaded from a config writes exactly the model it was loaded
 * from. Thread-safe; {@link #close()} stops the process.
 */
public final class PythonFunctionTool implements Tool, Component<PythonFunctionToolConfig>, AutoCloseable {
    /** The provider string Python writes for its {@code FunctionTool}. */
    public static final String PROVIDER = "autogen_core.tools.FunctionTool";
    /** The description Python writes for this component. */
    public static final String DESCRIPTION = "Create custom tools by wrapping standard Python functions.";
    /** How long a call may take unless configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(PythonFunctionTool.class);
    private static final Duration MIN_START_TIMEOUT = Duration.ofSeconds(60);

    private final PythonFunctionToolConfig config;
    private final String configLine;
    private final PythonLaunch launch;
    private final Duration timeout;
    private final @Nullable Path workDir;
    private final ToolSchema schema;
    private final ArgumentsCheck argumentsCheck;
    private final ProcessGate gate;
    private final @Nullable ComponentModel loadedFrom;
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable PythonProcess process;
    private @Nullable Path tempDir;
    private boolean closed;

    private PythonFunctionTool(PythonFunctionToolConfig config, ProcessGate gate, @Nullable ComponentModel loadedFrom) {
        this.config = config;
        this.gate = gate;
        this.loadedFrom = loadedFrom;
        this.configLine = json(config);
        this.launch = new PythonLaunch(PythonLaunch.interpreter(config.python()),
                config.env() == null ? Map.of() : config.env(),
                config.inheritEnv() == null ? List.of() : config.inheritEnv(), config.memoryLimitMb());
        this.timeout = config.timeout() == null ? DEFAULT_TIMEOUT : Duration.ofMillis(Math.round(config.timeout() * 1000));
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + config.timeout());
        }
        this.workDir = config.workDir() == null ? null : Path.of(config.workDir()).toAbsolutePath().normalize();
        Path probeDir = workDir != null && Files.isDirectory(workDir) ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
        PythonSignature signature = PythonSignature.probe(launch, configLine, probeDir);
        if (!signature.missingModules().isEmpty()) {
            throw PythonToolException.inConfig("global_imports", PythonModules.missing(config.name(),
                    signature.missingModules().getFirst(), launch.python()));
        }
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        signature.properties().properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
        var parameters = new ParametersSchema("object", properties, signature.required(), false);
        this.schema = new ToolSchema(config.name(), config.description() == null ? "" : config.description(), parameters, false);
        this.argumentsCheck = new ArgumentsCheck(config.name(), parameters);
    }

    /** A builder for a tool running {@code sourceCode}, whose first top-level {@code def} is the function. */
    public static Builder builder(String sourceCode) {
        return new Builder(sourceCode);
    }

    /**
     * A tool from a config, built in code: it may start its process without asking.
     *
     * @throws PythonToolException if the interpreter cannot run, the source cannot be read, or a
     *     module of {@code global_imports} is not installed
     */
    public static PythonFunctionTool fromConfig(PythonFunctionToolConfig config) {
        return new PythonFunctionTool(Objects.requireNonNull(config, "config"), ProcessGate.OPEN, null);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public String description() {
        return schema.description();
    }

    @Override
    public ToolSchema schema() {
        return schema;
    }

    /** The interpreter the process runs. */
    public String python() {
        return launch.python();
    }

    /** How long a call may take. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Calls the function in the tool's python3 process, starting one if none runs.
     *
     * @return the function's return value as Python's {@code str()} writes it
     * @throws dev.autogen.core.tools.ToolArgumentsException if the arguments do not fit the schema
     * @throws PythonToolException if the function raised, the call timed out or the process failed
     * @throws dev.autogen.core.component.ConsentRefusedException if the user refused to start the process
     * @throws CancellationException if the token was cancelled
     */
    @Override
    public String runJson(JsonNode args, CancellationToken cancellationToken, @Nullable String callId) {
        var arguments = argumentsCheck.check(args);
        cancellationToken.throwIfCancelled();
        LOG.debug("tool '{}': call {} with {}", name(), callId, arguments);
        return running(cancellationToken).call(arguments, timeout, cancellationToken);
    }

    /** Stops the process, if one runs, and deletes the temporary working directory. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (process != null) {
                process.stop("the tool was closed");
                process = null;
            }
            if (tempDir != null) {
                deleteTree(tempDir);
                tempDir = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "PythonFunctionTool[" + name() + "]";
    }

    @Override
    public ComponentProvider<?, PythonFunctionToolConfig> componentProvider() {
        return new Provider();
    }

    @Override
    public PythonFunctionToolConfig toConfig() {
        return config;
    }

    /** The model it was loaded from, exactly; for a tool built in code, its config under Python's provider string. */
    @Override
    public ComponentModel dumpComponent() {
        return loadedFrom != null ? loadedFrom : Component.super.dumpComponent();
    }

    private PythonProcess running(CancellationToken token) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("tool '" + name() + "' is closed");
            }
            if (process != null && process.isAlive()) {
                return process;
            }
            if (process != null) {
                LOG.debug("tool '{}': its python3 process ended; starting a new one", name());
            }
            gate.check(config.sourceCode(), token);
            Duration startTimeout = timeout.compareTo(MIN_START_TIMEOUT) > 0 ? timeout : MIN_START_TIMEOUT;
            process = PythonProcess.start(name(), launch, configLine, directory(), startTimeout, token);
            return process;
        } finally {
            lock.unlock();
        }
    }

    private Path directory() {
        try {
            if (workDir != null) {
                return Files.createDirectories(workDir);
            }
            if (tempDir == null) {
                tempDir = Files.createTempDirectory("autogen-python-tool-");
            }
            return tempDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the working directory of tool '" + name() + "': " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.debug("cannot delete the working directory {}", dir, e);
        }
    }

    private static String json(PythonFunctionToolConfig config) {
        try {
            return AutogenJson.mapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the config of tool '" + config.name() + "'", e);
        }
    }

    /** Builds a {@link PythonFunctionTool} in code; not thread-safe. */
    public static final class Builder {
        private final String sourceCode;
        private @Nullable String name;
        private @Nullable String description;
        private final List<JsonNode> globalImports = new ArrayList<>();
        private boolean hasCancellationSupport;
        private @Nullable String python;
        private @Nullable Duration timeout;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> inheritEnv = new ArrayList<>();
        private @Nullable Path workDir;
        private @Nullable Integer memoryLimitMb;

        private Builder(String sourceCode) {
            this.sourceCode = Objects.requireNonNull(sourceCode, "sourceCode");
        }

        /** The tool name; by default the function's name. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** What the tool does, for the model. */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** {@code import module} before the function is defined. */
        public Builder globalImport(String module) {
            globalImports.add(TextNode.valueOf(Objects.requireNonNull(module, "module")));
            return this;
        }

        /** {@code from module import name, ...} before the function is defined. */
        public Builder globalImportFrom(String module, String... names) {
            var item = AutogenJson.mapper().createObjectNode().put("module", Objects.requireNonNull(module, "module"));
            var array = item.putArray("imports");
            for (String n : names) {
                array.add(n);
            }
            globalImports.add(item);
            return this;
        }

        /** Whether the function takes a {@code cancellation_token} argument. */
        public Builder hasCancellationSupport(boolean hasCancellationSupport) {
            this.hasCancellationSupport = hasCancellationSupport;
            return this;
        }

        /** The interpreter, a path or a name on the PATH; by default {@code AUTOGEN_PYTHON}, else {@code python3}. */
        public Builder python(String python) {
            this.python = Objects.requireNonNull(python, "python");
            return this;
        }

        /** How long a call may take before the process is stopped; 60 s by default. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Sets an environment variable of the process. */
        public Builder env(String name, String value) {
            env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Passes variables of this process's environment on ({@code "*"}: all of them). */
        public Builder inheritEnv(String... names) {
            inheritEnv.addAll(List.of(names));
            return this;
        }

        /** The working directory, created at the first call; by default a temporary one. */
        public Builder workDir(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir");
            return this;
        }

        /** Limits the process's address space, where the OS allows it. */
        public Builder memoryLimitMb(int memoryLimitMb) {
            if (memoryLimitMb <= 0) {
                throw new IllegalArgumentException("memoryLimitMb must be positive, got " + memoryLimitMb);
            }
            this.memoryLimitMb = memoryLimitMb;
            return this;
        }

        /**
         * Builds the tool, reading the function's signature with the interpreter.
         *
         * @throws PythonToolException if the interpreter cannot run, the source cannot be read, or a
         *     module of the global imports is not installed
         */
        public PythonFunctionTool build() {
            String function = name;
            if (function == null) {
                var m = java.util.regex.Pattern.compile("(?m)^(?:async\\s+)?def\\s+([A-Za-z_][A-Za-z0-9_]*)").matcher(sourceCode);
                if (!m.find()) {
                    throw new IllegalArgumentException("the source code defines no function (no top-level 'def')");
                }
                function = m.group(1);
            }
            return fromConfig(new PythonFunctionToolConfig(sourceCode, function, description == null ? function : description,
                    List.copyOf(globalImports), hasCancellationSupport, python,
                    timeout == null ? null : timeout.toMillis() / 1000.0, env.isEmpty() ? null : Map.copyOf(env),
                    inheritEnv.isEmpty() ? null : List.copyOf(inheritEnv),
                    workDir == null ? null : workDir.toString(), memoryLimitMb));
        }
    }

    /**
     * Builds Python {@code FunctionTool}s from configs, with the load's consent: the action put to the
     * {@link dev.autogen.core.component.ConsentPolicy} names the function and the interpreter.
     */
    public static final class Provider extends AbstractComponentProvider<PythonFunctionTool, PythonFunctionToolConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.TOOL, PythonFunctionTool.class, PythonFunctionToolConfig.class, DESCRIPTION);
        }

        @Override
        public PythonFunctionTool fromConfig(PythonFunctionToolConfig config, ComponentContext context) {
            String python = PythonLaunch.interpreter(config.python());
            Map<String, Path> dirs = config.workDir() == null ? Map.of() : Map.of("work_dir", Path.of(config.workDir()));
            ProcessGate gate = context.processGate("run the Python function '" + config.name() + "' of this config"
                    + " in a '" + python + "' process on this machine, with your rights", dirs);
            try {
                return new PythonFunctionTool(config, gate, context.model());
            } catch (PythonToolException e) {
                throw e.configField().isEmpty() ? new ComponentLoadException(context.path(), e.getMessage())
                        : context.invalid(e.configField(), e.getMessage());
            }
        }
    }
}
