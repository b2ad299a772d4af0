package dev.autogen.core;

import java.util.Objects;

/**
 * The name under which a factory is registered with a runtime. Every {@link AgentId} names a type;
 * the runtime uses the type's factory to create the instance for each new key.
 *
 * @param type the type name, unique within a runtime
 */
public record AgentType(String type) {
    public AgentType {
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return type;
    }
}
