/**
 * OpenAI model support, the Java counterpart of Python's {@code autogen_ext.models.openai}. For now
 * it holds {@link dev.autogen.ext.models.openai.OpenAITokenCounter}, which counts prompt tokens with
 * OpenAI's real tokenizers (via jtokkit) the way Python's {@code count_tokens_openai} does.
 */
@NullMarked
package dev.autogen.ext.models.openai;

import org.jspecify.annotations.NullMarked;
