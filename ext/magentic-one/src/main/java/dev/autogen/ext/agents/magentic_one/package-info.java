/**
 * {@link dev.autogen.ext.agents.magentic_one.MagenticOneCoderAgent}, Magentic-One's coder
 * ({@code autogen_ext.agents.magentic_one}).
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.ext.agents.magentic_one;
