package dev.autogen.core;

import java.util.Objects;

/**
 * A function (tool) call requested by a model: which tool, with which JSON arguments, and the id
 * that the matching {@code FunctionExecutionResult} must echo back.
 *
 * <pre>{@code
 * var call = new FunctionCall("call_1", "{\"city\": \"Paris\"}", "get_weather");
 * }</pre>
 *
 * @param id the call id the model assigned; may be empty for models that do not assign one
 * @param arguments the arguments as a JSON object in text form, exactly as the model wrote them
 *     (it may be malformed: tools report that as an error result)
 * @param name the name of the tool to call
 */
public record FunctionCall(String id, String arguments, String name) {
    public FunctionCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(name, "name");
    }
}
