/** Samples from the Core user guide: {@link dev.autogen.examples.core.CoreQuickstart}. */
@NullMarked
package dev.autogen.examples.core;

import org.jspecify.annotations.NullMarked;
