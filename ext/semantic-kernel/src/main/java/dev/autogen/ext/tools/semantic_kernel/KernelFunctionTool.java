package dev.autogen.ext.tools.semantic_kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.semantickernel.Kernel;
import com.microsoft.semantickernel.orchestration.FunctionResult;
import com.microsoft.semantickernel.semanticfunctions.InputVariable;
import com.microsoft.semantickernel.semanticfunctions.KernelFunction;
import com.microsoft.semantickernel.semanticfunctions.KernelFunctionArguments;
import com.microsoft.semantickernel.semanticfunctions.annotations.KernelFunctionParameter;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolArgumentsException;
import dev.autogen.core.tools.ToolSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * A Semantic Kernel {@link KernelFunction} (a native {@code @DefineKernelFunction} method or a prompt
 * function) as an AutoGen {@link Tool}, so an {@code AssistantAgent} can call an existing SK plugin.
 * The schema comes from the function's parameters; running the tool invokes the function on the
 * given kernel and returns its result.
 *
 * <!-- java-context: import com.microsoft.semantickernel.Kernel;
 *      import com.microsoft.semantickernel.plugin.KernelPlugin; KernelPlugin lightsPlugin; Kernel kernel; -->
 * <pre>{@code
 * List<Tool> tools = KernelFunctionTool.fromPlugin(lightsPlugin, kernel);
 * }</pre>
 *
 * <p>The tool's name is the function's name, or {@code plugin-function} when {@code qualifiedName} is
 * asked for, matching how Semantic Kernel names functions to OpenAI.
 */
public final class KernelFunctionTool implements Tool {
    private final KernelFunction<?> function;
    private final Kernel kernel;
    private final ToolSchema schema;

    private KernelFunctionTool(KernelFunction<?> function, Kernel kernel, String name) {
        this.function = function;
        this.kernel = kernel;
        this.schema = new ToolSchema(name, function.getDescription(), schemaOf(function.getMetadata().getParameters()), null);
    }

    /** {@code function} as a tool named like the function, invoked on {@code kernel}. */
    public static KernelFunctionTool of(KernelFunction<?> function, Kernel kernel) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(kernel, "kernel");
        return new KernelFunctionTool(function, kernel, function.getName());
    }

    /** {@code function} as a tool named {@code plugin-function}. */
    public static KernelFunctionTool qualified(KernelFunction<?> function, Kernel kernel) {
        Objects.requireNonNull(function, "function");
        String plugin = function.getPluginName();
        return new KernelFunctionTool(function, Objects.requireNonNull(kernel, "kernel"),
                plugin == null || plugin.isEmpty() ? function.getName() : plugin + "-" + function.getName());
    }

    /** Every function of {@code plugin} as a tool, in the plugin's order. */
    public static List<Tool> fromPlugin(com.microsoft.semantickernel.plugin.KernelPlugin plugin, Kernel kernel) {
        List<Tool> tools = new ArrayList<>();
        plugin.getFunctions().values().forEach(f -> tools.add(of(f, kernel)));
        return List.copyOf(tools);
    }

    /** The wrapped function. */
    public KernelFunction<?> function() {
        return function;
    }

    @Override
    public String name() {
        return schema.name();
    }

    @Override
    public String description() {
        return schema.description() == null ? "" : schema.description();
    }

    @Override
    public ToolSchema schema() {
        return schema;
    }

    @Override
    public @Nullable Object runJson(JsonNode args, CancellationToken cancellationToken, @Nullable String callId)
            throws Exception {
        if (args != null && !args.isNull() && !args.isObject()) {
            throw new ToolArgumentsException("arguments of tool '" + name() + "' must be a JSON object, got " + args);
        }
        for (InputVariable p : function.getMetadata().getParameters()) {
            if (p.isRequired() && defaultOf(p) == null && (args == null || !args.hasNonNull(p.getName()))) {
                throw new ToolArgumentsException("tool '" + name() + "' is missing required argument '" + p.getName() + "'");
            }
        }
        KernelFunctionArguments arguments = SKArguments.toKernelArguments(args == null ? AutogenJson.mapper().createObjectNode() : args);
        CompletableFuture<? extends FunctionResult<?>> future = function.invokeAsync(kernel)
                .withArguments(arguments)
                .toFuture();
        cancellationToken.linkFuture(future);
        try {
            FunctionResult<?> result = future.get();
            return result == null ? null : result.getResult();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** The parameter's default, or null when it has none (Semantic Kernel marks that with a sentinel). */
    private static @Nullable String defaultOf(InputVariable p) {
        String value = p.getDefaultValue();
        return value == null || value.isEmpty() || KernelFunctionParameter.NO_DEFAULT_VALUE.equals(value) ? null : value;
    }

    private static ParametersSchema schemaOf(List<InputVariable> parameters) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (InputVariable p : parameters) {
            ObjectNode property = AutogenJson.mapper().createObjectNode();
            property.put("type", SKArguments.jsonType(p.getType()));
            if (p.getDescription() != null && !p.getDescription().isEmpty()) {
                property.put("description", p.getDescription());
            }
            if (p.getEnumValues() != null && !p.getEnumValues().isEmpty()) {
                var values = property.putArray("enum");
                p.getEnumValues().forEach(v -> values.add(String.valueOf(v)));
            }
            if (defaultOf(p) != null) {
                property.put("default", defaultOf(p));
            }
            properties.put(p.getName(), property);
            if (p.isRequired() && defaultOf(p) == null) {
                required.add(p.getName());
            }
        }
        return new ParametersSchema("object", properties, required, null);
    }
}
