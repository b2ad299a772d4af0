/**
 * A scripted model client for deterministic agent and team tests:
 * {@link dev.autogen.ext.models.replay.ReplayChatCompletionClient}, the Java counterpart of
 * Python's {@code autogen_ext.models.replay}.
 */
@NullMarked
package dev.autogen.ext.models.replay;

import org.jspecify.annotations.NullMarked;
