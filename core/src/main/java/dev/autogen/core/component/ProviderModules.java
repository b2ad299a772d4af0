package dev.autogen.core.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Which of our modules brings each provider string (canonical names and aliases), so that a config
 * naming a component whose module is missing from the class path is told which dependency to add,
 * instead of only "unknown provider". Read from {@code provider-modules.properties}, which a test in
 * the examples module keeps equal to what the build's modules register.
 */
final class ProviderModules {
    private static final Properties MODULES = load();

    private ProviderModules() {
    }

    /** The module ({@code dev.autogen:artifactId}) that brings {@code provider}, if it is one of ours. */
    static Optional<String> moduleOf(String provider) {
        return Optional.ofNullable(MODULES.getProperty(provider));
    }

    private static Properties load() {
        var properties = new Properties();
        try (InputStream in = ProviderModules.class.getResourceAsStream("provider-modules.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read provider-modules.properties", e);
        }
        return properties;
    }
}
