package dev.autogen.agentchat.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.agentchat.messages.BaseMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The state of a {@code GraphFlow}'s manager, as Python's {@code GraphFlowManager.save_state()} writes it:
 * the conversation, the turn count, how many parent edges each node still waits for (per activation
 * group), which "any" groups have already queued their node, and the nodes ready to speak next.
 * Like Python, the map carries no {@code type}/{@code version} fields.
 */
@JsonPropertyOrder({"message_thread", "current_turn", "remaining", "enqueued_any", "ready"})
public record GraphManagerState(List<BaseMessage> messageThread, int currentTurn,
        Map<String, Map<String, Integer>> remaining, Map<String, Map<String, Boolean>> enqueuedAny,
        List<String> ready) implements AgentChatState {
    /** The state's Python class name. */
    public static final String TYPE = "GraphManagerState";

    @JsonCreator
    public GraphManagerState(@JsonProperty("message_thread") @Nullable List<BaseMessage> messageThread,
            @JsonProperty("current_turn") int currentTurn,
            @JsonProperty("remaining") @Nullable Map<String, Map<String, Integer>> remaining,
            @JsonProperty("enqueued_any") @Nullable Map<String, Map<String, Boolean>> enqueuedAny,
            @JsonProperty("ready") @Nullable List<String> ready) {
        this.messageThread = messageThread == null ? List.of() : List.copyOf(messageThread);
        this.currentTurn = currentTurn;
        this.remaining = copy(remaining);
        this.enqueuedAny = copy(enqueuedAny);
        this.ready = ready == null ? List.of() : List.copyOf(ready);
    }

    private static <V> Map<String, Map<String, V>> copy(@Nullable Map<String, Map<String, V>> map) {
        Map<String, Map<String, V>> copy = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        }
        return Collections.unmodifiableMap(copy);
    }

    @JsonIgnore
    @Override
    public String type() {
        return TYPE;
    }

    @JsonIgnore
    @Override
    public String version() {
        return VERSION;
    }
}
