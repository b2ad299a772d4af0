package dev.autogen.cli;

import java.util.regex.Pattern;

/**
 * A failure the command reports as one paragraph on stderr, without a stack trace, and ends with
 * {@link #exitCode()}.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The config (or another input file) is missing, malformed or cannot be loaded. */
    static final int CONFIG_PROBLEM = 1;
    /** The config loaded but the run failed. */
    static final int RUN_FAILURE = 2;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliException config(String message) {
        return new CliException(CONFIG_PROBLEM, message);
    }

    int exitCode() {
        return exitCode;
    }

    /** A Java exception class name inside a message, e.g. {@code java.lang.IllegalStateException: }. */
    private static final Pattern CLASS_PREFIX = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

    /**
     * The messages of {@code e} and its causes, without repeats or Java class names, joined as one
     * sentence chain.
     */
    static String describe(Throwable e) {
        var text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean silent = t.getMessage() == null || t.getMessage().isBlank();
            if (silent && !text.isEmpty()) {
                continue;
            }
            String message = silent ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return CLASS_PREFIX.matcher(text).replaceAll("");
    }
}
