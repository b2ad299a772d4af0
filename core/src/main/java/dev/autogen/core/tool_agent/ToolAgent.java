package dev.autogen.core.tool_agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.AgentInstantiationContext;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.MessageContext;
import dev.autogen.core.RoutedAgent;
import dev.autogen.core.Rpc;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolArgumentsException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * An agent that executes {@link FunctionCall}s sent to it as direct messages and replies with a
 * {@link FunctionExecutionResult}. A call it cannot complete fails with a {@link ToolException}
 * ({@link ToolNotFoundException}, {@link InvalidToolArgumentsException}, {@link ToolExecutionException})
 * whose content {@link ToolAgentCallerLoop} hands to the model as an error result.
 *
 * <!-- java-context: import dev.autogen.core.AgentRuntime; import dev.autogen.core.BaseAgent;
 *      import dev.autogen.core.tools.FunctionTool; import dev.autogen.core.tools.annotation.ToolFunction;
 *      AgentRuntime runtime;
 *      class WeatherTools {
 *          @ToolFunction("Get the weather for a city") public String getWeather(String city) { return "Sunny"; }
 *      } -->
 * <pre>{@code
 * BaseAgent.register(runtime, "tool_executor", ToolAgent.class,
 *         ctx -> new ToolAgent(ctx, "Tool executor", FunctionTool.fromMethods(new WeatherTools())));
 * }</pre>
 */
public class ToolAgent extends RoutedAgent {
    private final List<Tool> tools;

    /**
     * A tool agent.
     *
     * @throws IllegalArgumentException if two tools share a name
     */
    public ToolAgent(AgentInstantiationContext context, String description, List<? extends Tool> tools) {
        super(context, description);
        this.tools = List.copyOf(tools);
        Set<String> names = new HashSet<>();
        for (Tool tool : this.tools) {
            if (!names.add(tool.name())) {
                throw new IllegalArgumentException("duplicate tool name '" + tool.name() + "': tool names must be unique");
            }
        }
    }

    /** The tools this agent runs. */
    public List<Tool> tools() {
        return tools;
    }

    /**
     * Runs one function call.
     *
     * @throws ToolNotFoundException if no tool has the call's name
     * @throws InvalidToolArgumentsException if the arguments are malformed JSON or do not fit the schema
     * @throws ToolExecutionException if the tool throws
     */
    @Rpc
    public FunctionExecutionResult handleFunctionCall(FunctionCall message, MessageContext ctx) {
        Tool tool = tools.stream().filter(t -> t.name().equals(message.name())).findFirst()
                .orElseThrow(() -> new ToolNotFoundException(message.id(), "Error: Tool not found: " + message.name(),
                        message.name(), null));
        JsonNode args;
        try {
            args = AutogenJson.mapper().readTree(message.arguments().isBlank() ? "{}" : message.arguments());
        } catch (JsonProcessingException e) {
            throw new InvalidToolArgumentsException(message.id(), "Error: Invalid arguments: " + message.arguments(),
                    message.name(), e);
        }
        Object result;
        try {
            result = tool.runJson(args, ctx.cancellationToken(), message.id());
        } catch (ToolArgumentsException e) {
            throw new InvalidToolArgumentsException(message.id(), "Error: " + e.getMessage(), message.name(), e);
        } catch (CancellationException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while running tool '" + message.name() + "'");
        } catch (Exception e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ToolExecutionException(message.id(), "Error: " + detail, message.name(), e);
        }
        return new FunctionExecutionResult(tool.returnValueAsString(result), message.name(), message.id(), false);
    }
}
