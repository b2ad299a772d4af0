package dev.autogen.ext.code_executors.docker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of Python's {@code autogen_ext.code_executors._common} the Docker executor needs:
 * languages and their programs inside the container, code file names, quiet {@code pip install},
 * the functions module.
 */
final class CodeFiles {
    static final List<String> SUPPORTED_LANGUAGES = List.of("bash", "shell", "sh", "pwsh", "powershell", "ps1",
            "python");
    private static final List<String> PYTHON_VARIANTS = List.of("python", "py");
    private static final List<String> SHELLS = List.of("bash", "shell", "sh");
    private static final List<String> POWERSHELLS = List.of("pwsh", "powershell", "ps1");
    private static final Pattern PYTHON_PIP = Pattern.compile("^! ?pip install");
    private static final Pattern SHELL_PIP = Pattern.compile("^pip install");

    private CodeFiles() {
    }

    /** Lower-cases the tag and maps Python's variants ({@code py}) to {@code python}. */
    static String normalize(String language) {
        String lang = language.toLowerCase(Locale.ROOT);
        return PYTHON_VARIANTS.contains(lang) ? "python" : lang;
    }

    static boolean isSupported(String normalized) {
        return SUPPORTED_LANGUAGES.contains(normalized);
    }

    /** The program that runs a file of this language in the container. */
    static String program(String normalized) {
        if (normalized.equals("python")) {
            return "python";
        }
        if (normalized.equals("shell")) {
            return "sh";
        }
        if (POWERSHELLS.contains(normalized)) {
            return "pwsh";
        }
        if (SHELLS.contains(normalized)) {
            return normalized;
        }
        throw new IllegalArgumentException("Unsupported language: " + normalized);
    }

    /**
     * The command run in the container for a code file: the program under coreutils'
     * {@code timeout}, which ends it with exit code 124, as Python's executor does.
     */
    static List<String> command(String normalized, String fileName, int timeoutSeconds) {
        return List.of("timeout", Integer.toString(timeoutSeconds), program(normalized), fileName);
    }

    /** The command that kills a running {@link #command}, as Python's {@code pkill -f <command>}. */
    static List<String> killCommand(List<String> command) {
        return List.of("pkill", "-f", String.join(" ", command));
    }

    /** {@code tmp_code_<sha256 of the code>.<py|ps1|tag>}. */
    static String defaultFileName(String code, String normalized) {
        String extension = normalized.equals("python") ? "py" : POWERSHELLS.contains(normalized) ? "ps1" : normalized;
        return "tmp_code_" + sha256(code) + "." + extension;
    }

    /** Adds {@code -qqq} to {@code pip install} lines, as Python's {@code silence_pip}. */
    static String silencePip(String code, String normalized) {
        Pattern pattern;
        if (normalized.equals("python")) {
            pattern = PYTHON_PIP;
        } else if (SHELLS.contains(normalized) || POWERSHELLS.contains(normalized)) {
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
     * The file name a {@code # filename: <name>} first line asks for, relative to the workspace.
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
        return Optional.of(root.relativize(target).toString().replace('\\', '/'));
    }

    /** The functions module, as Python's {@code build_python_functions_file}: imports, then each function. */
    static String functionsModule(List<PythonFunction> functions) {
        Set<String> imports = new LinkedHashSet<>();
        for (PythonFunction function : functions) {
            for (String im : function.globalImports()) {
                String statement = im.strip();
                imports.add(statement.startsWith("import ") || statement.startsWith("from ")
                        ? statement : "import " + statement);
            }
        }
        StringBuilder module = new StringBuilder(String.join("\n", imports)).append("\n\n");
        for (PythonFunction function : functions) {
            module.append(dedent(function.source()).strip()).append("\n\n");
        }
        return module.toString();
    }

    /** Removes the indentation all non-blank lines share, as Python's {@code textwrap.dedent}. */
    static String dedent(String text) {
        String[] lines = text.split("\n", -1);
        int common = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                common = Math.min(common, line.length() - line.stripLeading().length());
            }
        }
        if (common == Integer.MAX_VALUE || common == 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(lines[i].isBlank() ? "" : lines[i].substring(common));
        }
        return out.toString();
    }

    /** The distinct pip requirements of all functions, in first-seen order. */
    static List<String> requiredPackages(List<PythonFunction> functions) {
        return functions.stream().flatMap(f -> f.pythonPackages().stream()).distinct().toList();
    }

    /** Quotes words for {@code sh}, as Python's {@code shlex.join}. */
    static String shellJoin(List<String> words) {
        StringBuilder joined = new StringBuilder();
        for (String word : words) {
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(word.matches("[A-Za-z0-9@%+=:,./_-]+") ? word : "'" + word.replace("'", "'\"'\"'") + "'");
        }
        return joined.toString();
    }

    private static String sha256(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
