package dev.autogen.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A tool that reports progress while it runs (Python's {@code StreamTool}): intermediate items go
 * to {@code emit}, the return value is the final result.
 */
public interface StreamTool extends Tool {
    /**
     * Runs the tool, emitting intermediate items.
     *
     * @throws Exception any failure; a workbench reports it as an error result
     */
    @Nullable Object runJsonStream(JsonNode args, CancellationToken cancellationToken, @Nullable String callId,
            Consumer<Object> emit) throws Exception;
}
