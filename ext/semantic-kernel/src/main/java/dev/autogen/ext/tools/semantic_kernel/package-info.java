/** Semantic Kernel functions as AutoGen tools, and AutoGen tools as Semantic Kernel functions. */
@NullMarked
package dev.autogen.ext.tools.semantic_kernel;

import org.jspecify.annotations.NullMarked;
