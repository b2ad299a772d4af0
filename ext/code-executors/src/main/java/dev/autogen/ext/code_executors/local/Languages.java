package dev.autogen.ext.code_executors.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The language rules of Python's {@code autogen_ext.code_executors._common}, in one place. */
final class Languages {
    static final List<String> SUPPORTED = List.of("bash", "shell", "sh", "pwsh", "powershell", "ps1", "python");
    private static final List<String> PYTHON_VARIANTS = List.of("python", "Python", "py");
    private static final List<String> SHELLS = List.of("bash", "shell", "sh");
    private static final List<String> POWERSHELLS = List.of("pwsh", "powershell", "ps1");
    private static final Pattern PYTHON_PIP = Pattern.compile("^! ?pip install");
    private static final Pattern SHELL_PIP = Pattern.compile("^pip install");

    private Languages() {
    }

    /** Lower-cases the tag and maps Python's variants to {@code python}. */
    static String normalize(String language) {
        String lang = language.toLowerCase(Locale.ROOT);
        return PYTHON_VARIANTS.contains(lang) ? "python" : lang;
    }

    static boolean isSupported(String normalized) {
        return SUPPORTED.contains(normalized);
    }

    static boolean isPowerShell(String normalized) {
        return POWERSHELLS.contains(normalized);
    }

    /** The extension of generated file names: {@code py}, {@code ps1}, or the tag itself. */
    static String fileExtension(String normalized) {
        if (normalized.startsWith("python")) {
            return "py";
        }
        return isPowerShell(normalized) ? "ps1" : normalized;
    }

    /** The shell program for a non-python tag, as Python's {@code lang_to_cmd}. */
    static String shellCommand(String normalized) {
        if (normalized.equals("shell")) {
            return "sh";
        }
        if (normalized.equals("bash") || normalized.equals("sh")) {
            return normalized;
        }
        if (isPowerShell(normalized)) {
            return findOnPath("pwsh").or(() -> findOnPath("powershell"))
                    .map(p -> p.getFileName().toString().replaceFirst("\\.exe$", ""))
                    .orElseThrow(() -> new IllegalStateException(
                            "Powershell or pwsh is not installed. Please install one of them."));
        }
        throw new IllegalArgumentException("Unsupported language: " + normalized);
    }

    /** Adds {@code -qqq} to {@code pip install} lines, as Python's {@code silence_pip}. */
    static String silencePip(String code, String normalized) {
        Pattern pattern;
        if (normalized.equals("python")) {
            pattern = PYTHON_PIP;
        } else if (SHELLS.contains(normalized) || isPowerShell(normalized)) {
            pattern = SHELL_PIP;
        } else {
            return code;
        }
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = pattern.matcher(lines[i]);
            if (m.find() && !lines[i].contains("-qqq")) {
                lines[i] = lines[i].replace(m.group(), m.group() + " -qqq");
            }
        }
        return String.join("\n", lines);
    }

    /**
     * The file name a {@code # filename: <name>} first line asks for, relative to the workspace,
     * as Python's {@code get_file_name_from_content}.
     *
     * @throws IllegalArgumentException if the name points outside the workspace
     */
    static Optional<String> fileNameFromContent(String code, Path workspace) {
        String firstLine = code.split("\n", -1)[0];
        if (!firstLine.startsWith("# filename:")) {
            return Optional.empty();
        }
        String name = firstLine.split(":", -1)[1].strip();
        Path root = workspace.toAbsolutePath().normalize();
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("'" + name + "' is not in the workspace " + root);
        }
        return Optional.of(root.relativize(target).toString());
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
