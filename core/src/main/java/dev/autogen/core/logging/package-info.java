/**
 * Logger names and structured events of the runtime, mirroring Python's {@code autogen_core}
 * constants and {@code autogen_core.logging} events. Events are logged through SLF4J to
 * {@link dev.autogen.core.logging.LoggerNames#EVENT_LOGGER_NAME} and render as the same JSON
 * Python writes, e.g. {@link dev.autogen.core.logging.MessageEvent}.
 */
@NullMarked
package dev.autogen.core.logging;

import org.jspecify.annotations.NullMarked;
