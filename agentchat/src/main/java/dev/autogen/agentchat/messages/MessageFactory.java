package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.serialization.JsonErrors;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads messages from their JSON (or {@link BaseMessage#dump()} maps) by their {@code "type"} field.
 * Knows every built-in type; register custom message types and structured-message content types
 * before reading them. Thread-safe.
 *
 * <!-- java-context: JsonNode json; abstract class MyEvent implements BaseAgentEvent {}
 *      record Weather(String city, double celsius) {} -->
 * <pre>{@code
 * var factory = new MessageFactory().register(MyEvent.class).registerStructured(Weather.class);
 * BaseMessage message = factory.create(json);
 * }</pre>
 */
public final class MessageFactory {
    private static final List<Class<? extends BaseMessage>> BUILT_IN = List.of(
            TextMessage.class, MultiModalMessage.class, StopMessage.class, ToolCallSummaryMessage.class,
            HandoffMessage.class, ToolCallRequestEvent.class, ToolCallExecutionEvent.class, MemoryQueryEvent.class,
            UserInputRequestedEvent.class, ModelClientStreamingChunkEvent.class, ThoughtEvent.class,
            SelectSpeakerEvent.class, CodeGenerationEvent.class, CodeExecutionEvent.class, SelectorEvent.class);

    private static final MessageFactory SHARED_BUILT_IN = new MessageFactory().freeze();

    private final Map<String, JavaType> types = new ConcurrentHashMap<>();
    private volatile boolean frozen;

    /** A factory knowing the built-in message types. */
    public MessageFactory() {
        BUILT_IN.forEach(this::register);
    }

    /**
     * One shared factory knowing only the built-in message types, for readers (teams, deserializers) that
     * register nothing, so they do not each build the same table. It refuses registrations.
     */
    public static MessageFactory builtIn() {
        return SHARED_BUILT_IN;
    }

    private MessageFactory freeze() {
        frozen = true;
        return this;
    }

    /** Whether {@code typeName} (a JSON {@code "type"} value) can be read. */
    public boolean isRegistered(String typeName) {
        return types.containsKey(typeName);
    }

    /**
     * Registers a custom message type under its simple class name, the {@code "type"} its JSON must carry.
     *
     * @throws IllegalArgumentException if that name is taken
     * @throws UnsupportedOperationException on {@link #builtIn()}
     */
    public MessageFactory register(Class<? extends BaseMessage> type) {
        return register(type.getSimpleName(), type);
    }

    /**
     * Registers a custom message type under {@code typeName}.
     *
     * @throws IllegalArgumentException if that name is taken
     */
    public MessageFactory register(String typeName, Class<? extends BaseMessage> type) {
        if (!BaseChatMessage.class.isAssignableFrom(type) && !BaseAgentEvent.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("message type " + type.getName()
                    + " must implement BaseChatMessage or BaseAgentEvent");
        }
        return put(typeName, AutogenJson.mapper().constructType(type));
    }

    /** Registers {@link StructuredMessage}s of {@code contentType}, JSON type {@code StructuredMessage[Name]}. */
    public MessageFactory registerStructured(Class<?> contentType) {
        return put(StructuredMessage.typeName(contentType),
                AutogenJson.mapper().getTypeFactory().constructParametricType(StructuredMessage.class, contentType));
    }

    private MessageFactory put(String typeName, JavaType type) {
        if (frozen) {
            throw new UnsupportedOperationException("the shared built-in message factory takes no registrations;"
                    + " register message type '" + typeName + "' on a new MessageFactory");
        }
        if (types.putIfAbsent(Objects.requireNonNull(typeName, "typeName"), type) != null) {
            throw new IllegalArgumentException("message type '" + typeName + "' is already registered");
        }
        return this;
    }

    /**
     * The message {@code json} describes.
     *
     * @throws IllegalArgumentException when {@code type} is missing or unknown, or a field is wrong
     */
    public BaseMessage create(JsonNode json) {
        if (!(json instanceof ObjectNode)) {
            throw new IllegalArgumentException("a message must be a JSON object, got " + json.getNodeType());
        }
        JsonNode typeNode = json.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new IllegalArgumentException("field 'type' is required in the message data to recover the message type");
        }
        String typeName = typeNode.textValue();
        JavaType type = types.get(typeName);
        if (type == null) {
            throw new IllegalArgumentException("unknown message type '" + typeName + "': register it with "
                    + "MessageFactory.register (or list it in the team's custom message types); known types: "
                    + types.keySet().stream().sorted().toList());
        }
        try {
            return AutogenJson.mapper().convertValue(json, type);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException mapping) {
                String path = JsonErrors.path(mapping.getPath());
                throw new IllegalArgumentException((path.isEmpty() ? "" : path.substring(1) + ": ") + "invalid " + typeName
                        + ": " + JsonErrors.message(mapping), e);
            }
            throw new IllegalArgumentException("invalid " + typeName + ": " + e.getMessage(), e);
        }
    }

    /** The message a {@link BaseMessage#dump()} map describes. */
    public BaseMessage create(Map<String, ?> data) {
        return create(AutogenJson.mapper().<JsonNode>valueToTree(data));
    }

    /**
     * The chat message {@code json} describes.
     *
     * @throws IllegalArgumentException if it is an agent event or cannot be read
     */
    public BaseChatMessage createChatMessage(JsonNode json) {
        if (create(json) instanceof BaseChatMessage chat) {
            return chat;
        }
        throw new IllegalArgumentException("expected a chat message but '" + json.get("type").textValue()
                + "' is an agent event");
    }
}
