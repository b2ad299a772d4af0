package dev.autogen.ext.tools.semantic_kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.semantickernel.Kernel;
import com.microsoft.semantickernel.contextvariables.ContextVariableType;
import com.microsoft.semantickernel.contextvariables.ContextVariableTypes;
import com.microsoft.semantickernel.orchestration.FunctionResult;
import com.microsoft.semantickernel.orchestration.InvocationContext;
import com.microsoft.semantickernel.semanticfunctions.InputVariable;
import com.microsoft.semantickernel.semanticfunctions.KernelFunction;
import com.microsoft.semantickernel.semanticfunctions.KernelFunctionArguments;
import com.microsoft.semantickernel.semanticfunctions.KernelFunctionMetadata;
import com.microsoft.semantickernel.semanticfunctions.OutputVariable;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * An AutoGen {@link Tool} as a Semantic Kernel {@link KernelFunction}, as Python's
 * {@code KernelFunctionFromTool}: put it in a {@code KernelPlugin} and a kernel can call it. The
 * function's parameters are the tool schema's top-level properties; invoking it runs the tool and
 * returns its result as text.
 *
 * <!-- java-context: import com.microsoft.semantickernel.Kernel;
 *      import com.microsoft.semantickernel.plugin.KernelPlugin; import dev.autogen.core.tools.Tool;
 *      Tool weatherTool; -->
 * <pre>{@code
 * KernelFunction<String> function = KernelFunctionFromTool.of(weatherTool, "weather");
 * Kernel kernel = Kernel.builder()
 *         .withPlugin(new KernelPlugin("weather", "Weather tools", Map.of(function.getName(), function)))
 *         .build();
 * }</pre>
 *
 * <p>Built from a {@link ToolSchema} alone ({@link #ofSchema}) it only describes the tool to a model
 * (as Python's {@code KernelFunctionFromToolSchema}); invoking it fails.
 */
public final class KernelFunctionFromTool extends KernelFunction<String> {
    /** Tools block, so they run on virtual threads rather than on Reactor's shared pools. */
    private static final Scheduler TOOL_THREADS =
            Schedulers.fromExecutorService(Executors.newVirtualThreadPerTaskExecutor(), "autogen-sk-tools");

    private final @Nullable Tool tool;
    private final Map<String, String> jsonTypes;

    private KernelFunctionFromTool(@Nullable Tool tool, ToolSchema schema, @Nullable String pluginName) {
        super(metadata(schema, pluginName), null);
        this.tool = tool;
        this.jsonTypes = jsonTypes(schema);
    }

    /** {@code tool} as a function of the plugin named {@code pluginName} (may be null). */
    public static KernelFunctionFromTool of(Tool tool, @Nullable String pluginName) {
        Objects.requireNonNull(tool, "tool");
        return new KernelFunctionFromTool(tool, tool.schema(), pluginName);
    }

    /** A function that only describes {@code schema}: a model can be offered it, but it cannot be invoked. */
    public static KernelFunctionFromTool ofSchema(ToolSchema schema, @Nullable String pluginName) {
        Objects.requireNonNull(schema, "schema");
        return new KernelFunctionFromTool(null, schema, pluginName);
    }

    /** The tool this function runs, if it was built from one. */
    public @Nullable Tool tool() {
        return tool;
    }

    private static KernelFunctionMetadata<String> metadata(ToolSchema schema, @Nullable String pluginName) {
        List<InputVariable> parameters = SKArguments.inputVariables(schema.parameters());
        return new KernelFunctionMetadata<>(pluginName, schema.name(), schema.description(), parameters,
                new OutputVariable<>("the tool's result as text", String.class));
    }

    private static Map<String, String> jsonTypes(ToolSchema schema) {
        Map<String, String> types = new LinkedHashMap<>();
        if (schema.parameters() != null) {
            schema.parameters().properties().forEach((name, p) -> types.put(name, p.path("type").asText("string")));
        }
        return Map.copyOf(types);
    }

    @Override
    public Mono<FunctionResult<String>> invokeAsync(@Nullable Kernel kernel, @Nullable KernelFunctionArguments arguments,
            @Nullable ContextVariableType<String> variableType, @Nullable InvocationContext invocationContext) {
        if (tool == null) {
            return Mono.error(new IllegalStateException("function '" + getName()
                    + "' only describes a tool schema and cannot be invoked; the agent runs the tool"));
        }
        ObjectNode json = SKArguments.toJson(arguments == null ? Map.of() : arguments, jsonTypes);
        CancellationToken token = new CancellationToken();
        return Mono.fromCallable(() -> {
                    Object value = tool.runJson(json, token, null);
                    String text = tool.returnValueAsString(value);
                    return new FunctionResult<>(ContextVariableTypes.getGlobalVariableTypeForClass(String.class).of(text),
                            text);
                })
                .subscribeOn(TOOL_THREADS)
                .doOnCancel(token::cancel);
    }
}
