package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a field declared as a message interface through a {@link MessageFactory}: the one set as the
 * reader's attribute {@code MessageFactory.class} (a team's, with its custom types), else the built-in one.
 */
final class MessageDeserializer extends JsonDeserializer<BaseMessage> implements ContextualDeserializer {
    private static final MessageFactory BUILT_IN = MessageFactory.builtIn();

    private final Class<?> target;

    MessageDeserializer() {
        this(BaseMessage.class);
    }

    private MessageDeserializer(Class<?> target) {
        this.target = target;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property) {
        var type = ctxt.getContextualType();
        return type == null ? this : new MessageDeserializer(type.getRawClass());
    }

    @Override
    public BaseMessage deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = p.readValueAsTree();
        BaseMessage message;
        try {
            MessageFactory factory = ctxt.getAttribute(MessageFactory.class) instanceof MessageFactory custom
                    ? custom : BUILT_IN;
            message = factory.create(node);
        } catch (IllegalArgumentException e) {
            throw JsonMappingException.from(p, e.getMessage(), e);
        }
        if (!target.isInstance(message)) {
            throw JsonMappingException.from(p, "a " + message.type() + " is not a " + target.getSimpleName());
        }
        return message;
    }
}
