package dev.autogen.ext.a2a;

import dev.autogen.agentchat.messages.BaseMessage;
import io.a2a.spec.Artifact;
import io.a2a.spec.DataPart;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.TextPart;
import io.a2a.util.Utils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Conversions between AgentChat messages and A2A messages (internal). */
final class A2AMessages {
    /** Metadata key of an A2A message naming the AgentChat agent that produced it. */
    static final String SOURCE = "source";
    /** Metadata key of an A2A message giving the AgentChat message type, e.g. {@code TextMessage}. */
    static final String TYPE = "autogen_type";

    private A2AMessages() {
    }

    /** An agent message carrying {@code message}'s text, its source and type in the metadata. */
    static Message agentMessage(BaseMessage message, String taskId, String contextId) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(SOURCE, message.source());
        metadata.put(TYPE, message.type());
        return agentText(message.toText(), taskId, contextId, metadata);
    }

    static Message agentText(String text, String taskId, String contextId, Map<String, Object> metadata) {
        return new Message.Builder()
                .role(Message.Role.AGENT)
                .messageId(UUID.randomUUID().toString())
                .taskId(taskId)
                .contextId(contextId)
                .parts(List.of(new TextPart(text)))
                .metadata(metadata.isEmpty() ? null : metadata)
                .build();
    }

    /** The text of a message: its text parts, and its data parts as JSON, one per line. */
    static String text(@Nullable Message message) {
        return message == null ? "" : text(message.getParts());
    }

    static String text(@Nullable List<Part<?>> parts) {
        if (parts == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (Part<?> part : parts) {
            if (part instanceof TextPart text) {
                lines.add(text.getText());
            } else if (part instanceof DataPart data) {
                lines.add(json(data.getData()));
            }
        }
        return String.join("\n", lines);
    }

    static String artifactsText(List<Artifact> artifacts) {
        List<String> texts = new ArrayList<>();
        for (Artifact artifact : artifacts) {
            String text = text(artifact.parts());
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        return String.join("\n", texts);
    }

    private static String json(Object value) {
        try {
            return Utils.OBJECT_MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
