package dev.autogen.core.code_executor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of Python's {@code autogen_ext.code_executors._common} that every command-line style
 * executor (local, Docker, Jupyter) applies to a {@link CodeBlock}: language tags, quiet
 * {@code pip install}, and the name of the file the code is written to.
 *
 * <!-- java-context: import java.nio.file.Path; Path workDir; CodeBlock block; -->
 * <pre>{@code
 * String lang = CodeFileRules.normalize(block.language());      // "Py" -> "python"
 * String code = CodeFileRules.silencePip(block.code(), lang);   // "pip install x" -> "pip install -qqq x"
 * String file = CodeFileRules.fileNameFromContent(code, workDir).orElseGet(() -> CodeFileRules.defaultFileName(code, lang));
 * }</pre>
 */
public final class CodeFileRules {
    private static final Logger LOG = LoggerFactory.getLogger(CodeFileRules.class);

    /** The language tags command-line executors run, after {@link #normalize}. */
    public static final List<String> SUPPORTED_LANGUAGES =
            List.of("bash", "shell", "sh", "pwsh", "powershell", "ps1", "python");
    private static final List<String> PYTHON_VARIANTS = List.of("python", "py");
    private static final List<String> SHELLS = List.of("bash", "shell", "sh");
    private static final List<String> POWERSHELLS = List.of("pwsh", "powershell", "ps1");
    private static final Pattern PYTHON_PIP = Pattern.compile("^! ?pip install");
    private static final Pattern SHELL_PIP = Pattern.compile("^pip install");

    private CodeFileRules() {
    }

    /** Lower-cases the tag and maps Python's variants ({@code Py}, {@code python}) to {@code python}. */
    public static String normalize(String language) {
        String lang = language.toLowerCase(Locale.ROOT);
        return PYTHON_VARIANTS.contains(lang) ? "python" : lang;
    }

    /** Whether a {@link #normalize normalized} tag is in {@link #SUPPORTED_LANGUAGES}. */
    public static boolean isSupported(String normalized) {
        return SUPPORTED_LANGUAGES.contains(normalized);
    }

    /** Whether a normalized tag is {@code bash}, {@code shell} or {@code sh}. */
    public static boolean isShell(String normalized) {
        return SHELLS.contains(normalized);
    }

    /** Whether a normalized tag is {@code pwsh}, {@code powershell} or {@code ps1}. */
    public static boolean isPowerShell(String normalized) {
        return POWERSHELLS.contains(normalized);
    }

    /**
     * Adds {@code -qqq} to {@code pip install} lines (also {@code !pip install} in Python), as
     * Python's {@code silence_pip}, so installs do not flood the output; other languages unchanged.
     */
    public static String silencePip(String code, String normalized) {
        Pattern pattern;
        if (normalized.equals("python")) {
            pattern = PYTHON_PIP;
        } else if (isShell(normalized) || isPowerShell(normalized)) {
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
     * The file name a {@code # filename: <name>} first line asks for, relative to {@code workspace},
     * as Python's {@code get_file_name_from_content}.
     *
     * @throws IllegalArgumentException if the name points outside the workspace
     */
    public static Optional<String> fileNameFromContent(String code, Path workspace) {
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

    /** {@code tmp_code_<sha256 of the code>.<py|ps1|tag>}, the name Python gives an unnamed block. */
    public static String defaultFileName(String code, String normalized) {
        String extension = normalized.startsWith("python") ? "py" : isPowerShell(normalized) ? "ps1" : normalized;
        return "tmp_code_" + sha256(code) + "." + extension;
    }

    private static String sha256(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * The directory a user gave an executor ({@code work_dir}, {@code output_dir}), absolute and
     * normalized, with Python's deprecation warning when it is the current directory. Nothing is
     * created: an executor creates it with {@link #createDirectory} when it first needs it, so building
     * one (e.g. to validate a config) never writes to the file system.
     */
    public static Path userDirectory(Path directory, String setting) {
        Path dir = directory.toAbsolutePath().normalize();
        if (dir.equals(Path.of("").toAbsolutePath().normalize())) {
            LOG.warn("Using the current directory as {} is deprecated.", setting);
        }
        return dir;
    }

    /**
     * Creates {@code dir} and its parents if missing.
     *
     * @param setting the config name of the setting, used in the error
     * @throws UncheckedIOException naming the setting and the directory when it cannot be created
     */
    public static Path createDirectory(Path dir, String setting) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + setting + " '" + dir + "': " + e.getMessage(), e);
        }
    }

    /**
     * The blocks as the user should see them before they run (e.g. to approve them): each in a
     * Markdown fence with its language, separated by blank lines.
     */
    public static String render(List<CodeBlock> blocks) {
        StringBuilder text = new StringBuilder();
        for (CodeBlock block : blocks) {
            text.append(text.isEmpty() ? "" : "\n\n").append("```").append(block.language()).append('\n')
                    .append(block.code()).append(block.code().endsWith("\n") ? "" : "\n").append("```");
        }
        return text.toString();
    }
}
