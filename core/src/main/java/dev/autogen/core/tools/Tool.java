package dev.autogen.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentBase;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.serialization.AutogenJson;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Something a model can call: a name, a description and an argument schema sent to the model, and
 * {@link #runJson} to execute a call. Implement {@link BaseTool} for a typed tool, or build a
 * {@link FunctionTool} from annotated methods or a lambda.
 *
 * <p>Callers normally run tools through a {@link Workbench}, which turns every failure into an
 * error {@link ToolResult}; {@link #runJson} itself throws.
 */
public interface Tool extends ComponentBase {
    /** The name the model calls the tool by. */
    String name();

    /** What the tool does, for the model. */
    String description();

    /** The schema sent to the model. */
    ToolSchema schema();

    /**
     * Runs the tool on JSON arguments.
     *
     * @param args the arguments object
     * @param cancellationToken cancels a long-running call
     * @param callId the model's call id, for logging; null if none
     * @return the tool's return value (turned into text by {@link #returnValueAsString})
     * @throws ToolArgumentsException if the arguments do not match the schema
     * @throws Exception anything the tool body throws
     */
    @Nullable Object runJson(JsonNode args, CancellationToken cancellationToken, @Nullable String callId) throws Exception;

    /** The text sent back to the model for a return value: strings as-is, others as JSON. */
    default String returnValueAsString(@Nullable Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Character) {
            return value.toString();
        }
        try {
            return AutogenJson.mapper().writeValueAsString(value);
        } catch (Exception e) {
            return value.toString();
        }
    }

    /**
     * The component config of this tool (component type {@code tool}), for tools that have one.
     *
     * @throws UnsupportedOperationException for a tool without a component config
     */
    @Override
    default ComponentModel dumpComponent() {
        throw new UnsupportedOperationException("tool '" + name() + "' (" + getClass().getName() + ") has no component config");
    }

    /** The tool's state as JSON-ready data; stateless tools return an empty map. */
    default Map<String, Object> saveStateJson() {
        return Map.of();
    }

    /** Restores state saved by {@link #saveStateJson()}. */
    default void loadStateJson(Map<String, Object> state) {
    }
}
