package dev.autogen.ext.tools.python;

import org.jspecify.annotations.Nullable;

/**
 * A Python function tool that failed: the function raised (its message is then
 * {@code "ValueError: ..."}, naming the Python exception), a call timed out, or the python3 process
 * could not be started or set up (no interpreter, a module of {@code global_imports} not installed).
 * A workbench turns it into an error result whose text is this message.
 */
public final class PythonToolException extends RuntimeException {
    private final @Nullable String pythonType;
    private final @Nullable String pythonTraceback;
    private final String configField;

    /** A failure on the Java side: the process, the protocol, a time limit. */
    public PythonToolException(String message) {
        this(message, null, null, "");
    }

    /** An exception the Python function raised. */
    PythonToolException(String message, @Nullable String pythonType, @Nullable String pythonTraceback) {
        this(message, pythonType, pythonTraceback, "");
    }

    private PythonToolException(String message, @Nullable String pythonType, @Nullable String pythonTraceback,
            String configField) {
        super(message);
        this.pythonType = pythonType;
        this.pythonTraceback = pythonTraceback;
        this.configField = configField;
    }

    /** A problem with one field of the tool's config, e.g. {@code global_imports}. */
    static PythonToolException inConfig(String field, String message) {
        return new PythonToolException(message, null, null, field);
    }

    /** The config field the problem lies in, or {@code ""} when it is not one field's. */
    String configField() {
        return configField;
    }

    /** The class name of the Python exception raised, e.g. {@code ValueError}; null for other failures. */
    public @Nullable String pythonType() {
        return pythonType;
    }

    /** The Python traceback of the exception raised; null for other failures. */
    public @Nullable String pythonTraceback() {
        return pythonTraceback;
    }
}
