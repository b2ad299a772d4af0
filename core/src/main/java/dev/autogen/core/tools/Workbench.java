package dev.autogen.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.component.ComponentBase;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A set of tools that can be listed and called, possibly sharing state or a connection (an MCP
 * server, a browser). Every failure of a call comes back as an error {@link ToolResult}, so an
 * agent can hand it to the model; only cancellation throws.
 *
 * <!-- java-context: import dev.autogen.core.CancellationToken;
 *      import dev.autogen.core.tools.annotation.ToolFunction; CancellationToken token;
 *      class WeatherTools {
 *          @ToolFunction("Get the weather for a city") public String getWeather(String city) { return "Sunny"; }
 *      } -->
 * <pre>{@code
 * try (Workbench workbench = new StaticWorkbench(FunctionTool.fromMethods(new WeatherTools()))) {
 *     List<ToolSchema> schemas = workbench.listTools();
 *     ToolResult r = workbench.callTool(new FunctionCall("1", "{\"city\": \"Paris\"}", "getWeather"), token);
 * }
 * }</pre>
 */
public interface Workbench extends AutoCloseable, ComponentBase {

    /** The schemas of the tools currently available. */
    List<ToolSchema> listTools();

    /**
     * Calls a tool.
     *
     * @param name the tool name, as listed
     * @param arguments the arguments object; null for none
     * @param cancellationToken cancels the call; null if not cancellable
     * @param callId the model's call id, for logging; null if none
     * @return the result; {@code isError} is set for an unknown tool, bad arguments or a throwing tool
     * @throws java.util.concurrent.CancellationException if the token is cancelled
     */
    ToolResult callTool(String name, @Nullable JsonNode arguments, @Nullable CancellationToken cancellationToken,
            @Nullable String callId);

    /** {@link #callTool(String, JsonNode, CancellationToken, String)} without token and call id. */
    default ToolResult callTool(String name, @Nullable JsonNode arguments) {
        return callTool(name, arguments, null, null);
    }

    /**
     * Calls the tool a model asked for, parsing its JSON argument text; malformed JSON gives an
     * error result naming the tool and the problem.
     */
    default ToolResult callTool(FunctionCall call, @Nullable CancellationToken cancellationToken) {
        var parsed = FunctionCallArguments.parse(call);
        return parsed.error() != null ? parsed.error()
                : callTool(call.name(), parsed.arguments(), cancellationToken, call.id());
    }

    /** Starts the workbench (connects, launches processes); a no-op for static tools. */
    default void start() {
    }

    /** Stops the workbench and releases its resources. */
    default void stop() {
    }

    /** Resets the tools' state. */
    default void reset() {
    }

    /** The workbench state as JSON-ready data. */
    default Map<String, Object> saveState() {
        return Map.of();
    }

    /** Restores state saved by {@link #saveState()}. */
    default void loadState(Map<String, Object> state) {
    }

    /** {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }
}
