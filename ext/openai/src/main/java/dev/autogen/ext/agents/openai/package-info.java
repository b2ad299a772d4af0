/**
 * Agents backed by OpenAI's server-side agent APIs, the counterpart of Python's
 * {@code autogen_ext.agents.openai}: {@link dev.autogen.ext.agents.openai.OpenAIAssistantAgent} on the
 * Assistants API.
 */
@NullMarked
package dev.autogen.ext.agents.openai;

import org.jspecify.annotations.NullMarked;
