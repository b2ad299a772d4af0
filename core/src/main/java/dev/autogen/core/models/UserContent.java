package dev.autogen.core.models;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.autogen.core.Image;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The content of a {@link UserMessage}: plain text, or a list mixing text and {@link Image}s
 * (Python's {@code str | List[str | Image]}). JSON: a string, or an array of strings and
 * {@code {"data": "<base64>"}} image objects.
 */
@JsonDeserialize(using = UserContent.Deserializer.class)
public sealed interface UserContent permits UserContent.Text, UserContent.Multi {

    /** The content as text for a model that reads only text; images become {@code [image]}. */
    String toText();

    /** Text content. */
    record Text(String text) implements UserContent {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @JsonValue
        public String text() {
            return text;
        }

        @Override
        public String toText() {
            return text;
        }
    }

    /**
     * Mixed content; each part is a {@link String} or an {@link Image}.
     *
     * @param parts the parts, in order
     */
    record Multi(List<Object> parts) implements UserContent {
        public Multi {
            parts = List.copyOf(parts);
            for (int i = 0; i < parts.size(); i++) {
                Object part = parts.get(i);
                if (!(part instanceof String) && !(part instanceof Image)) {
                    throw new IllegalArgumentException("content part " + i + " is a " + part.getClass().getName()
                            + "; user message parts must be String or Image");
                }
            }
        }

        @JsonValue
        public List<Object> parts() {
            return parts;
        }

        @Override
        public String toText() {
            var sb = new StringBuilder();
            for (Object part : parts) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(part instanceof String s ? s : "[image]");
            }
            return sb.toString();
        }
    }

    /** Reads either JSON form. */
    final class Deserializer extends StdDeserializer<UserContent> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(UserContent.class);
        }

        @Override
        public UserContent deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (node.isTextual()) {
                return new Text(node.textValue());
            }
            if (!node.isArray()) {
                return (UserContent) ctxt.handleUnexpectedToken(UserContent.class, node.asToken(), p,
                        "user message content must be a string or an array of strings and images");
            }
            List<Object> parts = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isTextual()) {
                    parts.add(item.textValue());
                } else if (item.isObject() && item.path("data").isTextual()) {
                    parts.add(Image.fromBase64(item.get("data").textValue()));
                } else {
                    throw ctxt.weirdStringException(item.toString(), UserContent.class,
                            "content[" + i + "] must be a string or an image object {\"data\": \"<base64>\"}");
                }
            }
            return new Multi(parts);
        }
    }
}
