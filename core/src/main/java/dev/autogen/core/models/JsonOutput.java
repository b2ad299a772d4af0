package dev.autogen.core.models;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.tools.JsonSchemas;
import java.util.Objects;

/**
 * Python's {@code json_output} argument: JSON mode on or off ({@link #JSON_MODE}, {@link #TEXT}),
 * or structured output validated against the JSON schema of a Java type
 * ({@link #structured(Class)}). A request without one uses the client's default.
 *
 * <!-- java-context: import dev.autogen.core.serialization.AutogenJson; import java.util.List;
 *      List<LLMMessage> messages; ChatCompletionClient client; -->
 * <pre>{@code
 * record Verdict(boolean approved, String reason) {}
 * var request = CreateRequest.builder(messages).jsonOutput(JsonOutput.structured(Verdict.class)).build();
 * Verdict v = AutogenJson.mapper().readValue(client.create(request).content().toString(), Verdict.class);
 * }</pre>
 */
public sealed interface JsonOutput permits JsonOutput.Mode, JsonOutput.Structured {
    /** JSON mode: the model answers with a JSON object (say so in the prompt). */
    JsonOutput JSON_MODE = new Mode(true);
    /** Plain text output. */
    JsonOutput TEXT = new Mode(false);

    /** Structured output whose schema is generated from {@code type} (a record, usually). */
    static JsonOutput structured(Class<?> type) {
        return new Structured(type);
    }

    /** JSON mode on or off. */
    record Mode(boolean enabled) implements JsonOutput {
    }

    /**
     * Structured output to the schema of {@code type}.
     */
    record Structured(Class<?> type) implements JsonOutput {
        public Structured {
            Objects.requireNonNull(type, "type");
        }

        /** The JSON schema of {@link #type()}, shaped like pydantic's. */
        public ObjectNode schema() {
            return JsonSchemas.forType(type);
        }

        /** The schema's name as providers want it: the type's simple name. */
        public String name() {
            return type.getSimpleName();
        }
    }
}
