package dev.autogen.ext.tools.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a tool's python3 process is started: the interpreter, the environment it sees (minimal unless
 * told otherwise) and its limits.
 *
 * @param python the interpreter, a path or a name looked up on the PATH
 * @param env variables set for the process
 * @param inheritEnv names of variables of this process's environment passed on; {@code "*"} for all
 * @param memoryLimitMb the address-space limit in MiB, or null for none
 */
record PythonLaunch(String python, Map<String, String> env, List<String> inheritEnv, @Nullable Integer memoryLimitMb) {
    /** The variables every process gets from this one, when present. */
    static final List<String> BASE_ENV = List.of("PATH", "HOME", "LANG");
    /** The environment variable naming the interpreter when the config names none. */
    static final String PYTHON_VARIABLE = "AUTOGEN_PYTHON";

    private static final String RUNNER = loadRunner();

    PythonLaunch {
        Objects.requireNonNull(python, "python");
        env = Map.copyOf(env);
        inheritEnv = List.copyOf(inheritEnv);
    }

    /** The interpreter named by the config, else by {@code AUTOGEN_PYTHON}, else {@code python3}. */
    static String interpreter(@Nullable String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String fromEnv = System.getenv(PYTHON_VARIABLE);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "python3";
    }

    /** A process builder running the runner script in {@code mode} ({@code describe} or {@code serve}). */
    ProcessBuilder processBuilder(String mode, Path workDir) {
        var builder = new ProcessBuilder(python, "-c", RUNNER, mode).directory(workDir.toFile());
        Map<String, String> environment = builder.environment();
        Map<String, String> inherited = new LinkedHashMap<>(environment);
        environment.clear();
        boolean all = inheritEnv.contains("*");
        inherited.forEach((name, value) -> {
            if (all || BASE_ENV.contains(name) || inheritEnv.contains(name)) {
                environment.put(name, value);
            }
        });
        environment.putAll(env);
        environment.put("PYTHONIOENCODING", "utf-8");
        return builder;
    }

    /** What went wrong starting the interpreter, and how to fix it. */
    String cannotStart(IOException e) {
        return "cannot start the Python interpreter '" + python + "' (" + e.getMessage() + "); install Python 3 (e.g."
                + " 'apt-get install python3'), or name the interpreter in the config's 'python' field or in the "
                + PYTHON_VARIABLE + " environment variable";
    }

    private static String loadRunner() {
        try (InputStream in = PythonLaunch.class.getResourceAsStream("function_tool_runner.py")) {
            if (in == null) {
                throw new IllegalStateException("function_tool_runner.py is missing from autogen-ext-python-tools");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read function_tool_runner.py", e);
        }
    }
}
