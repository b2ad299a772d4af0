package dev.autogen.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.tools.annotation.ToolFunction;
import dev.autogen.core.tools.annotation.ToolParam;
import dev.autogen.core.utils.Concurrency;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * A tool made from Java code: an {@link ToolFunction @ToolFunction}-annotated method, or a lambda taking an
 * argument record. A method may return a {@code CompletableFuture}; its result is awaited, as
 * Python awaits an async tool function. The Java counterpart of Python's {@code FunctionTool}, whose schema it matches:
 * a method parameter without a {@link ToolParam} description is described by its name.
 *
 * <!-- java-context: import java.util.Optional; -->
 * <pre>{@code
 * class WeatherTools {
 *     @ToolFunction("Get the weather for a city")
 *     String getWeather(@ToolParam("City name") String city, Optional<String> unit) {
 *         return "Sunny, 22 degrees " + unit.orElse("Celsius") + " in " + city;
 *     }
 * }
 * List<FunctionTool> tools = FunctionTool.fromMethods(new WeatherTools());
 *
 * record SearchArgs(@ToolParam("What to look for") String query) {}
 * FunctionTool search = FunctionTool.of("web_search", "Find information on the web", SearchArgs.class,
 *         args -> "AutoGen is a programming framework for building multi-agent applications.");
 * }</pre>
 */
public final class FunctionTool implements dev.autogen.core.tools.Tool, Component<FunctionToolConfig> {
    /** The provider name Python writes in component configs (whose Python source cannot load in Java). */
    public static final String PROVIDER = "autogen_core.tools.FunctionTool";

    private final String name;
    private final String description;
    private final boolean strict;
    private final List<JsonSchemas.Argument> arguments;
    private final ToolSchema schema;
    private final Invoker invoker;

    private FunctionTool(String name, String description, boolean strict, List<JsonSchemas.Argument> arguments, Invoker invoker) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("tool name must not be blank");
        }
        this.name = name;
        this.description = description;
        this.strict = strict;
        this.arguments = List.copyOf(arguments);
        this.schema = BaseTool.schemaFor(name, description, strict, this.arguments);
        this.invoker = invoker;
    }

    /** A tool body taking the argument record. */
    @FunctionalInterface
    public interface Body<A, R> {
        @Nullable R apply(A args) throws Exception;
    }

    /** A tool body taking the argument record and the call's cancellation token. */
    @FunctionalInterface
    public interface CancellableBody<A, R> {
        @Nullable R apply(A args, CancellationToken cancellationToken) throws Exception;
    }

    @FunctionalInterface
    private interface Invoker {
        @Nullable Object invoke(ObjectNode args, CancellationToken token) throws Exception;
    }

    /** A tool running {@code body} on the argument record {@code argsType}. */
    public static <A extends Record, R> FunctionTool of(String name, String description, Class<A> argsType, Body<A, R> body) {
        Objects.requireNonNull(body, "body");
        return of(name, description, argsType, (CancellableBody<A, R>) (args, token) -> body.apply(args));
    }

    /** A tool running {@code body}, which also receives the call's cancellation token. */
    public static <A extends Record, R> FunctionTool of(
            String name, String description, Class<A> argsType, CancellableBody<A, R> body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(argsType, "argsType");
        Objects.requireNonNull(body, "body");
        return new FunctionTool(name, description, false, JsonSchemas.argumentsOf(argsType),
                (args, token) -> body.apply(ArgumentBinder.convertRecord(name, args, argsType), token));
    }

    /**
     * One tool per {@link ToolFunction @ToolFunction} method of {@code target}'s class (instance and static
     * methods), ordered by name. Pass a {@code Class} to use only its static methods.
     *
     * @throws IllegalArgumentException if there is no such method, or two tools share a name
     */
    public static List<FunctionTool> fromMethods(Object target) {
        Objects.requireNonNull(target, "target");
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(ToolFunction.class) && !m.isBridge()
                        && (!(target instanceof Class<?>) || Modifier.isStatic(m.getModifiers()))) {
                    methods.add(m);
                }
            }
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no @ToolFunction methods"
                    + (target instanceof Class<?> ? " that are static; pass an instance for instance methods" : ""));
        }
        methods.sort(Comparator.comparing(Method::getName));
        List<FunctionTool> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Method m : methods) {
            FunctionTool tool = fromMethod(Modifier.isStatic(m.getModifiers()) ? null : target, m);
            if (!names.add(tool.name())) {
                throw new IllegalArgumentException("duplicate tool name '" + tool.name() + "' in " + type.getName()
                        + ": overloaded @ToolFunction methods need distinct @ToolFunction(name = ...)");
            }
            tools.add(tool);
        }
        return List.copyOf(tools);
    }

    /**
     * A tool calling {@code method} on {@code target} (null for a static method). The method need
     * not carry {@link ToolFunction @ToolFunction}; without it, name and description are the method name.
     *
     * @throws IllegalArgumentException if target is null for an instance method
     */
    public static FunctionTool fromMethod(@Nullable Object target, Method method) {
        Objects.requireNonNull(method, "method");
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        if (!isStatic && target == null) {
            throw new IllegalArgumentException("method " + method.getName() + " is not static: pass the object to call it on");
        }
        ToolFunction annotation = method.getAnnotation(ToolFunction.class);
        String name = annotation != null && !annotation.name().isEmpty() ? annotation.name() : method.getName();
        String description = annotation != null && !annotation.value().isEmpty() ? annotation.value() : name;
        boolean strict = annotation != null && annotation.strict();

        Parameter[] parameters = method.getParameters();
        List<JsonSchemas.Argument> arguments = new ArrayList<>();
        List<JsonSchemas.@Nullable Argument> slots = new ArrayList<>();
        for (Parameter p : parameters) {
            if (p.getType() == CancellationToken.class) {
                slots.add(null);
                continue;
            }
            if (!p.isNamePresent() && (p.getAnnotation(ToolParam.class) == null || p.getAnnotation(ToolParam.class).name().isEmpty())) {
                throw new IllegalArgumentException("tool '" + name + "': parameter names of " + method
                        + " are not available; compile with -parameters or name them with @ToolParam(name = ...)");
            }
            ToolParam param = p.getAnnotation(ToolParam.class);
            String argName = param != null && !param.name().isEmpty() ? param.name() : JsonSchemas.argumentName(p.getName());
            String argDescription = param != null && !param.value().isEmpty() ? param.value() : argName;
            var arg = new JsonSchemas.Argument(argName, p.getParameterizedType(), argDescription,
                    !p.getType().isPrimitive() ? JsonSchemas.isRequired(p.getParameterizedType(), p.getAnnotatedType()) : true);
            arguments.add(arg);
            slots.add(arg);
        }
        try {
            method.setAccessible(true);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("tool '" + name + "': cannot call " + method + " (" + e.getMessage()
                    + "); make the method public or open its package to dev.autogen.core", e);
        }
        Invoker invoker = (args, token) -> {
            Object[] values = new Object[slots.size()];
            for (int i = 0; i < values.length; i++) {
                JsonSchemas.Argument arg = slots.get(i);
                values[i] = arg == null ? token : ArgumentBinder.convert(name, arg.name(), args.get(arg.name()), arg.type());
            }
            try {
                return awaitIfFuture(method.invoke(target, values), token);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        };
        return new FunctionTool(name, description, strict, arguments, invoker);
    }

    /**
     * The value of a method that returns a future ({@code CompletableFuture}, any
     * {@code CompletionStage} or {@code Future}), as Python awaits an async tool function.
     */
    private static @Nullable Object awaitIfFuture(@Nullable Object value, CancellationToken token) throws Exception {
        Future<?> future = value instanceof CompletionStage<?> stage ? stage.toCompletableFuture()
                : value instanceof Future<?> f ? f : null;
        if (future == null) {
            return value;
        }
        try {
            return Concurrency.await(future, token, "the tool's future");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A copy with strict mode on or off. */
    public FunctionTool withStrict(boolean newStrict) {
        return new FunctionTool(name, description, newStrict, arguments, invoker);
    }

    @Override
    public @Nullable Object runJson(JsonNode args, CancellationToken cancellationToken, @Nullable String callId) throws Exception {
        return invoker.invoke(ArgumentBinder.checkRequired(name, args, arguments), cancellationToken);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    /** Whether strict mode is on. */
    public boolean strict() {
        return strict;
    }

    @Override
    public ToolSchema schema() {
        return schema;
    }

    @Override
    public String toString() {
        return "FunctionTool[" + name + "]";
    }

    @Override
    public ComponentProvider<?, FunctionToolConfig> componentProvider() {
        return new Provider();
    }

    /**
     * Always fails: a Java function tool wraps compiled code, which a config cannot carry.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public FunctionToolConfig toConfig() {
        throw new UnsupportedOperationException("FunctionTool '" + name + "' wraps Java code, which has no component"
                + " config; re-create it in code (FunctionTool.fromMethods / FunctionTool.of) when loading");
    }

    @Override
    public ComponentModel dumpComponent() {
        return Component.super.dumpComponent();
    }

    /**
     * Resolves {@code autogen_core.tools.FunctionTool} so that a Python function tool in a config
     * fails with a precise message instead of "unknown provider". A {@linkplain #isStandIn() stand-in}:
     * with {@code autogen-ext-python-tools} on the class path, its {@code PythonFunctionTool} provider
     * takes the provider string and runs such tools in a python3 process.
     */
    public static final class Provider extends AbstractComponentProvider<FunctionTool, FunctionToolConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.TOOL,
                    FunctionTool.class, FunctionToolConfig.class,
                    "Create custom tools by wrapping standard Python functions.");
        }

        @Override
        public boolean isStandIn() {
            return true;
        }

        /**
         * Always fails, naming the tool.
         *
         * @throws dev.autogen.core.component.ComponentLoadException always
         */
        @Override
        public FunctionTool fromConfig(FunctionToolConfig config, ComponentContext context) {
            throw context.invalid("source_code", "Python FunctionTool '" + config.name() + "' is Python source code,"
                    + " which cannot run in Java; write it as a @ToolFunction method and add it with FunctionTool.fromMethods,"
                    + " or add the module autogen-ext-python-tools to run it in a python3 process");
        }
    }
}
