package dev.autogen.ext.code_executors.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A Python virtual environment to run code in, the counterpart of the {@code virtual_env_context}
 * Python's {@code venv.EnvBuilder.ensure_directories} returns: python blocks run with
 * {@link #envExe()}, and {@link #binPath()} goes first on the {@code PATH} of every block, so
 * {@code pip install ...} in a bash block installs into the environment.
 *
 * <pre>{@code
 * // python3 -m venv .venv
 * var executor = LocalCommandLineCodeExecutor.builder()
 *         .virtualEnvContext(VirtualEnvContext.of(Path.of(".venv")))
 *         .build();
 * }</pre>
 *
 * @param binPath the environment's script directory ({@code bin}, or {@code Scripts} on Windows)
 * @param envExe the environment's python executable
 */
public record VirtualEnvContext(Path binPath, Path envExe) {
    public VirtualEnvContext {
        Objects.requireNonNull(binPath, "binPath");
        Objects.requireNonNull(envExe, "envExe");
        binPath = binPath.toAbsolutePath();
        envExe = envExe.toAbsolutePath();
    }

    /**
     * The context of the virtual environment in {@code venvDir}, as created by
     * {@code python3 -m venv venvDir}.
     *
     * @throws IllegalArgumentException if {@code venvDir} holds no python executable
     */
    public static VirtualEnvContext of(Path venvDir) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        Path bin = venvDir.resolve(windows ? "Scripts" : "bin");
        Path exe = bin.resolve(windows ? "python.exe" : "python");
        if (!Files.isExecutable(exe)) {
            throw new IllegalArgumentException("virtual environment '" + venvDir + "' has no python at '" + exe
                    + "': create it with 'python3 -m venv " + venvDir + "'");
        }
        return new VirtualEnvContext(bin, exe);
    }
}
