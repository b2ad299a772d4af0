/**
 * OpenAI model clients, the Java counterpart of Python's {@code autogen_ext.models.openai}:
 * {@link dev.autogen.ext.models.openai.OpenAIChatCompletionClient} (OpenAI and any OpenAI-compatible
 * server: Ollama, llama.cpp, vLLM, LM Studio, Gemini), {@link dev.autogen.ext.models.openai.AzureOpenAIChatCompletionClient},
 * {@link dev.autogen.ext.models.openai.AzureAIChatCompletionClient} (Azure AI Foundry and GitHub Models, Python's
 * {@code autogen_ext.models.azure}),
 * the known-model table {@link dev.autogen.ext.models.openai.OpenAIModelInfo}, and
 * {@link dev.autogen.ext.models.openai.OpenAITokenCounter}, which counts prompt tokens with OpenAI's
 * real tokenizers (via jtokkit) the way Python's {@code count_tokens_openai} does. The clients speak
 * the chat-completions wire format over the JDK's {@code HttpClient}; see docs/models-openai.md.
 */
@NullMarked
package dev.autogen.ext.models.openai;

import org.jspecify.annotations.NullMarked;
