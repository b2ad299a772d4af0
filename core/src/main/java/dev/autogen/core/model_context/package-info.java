/**
 * What an agent sends to its model: a history of {@link dev.autogen.core.models.LLMMessage}s and
 * a view of it, the counterpart of {@code autogen_core.model_context}. Start at
 * {@link dev.autogen.core.model_context.ChatCompletionContext}; the implementations differ only in
 * the view they give: all messages ({@link dev.autogen.core.model_context.UnboundedChatCompletionContext}),
 * the last n ({@link dev.autogen.core.model_context.BufferedChatCompletionContext}), the first and
 * last ones ({@link dev.autogen.core.model_context.HeadAndTailChatCompletionContext}) or as many as
 * fit a token budget ({@link dev.autogen.core.model_context.TokenLimitedChatCompletionContext}).
 */
@NullMarked
package dev.autogen.core.model_context;

import org.jspecify.annotations.NullMarked;
