/**
 * A model client that runs GGUF models in process with llama.cpp ({@code autogen_ext.models.llama_cpp} in
 * Python). Start at {@link dev.autogen.ext.models.llamacpp.LlamaCppChatCompletionClient}; its component
 * config is {@link dev.autogen.ext.models.llamacpp.LlamaCppClientConfiguration}.
 */
@NullMarked
package dev.autogen.ext.models.llamacpp;

import org.jspecify.annotations.NullMarked;
