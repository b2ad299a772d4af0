package dev.autogen.ext.code_executors.docker;

import dev.autogen.core.code_executor.CodeFileRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Docker-only rules next to core's {@link CodeFileRules}: the programs that run each language
 * inside the container, the functions module and its packages.
 */
final class CodeFiles {

    private CodeFiles() {
    }

    /** The program that runs a file of this language in the container. */
    static String program(String normalized) {
        if (normalized.equals("python")) {
            return "python";
        }
        if (normalized.equals("shell")) {
            return "sh";
        }
        if (CodeFileRules.isPowerShell(normalized)) {
            return "pwsh";
        }
        if (CodeFileRules.isShell(normalized)) {
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
}
