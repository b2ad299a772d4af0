package dev.autogen.core.models;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.autogen.core.FunctionCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a model produced: text, or function calls (Python's {@code str | List[FunctionCall]}),
 * used by {@link CreateResult} and {@link AssistantMessage}. JSON: a string, or an array of
 * {@code {"id", "arguments", "name"}} objects.
 *
 * <!-- java-context: import dev.autogen.core.FunctionCall; CreateResult result;
 *      void execute(FunctionCall call) {} -->
 * <pre>{@code
 * switch (result.content()) {
 *     case ModelContent.Text t -> System.out.println(t.text());
 *     case ModelContent.FunctionCalls calls -> calls.calls().forEach(this::execute);
 * }
 * }</pre>
 */
@JsonDeserialize(using = ModelContent.Deserializer.class)
public sealed interface ModelContent permits ModelContent.Text, ModelContent.FunctionCalls {

    /** Wraps text. */
    static ModelContent text(String text) {
        return new Text(text);
    }

    /** Wraps function calls. */
    static ModelContent calls(List<FunctionCall> calls) {
        return new FunctionCalls(calls);
    }

    /** Text output. */
    record Text(String text) implements ModelContent {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @JsonValue
        public String text() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Function calls the model asked for, to be executed by the caller. */
    record FunctionCalls(List<FunctionCall> calls) implements ModelContent {
        public FunctionCalls {
            calls = List.copyOf(calls);
        }

        @JsonValue
        public List<FunctionCall> calls() {
            return calls;
        }
    }

    /** Reads either JSON form. */
    final class Deserializer extends StdDeserializer<ModelContent> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(ModelContent.class);
        }

        @Override
        public ModelContent deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (node.isTextual()) {
                return new Text(node.textValue());
            }
            if (!node.isArray()) {
                return (ModelContent) ctxt.handleUnexpectedToken(ModelContent.class, node.asToken(), p,
                        "content must be a string or an array of function calls");
            }
            List<FunctionCall> calls = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (!item.isObject() || !item.path("name").isTextual()) {
                    throw ctxt.weirdStringException(item.toString(), FunctionCall.class,
                            "content[" + i + "] must be a function call {\"id\", \"arguments\", \"name\"}");
                }
                calls.add(new FunctionCall(item.path("id").asText(""), item.path("arguments").asText(""),
                        item.get("name").textValue()));
            }
            return new FunctionCalls(calls);
        }
    }
}
