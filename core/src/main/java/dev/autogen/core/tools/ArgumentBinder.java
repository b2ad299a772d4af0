package dev.autogen.core.tools;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/** Checks JSON arguments against a tool's argument list and converts them to Java values. */
final class ArgumentBinder {
    private static final ObjectMapper JSON = AutogenJson.mapper();

    private ArgumentBinder() {
    }

    /**
     * Checks that {@code args} is an object holding every required argument with a non-null value.
     *
     * @throws ToolArgumentsException naming the tool and the argument
     */
    static ObjectNode checkRequired(String toolName, JsonNode args, List<JsonSchemas.Argument> arguments) {
        if (!(args instanceof ObjectNode object)) {
            throw new ToolArgumentsException("invalid arguments for tool '" + toolName
                    + "': expected a JSON object, got " + args.getNodeType().name().toLowerCase() + " " + args);
        }
        for (JsonSchemas.Argument arg : arguments) {
            JsonNode value = object.get(arg.name());
            if (arg.required() && (value == null || value.isNull())) {
                throw new ToolArgumentsException("missing required argument '" + arg.name() + "' for tool '"
                        + toolName + "'" + (value == null ? "" : " (it was null)") + "; given: " + object);
            }
        }
        return object;
    }

    /**
     * Converts one argument value to its Java type.
     *
     * @throws ToolArgumentsException if the value does not fit the type
     */
    static Object convert(String toolName, String argName, JsonNode value, Type type) {
        boolean optional = JsonSchemas.rawClass(type) == Optional.class;
        Type target = JsonSchemas.unwrapOptional(type);
        if (value == null || value.isNull()) {
            return optional ? Optional.empty() : null;
        }
        try {
            JavaType javaType = JSON.getTypeFactory().constructType(target);
            Object converted = JSON.convertValue(value, javaType);
            return optional ? Optional.ofNullable(converted) : converted;
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentsException("invalid argument '" + argName + "' for tool '" + toolName + "': "
                    + value + " is not a valid " + JsonSchemas.rawClass(target).getSimpleName()
                    + " (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    /**
     * Converts the whole argument object to a record.
     *
     * @throws ToolArgumentsException if a value does not fit its component's type
     */
    static <A> A convertRecord(String toolName, ObjectNode args, Class<A> type) {
        try {
            return JSON.convertValue(args, type);
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentsException("invalid arguments for tool '" + toolName + "': "
                    + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
