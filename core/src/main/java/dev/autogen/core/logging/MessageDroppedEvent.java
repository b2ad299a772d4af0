package dev.autogen.core.logging;

import dev.autogen.core.AgentId;
import dev.autogen.core.TopicId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message an intervention handler dropped, the counterpart of Python's
 * {@code MessageDroppedEvent}. Renders as
 * <pre>{@code
 * {"payload": "...", "sender": null, "receiver": "news/default", "kind": "MessageKind.PUBLISH", "type": "MessageDropped"}
 * }</pre>
 *
 * @param payload the message as text, usually its JSON (see {@link MessageEvent#payloadOf})
 * @param sender the sending agent, or null when sent from outside any agent
 * @param receiver the intended {@link AgentId} or {@link TopicId}, or null
 * @param kind direct, publish or respond
 */
public record MessageDroppedEvent(String payload, @Nullable AgentId sender, @Nullable Object receiver, MessageKind kind)
        implements LogEvent {
    /**
     * @throws IllegalArgumentException if the receiver is neither an {@link AgentId} nor a {@link TopicId}
     */
    public MessageDroppedEvent {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(kind, "kind");
        MessageEvent.checkReceiver(receiver);
    }

    @Override
    public String type() {
        return "MessageDropped";
    }

    @Override
    public Map<String, @Nullable Object> fields() {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("payload", payload);
        fields.put("sender", PythonJson.str(sender));
        fields.put("receiver", PythonJson.str(receiver));
        fields.put("kind", kind.pythonName());
        fields.put("type", type());
        return fields;
    }

    @Override
    public String toString() {
        return toJson();
    }
}
