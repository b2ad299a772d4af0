package dev.autogen.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Workbench} whose tool calls can report intermediate items before the final
 * {@link ToolResult} (Python's {@code call_tool_stream}).
 */
public interface StreamWorkbench extends Workbench {
    /**
     * Calls a tool, passing each intermediate item to {@code events} on the calling thread, and
     * returns the final result. Failures are error results, as for {@link #callTool}.
     *
     * @throws java.util.concurrent.CancellationException if the token is cancelled
     */
    ToolResult callToolStream(String name, @Nullable JsonNode arguments, @Nullable CancellationToken cancellationToken,
            @Nullable String callId, Consumer<Object> events);

    /**
     * Calls the tool a model asked for, streaming its events; malformed JSON arguments give an error
     * result instead of a call.
     */
    default ToolResult callToolStream(FunctionCall call, @Nullable CancellationToken cancellationToken,
            Consumer<Object> events) {
        var parsed = FunctionCallArguments.parse(call);
        return parsed.error() != null ? parsed.error()
                : callToolStream(call.name(), parsed.arguments(), cancellationToken, call.id(), events);
    }
}
