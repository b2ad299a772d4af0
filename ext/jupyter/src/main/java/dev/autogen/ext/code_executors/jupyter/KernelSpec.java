package dev.autogen.ext.code_executors.jupyter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A kernel specification ({@code kernels/<name>/kernel.json}): the command that starts the kernel,
 * with {@code {connection_file}} and {@code {resource_dir}} placeholders, and extra environment.
 * Found in the same directories as {@code jupyter kernelspec list} searches.
 *
 * @param name the kernel name
 * @param argv the command
 * @param env environment entries added to the kernel's
 * @param resourceDir the directory holding {@code kernel.json} (for specs not read from a file, a
 *     directory of the executor's)
 */
record KernelSpec(String name, List<String> argv, Map<String, String> env, Path resourceDir) {
    static final String CONNECTION_FILE = "{connection_file}";

    KernelSpec {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /** The spec Python's {@code jupyter_client} falls back to for {@code python3}: ipykernel on PATH's python3. */
    static KernelSpec nativePython(Path resourceDir) {
        return new KernelSpec("python3", List.of("python3", "-m", "ipykernel_launcher", "-f", CONNECTION_FILE),
                Map.of(), resourceDir);
    }

    /** The command with the placeholders filled in. */
    List<String> command(Path connectionFile) {
        List<String> command = new ArrayList<>();
        for (String arg : argv) {
            command.add(arg.replace(CONNECTION_FILE, connectionFile.toString())
                    .replace("{resource_dir}", resourceDir.toString()));
        }
        return command;
    }

    /**
     * The spec called {@code name} in the first of {@code dirs} (each a Jupyter data directory
     * with a {@code kernels} sub-directory) that has one.
     *
     * @throws IllegalArgumentException if a {@code kernel.json} is found but unreadable or has no argv
     */
    static Optional<KernelSpec> find(String name, List<Path> dirs) {
        for (Path dir : dirs) {
            Path file = dir.resolve("kernels").resolve(name.toLowerCase(Locale.ROOT)).resolve("kernel.json");
            if (Files.isRegularFile(file)) {
                return Optional.of(read(name, file));
            }
        }
        return Optional.empty();
    }

    private static KernelSpec read(String name, Path file) {
        JsonNode json;
        try {
            json = AutogenJson.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("kernelspec '" + file + "' is not valid JSON: " + e.getMessage(), e);
        }
        List<String> argv = new ArrayList<>();
        json.path("argv").forEach(arg -> argv.add(arg.asText()));
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("kernelspec '" + file + "' has no \"argv\" command");
        }
        Map<String, String> env = new LinkedHashMap<>();
        json.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        return new KernelSpec(name, argv, env, file.getParent());
    }

    /**
     * The Jupyter data directories, in {@code jupyter_core}'s order: {@code JUPYTER_PATH}, the user
     * data directory ({@code JUPYTER_DATA_DIR} or the platform default), then the system
     * directories.
     */
    static List<Path> searchPath(Map<String, String> environment) {
        List<Path> dirs = new ArrayList<>();
        String jupyterPath = environment.get("JUPYTER_PATH");
        if (jupyterPath != null) {
            for (String entry : jupyterPath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        String home = System.getProperty("user.home", "");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String dataDir = environment.get("JUPYTER_DATA_DIR");
        if (dataDir != null) {
            dirs.add(Path.of(dataDir));
        } else if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            if (appData != null) {
                dirs.add(Path.of(appData, "jupyter"));
            }
        } else if (os.startsWith("mac")) {
            dirs.add(Path.of(home, "Library", "Jupyter"));
        } else {
            String xdg = environment.get("XDG_DATA_HOME");
            dirs.add(xdg != null && !xdg.isBlank() ? Path.of(xdg, "jupyter") : Path.of(home, ".local", "share", "jupyter"));
        }
        if (os.startsWith("windows")) {
            String programData = environment.get("PROGRAMDATA");
            if (programData != null) {
                dirs.add(Path.of(programData, "jupyter"));
            }
        } else {
            dirs.add(Path.of("/usr/local/share/jupyter"));
            dirs.add(Path.of("/usr/share/jupyter"));
        }
        return List.copyOf(dirs);
    }
}
