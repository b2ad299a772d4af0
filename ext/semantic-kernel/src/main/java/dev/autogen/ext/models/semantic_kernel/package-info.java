/** A {@code ChatCompletionClient} over Semantic Kernel for Java's chat-completion services. */
@NullMarked
package dev.autogen.ext.models.semantic_kernel;

import org.jspecify.annotations.NullMarked;
