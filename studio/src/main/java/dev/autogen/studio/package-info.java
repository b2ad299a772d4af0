/**
 * AutoGen Studio's server for Java: the REST and WebSocket API of Python's AutoGen Studio over a
 * SQLite (default) or PostgreSQL database, with live team runs. Start one with
 * {@link dev.autogen.studio.StudioServer#start(StudioConfig)}; {@code autogen studio} does it from
 * the command line. See docs/studio.md.
 */
@NullMarked
package dev.autogen.studio;

import org.jspecify.annotations.NullMarked;
