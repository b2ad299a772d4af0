package dev.autogen.core;

/**
 * Describes an agent instance.
 *
 * @param type the agent's type
 * @param key the agent's key
 * @param description what the agent does, in words a person (or a model choosing a speaker) reads
 */
public record AgentMetadata(String type, String key, String description) {
}
