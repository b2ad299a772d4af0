package dev.autogen.core.logging;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A structured event for the {@link LoggerNames#EVENT_LOGGER_NAME} logger. Its {@code toString()}
 * is its JSON, exactly as Python AutoGen's event {@code __str__} ({@code json.dumps} of the fields)
 * writes it, so log processors see the same lines from Java and Python processes.
 */
public interface LogEvent {
    /** The {@code type} field, e.g. {@code Message} or {@code MessageDropped}. */
    String type();

    /** The fields in Python's order; values are strings, numbers, JSON-like data or null. */
    Map<String, @Nullable Object> fields();

    /** The event as JSON, formatted as Python's {@code json.dumps} does. */
    default String toJson() {
        return PythonJson.dumps(fields());
    }
}
