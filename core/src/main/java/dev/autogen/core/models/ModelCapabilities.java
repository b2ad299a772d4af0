package dev.autogen.core.models;

/**
 * The older capability descriptor (vision, function calling, JSON output), kept because Python
 * still offers it; use {@link ModelInfo} instead.
 *
 * @param vision accepts images
 * @param functionCalling can call functions
 * @param jsonOutput supports JSON mode
 */
public record ModelCapabilities(boolean vision, boolean functionCalling, boolean jsonOutput) {
}
