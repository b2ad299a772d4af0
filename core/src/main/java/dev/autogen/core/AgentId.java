package dev.autogen.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one agent instance: its {@linkplain AgentType type} (which factory creates it) and a
 * key (which instance of that type). Agents of one type with different keys are independent
 * instances, created lazily by the runtime the first time a message reaches them.
 *
 * <p>The string form is {@code type/key}, as in Python AutoGen.
 *
 * <!-- java-context: AgentRuntime runtime; record Message(int content) {} -->
 * <pre>{@code
 * AgentId checker = new AgentId("checker", "default");
 * runtime.sendMessage(new Message(10), checker);
 * }</pre>
 *
 * @param type the agent type; letters, digits, {@code _}, {@code -} and {@code .} only
 * @param key the instance key; any non-empty string of printable ASCII characters
 */
public record AgentId(String type, String key) {
    private static final Pattern TYPE = Pattern.compile("[\\w\\-.]+");
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]+");

    public AgentId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("invalid agent type '" + type
                    + "': use only letters, digits, '_', '-' and '.'");
        }
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("invalid agent key '" + key
                    + "': use a non-empty string of printable ASCII characters");
        }
    }

    /** Creates an id from an agent type and a key. */
    public AgentId(AgentType type, String key) {
        this(type.type(), key);
    }

    /** Creates the id of the instance keyed {@code "default"}, the key Python AutoGen's samples use. */
    public static AgentId of(String type) {
        return new AgentId(type, "default");
    }

    /**
     * Parses the {@code type/key} form written by {@link #toString()}.
     *
     * @throws IllegalArgumentException if the text has no {@code /}
     */
    public static AgentId fromString(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid agent id '" + text + "': expected 'type/key'");
        }
        return new AgentId(text.substring(0, slash), text.substring(slash + 1));
    }

    /** The type as an {@link AgentType}. */
    public AgentType agentType() {
        return new AgentType(type);
    }

    @Override
    public String toString() {
        return type + "/" + key;
    }
}
