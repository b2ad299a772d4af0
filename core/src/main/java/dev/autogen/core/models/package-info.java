/**
 * The model-client abstraction shared by every agent: the LLM message types
 * ({@link dev.autogen.core.models.LLMMessage}), results ({@link dev.autogen.core.models.CreateResult}),
 * model metadata ({@link dev.autogen.core.models.ModelInfo}, {@link dev.autogen.core.models.ModelFamily})
 * and the client interface {@link dev.autogen.core.models.ChatCompletionClient}. Mirrors Python's
 * {@code autogen_core.models}; every type here reads and writes the same JSON as Python AutoGen.
 */
@NullMarked
package dev.autogen.core.models;

import org.jspecify.annotations.NullMarked;
