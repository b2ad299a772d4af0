/**
 * A model client for local models served by Ollama over its native {@code /api/chat} endpoint
 * ({@code autogen_ext.models.ollama} in Python). Start at {@link
 * dev.autogen.ext.models.ollama.OllamaChatCompletionClient}; its component config is
 * {@link dev.autogen.ext.models.ollama.OllamaClientConfiguration}.
 */
@NullMarked
package dev.autogen.ext.models.ollama;

import org.jspecify.annotations.NullMarked;
