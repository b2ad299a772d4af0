package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.serialization.AutogenJson;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Any AgentChat message: a {@link BaseChatMessage} sent between agents or a {@link BaseAgentEvent}
 * observed by users. Do not implement this directly; implement one of the two.
 *
 * <p>Reading JSON into this type (or a field declared with it) goes through the built-in
 * {@link MessageFactory}; custom message types need a factory of your own.
 */
@JsonDeserialize(using = MessageDeserializer.class)
public interface BaseMessage {
    /** The JSON discriminator, Python's class name, e.g. {@code "TextMessage"}. */
    @JsonProperty("type")
    String type();

    /** A unique id, a random UUID unless given. */
    String id();

    /** The name of the agent (or {@code "user"}) that produced this message. */
    String source();

    /** The model usage incurred producing this message, if any. */
    @Nullable RequestUsage modelsUsage();

    /** Extra key/value information. */
    Map<String, String> metadata();

    /** When the message was created (UTC). */
    Instant createdAt();

    /** Text for people and termination conditions (not for models). */
    String toText();

    /** This message as a JSON-ready map, exactly as Python's {@code dump()} writes it. */
    default Map<String, Object> dump() {
        return AutogenJson.mapper().convertValue(this, new TypeReference<Map<String, Object>>() {
        });
    }
}
