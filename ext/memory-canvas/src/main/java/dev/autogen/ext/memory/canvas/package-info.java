/**
 * A canvas of text files with revisions that agents edit through tools, and a memory that shows the
 * canvas to the model before each inference: Python's {@code autogen_ext.memory.canvas}.
 */
@NullMarked
package dev.autogen.ext.memory.canvas;

import org.jspecify.annotations.NullMarked;
