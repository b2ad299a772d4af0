/**
 * A model client for Anthropic's Claude models over the Messages API
 * ({@code autogen_ext.models.anthropic} in Python). Start at {@link
 * dev.autogen.ext.models.anthropic.AnthropicChatCompletionClient}; its component config is
 * {@link dev.autogen.ext.models.anthropic.AnthropicClientConfiguration}.
 */
@NullMarked
package dev.autogen.ext.models.anthropic;

import org.jspecify.annotations.NullMarked;
