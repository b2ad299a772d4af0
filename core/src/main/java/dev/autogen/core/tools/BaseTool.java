package dev.autogen.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.CancellationToken;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tool with typed arguments: a record whose components are the arguments (describe them with
 * {@link dev.autogen.core.tools.annotation.ToolParam}). The schema is generated from the record;
 * {@link #runJson} checks and converts the model's JSON before calling {@link #run}.
 *
 * <!-- java-context: import dev.autogen.core.tools.annotation.ToolParam; -->
 * <pre>{@code
 * record AddArgs(@ToolParam("First addend") int a, @ToolParam("Second addend") int b) {}
 * final class AddTool extends BaseTool<AddArgs, Integer> {
 *     AddTool() { super(AddArgs.class, "add", "Adds two numbers"); }
 *     @Override public Integer run(AddArgs args, CancellationToken token) { return args.a() + args.b(); }
 * }
 * }</pre>
 *
 * @param <A> the argument record
 * @param <R> the return type
 */
public abstract class BaseTool<A extends Record, R> implements Tool {
    private final Class<A> argsType;
    private final String name;
    private final String description;
    private final boolean strict;
    private final List<JsonSchemas.Argument> arguments;
    private final ToolSchema schema;

    /** A non-strict tool. */
    protected BaseTool(Class<A> argsType, String name, String description) {
        this(argsType, name, description, false);
    }

    /**
     * A tool.
     *
     * @param strict strict mode: every argument must be required (no {@code Optional} or nullable components)
     * @throws IllegalArgumentException if strict and an argument is optional
     */
    protected BaseTool(Class<A> argsType, String name, String description, boolean strict) {
        this.argsType = Objects.requireNonNull(argsType, "argsType");
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.strict = strict;
        this.arguments = JsonSchemas.argumentsOf(argsType);
        this.schema = schemaFor(name, description, strict, arguments);
    }

    static ToolSchema schemaFor(String name, String description, boolean strict, List<JsonSchemas.Argument> arguments) {
        if (strict) {
            List<String> optional = arguments.stream().filter(a -> !a.required()).map(JsonSchemas.Argument::name).toList();
            if (!optional.isEmpty()) {
                throw new IllegalArgumentException("tool '" + name + "': strict mode is enabled, but arguments "
                        + optional + " are optional; default arguments are not allowed in strict mode");
            }
        }
        return new ToolSchema(name, description, JsonSchemas.parametersFor(arguments), strict);
    }

    /**
     * Runs the tool.
     *
     * @throws Exception any failure; a workbench reports it to the model as an error result
     */
    public abstract @Nullable R run(A args, CancellationToken cancellationToken) throws Exception;

    @Override
    public final @Nullable Object runJson(JsonNode args, CancellationToken cancellationToken, @Nullable String callId)
            throws Exception {
        ObjectNode object = ArgumentBinder.checkRequired(name, args, arguments);
        return run(ArgumentBinder.convertRecord(name, object, argsType), cancellationToken);
    }

    /** The argument record type. */
    public Class<A> argsType() {
        return argsType;
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
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
