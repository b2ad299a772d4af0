/**
 * The errors of the agent runtime, the counterparts of {@code autogen_core.exceptions}: all extend
 * {@link dev.autogen.core.exceptions.AgentRuntimeException}, so a caller can catch delivery problems
 * apart from the exceptions an agent's own handler throws (which reach the caller unchanged).
 */
@NullMarked
package dev.autogen.core.exceptions;

import org.jspecify.annotations.NullMarked;
