/**
 * Turning messages into bytes and back so they can cross process and language boundaries, as
 * Python AutoGen's serialization does. Start at
 * {@link dev.autogen.core.serialization.SerializationRegistry}, which a runtime keeps: it finds the
 * {@link dev.autogen.core.serialization.MessageSerializer} for a (type name, content type) pair and
 * hands back an {@link dev.autogen.core.serialization.UnknownPayload} for types it does not know.
 * {@link dev.autogen.core.serialization.AutogenJson} holds the JSON conventions shared with Python.
 */
@NullMarked
package dev.autogen.core.serialization;

import org.jspecify.annotations.NullMarked;
