package dev.autogen.core.cache;

/** The config of an {@link InMemoryStore}: it has no settings, so its JSON form is {@code {}}. */
public record InMemoryStoreConfig() {
}
