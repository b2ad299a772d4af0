/** The {@code autogen} command line: {@link dev.autogen.cli.AutogenCommand}. */
@NullMarked
package dev.autogen.cli;

import org.jspecify.annotations.NullMarked;
