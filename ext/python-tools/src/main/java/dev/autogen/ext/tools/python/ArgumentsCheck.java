package dev.autogen.ext.tools.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.ToolArgumentsException;
import java.util.List;

/**
 * Checks a call's arguments against the function's parameters schema before they reach Python, as
 * Python's {@code FunctionTool} validates them with pydantic. Arguments the function does not take are
 * dropped, as pydantic ignores them.
 */
final class ArgumentsCheck {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final String tool;
    private final ParametersSchema parameters;
    private final Schema schema;

    ArgumentsCheck(String tool, ParametersSchema parameters) {
        this.tool = tool;
        this.parameters = parameters;
        ObjectNode json = dev.autogen.core.serialization.AutogenJson.mapper().valueToTree(parameters);
        json.remove("additionalProperties");
        this.schema = REGISTRY.getSchema(json);
    }

    /**
     * The arguments the function takes.
     *
     * @throws ToolArgumentsException naming the tool and every argument that does not fit
     */
    ObjectNode check(JsonNode args) {
        if (!(args instanceof ObjectNode object)) {
            throw new ToolArgumentsException("invalid arguments for tool '" + tool + "': expected a JSON object, got "
                    + args.getNodeType().name().toLowerCase() + " " + args);
        }
        List<Error> errors = schema.validate(object);
        if (!errors.isEmpty()) {
            throw new ToolArgumentsException("invalid arguments for tool '" + tool + "': "
                    + String.join("; ", errors.stream().map(Error::getMessage).toList()) + "; given: " + object);
        }
        ObjectNode known = object.deepCopy();
        known.retain(parameters.properties().keySet());
        return known;
    }
}
