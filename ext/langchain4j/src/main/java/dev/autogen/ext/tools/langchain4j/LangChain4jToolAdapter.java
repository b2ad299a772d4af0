package dev.autogen.ext.tools.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolArgumentsException;
import dev.autogen.core.tools.ToolSchema;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A LangChain4j tool used as an AutoGen {@link Tool}, the Java counterpart of Python's
 * {@code LangChainToolAdapter}. Wrap either an object with LangChain4j
 * {@link dev.langchain4j.agent.tool.Tool @Tool} methods (one adapter per method, executed by
 * LangChain4j's {@link DefaultToolExecutor}), or a {@link ToolSpecification} with the
 * {@link ToolExecutor} that runs it.
 *
 * <!-- java-context: import dev.langchain4j.agent.tool.P;
 *      import dev.langchain4j.model.chat.request.json.JsonObjectSchema; -->
 * <pre>{@code
 * class Weather {
 *     @dev.langchain4j.agent.tool.Tool("Current temperature in a city, in Celsius")
 *     double temperature(@P("City name") String city) { return 21.5; }
 * }
 * List<LangChain4jToolAdapter> tools = LangChain4jToolAdapter.fromObject(new Weather());
 *
 * ToolSpecification spec = ToolSpecification.builder().name("echo").description("Echoes text")
 *         .parameters(JsonObjectSchema.builder().addStringProperty("text").required("text").build())
 *         .build();
 * LangChain4jToolAdapter echo = LangChain4jToolAdapter.of(spec, (request, memoryId) -> request.arguments());
 * }</pre>
 *
 * <p>The model's arguments reach the executor as the JSON text of a {@link ToolExecutionRequest}
 * whose id is the model's call id, and the executor's text is the tool's result. Arguments that
 * are not an object, lack a required parameter, or cannot be converted to a method's parameter
 * types raise {@link ToolArgumentsException} naming the tool and parameter; an exception thrown by
 * the tool's code is rethrown as-is. A workbench turns both into error results for the model.
 * A {@code @ToolMemoryId} parameter receives {@value #MEMORY_ID}, as in a LangChain4j AI service
 * without chat memory.
 */
public final class LangChain4jToolAdapter implements Tool {
    /** The memory id passed to executors: LangChain4j's default when there is no chat memory. */
    public static final String MEMORY_ID = "default";

    private final ToolSpecification specification;
    private final ToolExecutor executor;
    private final ToolSchema schema;

    private LangChain4jToolAdapter(ToolSpecification specification, ToolExecutor executor) {
        this.specification = Objects.requireNonNull(specification, "specification");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (specification.name() == null || specification.name().isBlank()) {
            throw new IllegalArgumentException("LangChain4j tool specification has no name: " + specification);
        }
        this.schema = LangChain4jSchemas.toolSchema(specification);
    }

    /**
     * An adapter running {@code executor} for the tool described by {@code specification}.
     *
     * @throws IllegalArgumentException if the specification has no name or a schema element that
     *     cannot be mapped
     */
    public static LangChain4jToolAdapter of(ToolSpecification specification, ToolExecutor executor) {
        return new LangChain4jToolAdapter(specification, executor);
    }

    /**
     * One adapter per LangChain4j {@code @Tool} method declared by {@code toolsObject}'s class,
     * ordered by tool name, as LangChain4j's AI services would offer them.
     *
     * @throws IllegalArgumentException if the class has no {@code @Tool} method, or two share a name
     */
    public static List<LangChain4jToolAdapter> fromObject(Object toolsObject) {
        Objects.requireNonNull(toolsObject, "toolsObject");
        Class<?> type = toolsObject.getClass();
        List<LangChain4jToolAdapter> adapters = new ArrayList<>();
        List<ToolSpecification> specifications = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!method.isAnnotationPresent(dev.langchain4j.agent.tool.Tool.class)) {
                continue;
            }
            ToolSpecification specification = ToolSpecifications.toolSpecificationFrom(method);
            ToolExecutor executor = DefaultToolExecutor.builder()
                    .object(toolsObject)
                    .originalMethod(method)
                    .methodToInvoke(method)
                    .wrapToolArgumentsExceptions(true)
                    .propagateToolExecutionExceptions(true)
                    .build();
            specifications.add(specification);
            adapters.add(new LangChain4jToolAdapter(specification, executor));
        }
        if (adapters.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no methods annotated with "
                    + dev.langchain4j.agent.tool.Tool.class.getName());
        }
        try {
            ToolSpecifications.validateSpecifications(specifications);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type.getName() + ": " + e.getMessage(), e);
        }
        adapters.sort(Comparator.comparing(LangChain4jToolAdapter::name));
        return List.copyOf(adapters);
    }

    /** The wrapped LangChain4j specification. */
    public ToolSpecification toolSpecification() {
        return specification;
    }

    @Override
    public String name() {
        return specification.name();
    }

    @Override
    public String description() {
        return specification.description() == null ? "" : specification.description();
    }

    @Override
    public ToolSchema schema() {
        return schema;
    }

    /**
     * Runs the LangChain4j executor.
     *
     * @return the executor's text
     * @throws ToolArgumentsException if the arguments are not an object, lack a required
     *     parameter, or do not fit the method's parameter types
     * @throws Exception what the tool's code threw
     */
    @Override
    public @Nullable Object runJson(JsonNode args, CancellationToken cancellationToken, @Nullable String callId) throws Exception {
        cancellationToken.throwIfCancelled();
        if (!(args instanceof ObjectNode object)) {
            throw new ToolArgumentsException("invalid arguments for tool '" + name() + "': expected a JSON object, got "
                    + args.getNodeType().name().toLowerCase() + " " + args);
        }
        List<String> required = schema.parameters() == null || schema.parameters().required() == null
                ? List.of() : schema.parameters().required();
        for (String parameter : required) {
            JsonNode value = object.get(parameter);
            if (value == null || value.isNull()) {
                throw new ToolArgumentsException("missing required argument '" + parameter + "' for tool '" + name() + "'"
                        + (value == null ? "" : " (it was null)") + "; given: " + object);
            }
        }
        ToolExecutionRequest request = ToolExecutionRequest.builder()
                .id(callId != null ? callId : UUID.randomUUID().toString())
                .name(name())
                .arguments(object.toString())
                .build();
        try {
            return executor.execute(request, MEMORY_ID);
        } catch (dev.langchain4j.exception.ToolArgumentsException e) {
            throw new ToolArgumentsException("invalid arguments for tool '" + name() + "': " + e.getMessage() + "; given: " + object, e);
        } catch (ToolExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "LangChain4jToolAdapter[" + name() + "]";
    }
}
