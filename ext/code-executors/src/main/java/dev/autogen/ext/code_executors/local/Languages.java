package dev.autogen.ext.code_executors.local;

import dev.autogen.core.code_executor.CodeFileRules;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The local executor's programs for each language, next to core's {@link CodeFileRules}. */
final class Languages {

    private Languages() {
    }

    /** The shell program for a non-python tag, as Python's {@code lang_to_cmd}. */
    static String shellCommand(String normalized) {
        if (normalized.equals("shell")) {
            return "sh";
        }
        if (normalized.equals("bash") || normalized.equals("sh")) {
            return normalized;
        }
        if (CodeFileRules.isPowerShell(normalized)) {
            return findOnPath("pwsh").or(() -> findOnPath("powershell"))
                    .map(p -> p.getFileName().toString().replaceFirst("\\.exe$", ""))
                    .orElseThrow(() -> new IllegalStateException(
                            "Powershell or pwsh is not installed. Please install one of them."));
        }
        throw new IllegalArgumentException("Unsupported language: " + normalized);
    }

    /** The first executable called {@code name} on {@code PATH}. */
    static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        boolean windows = File.separatorChar == '\\';
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String candidate : windows ? List.of(name + ".exe", name) : List.of(name)) {
                Path p = Path.of(dir, candidate);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
