/**
 * Small helpers shared by the layers above core: {@link dev.autogen.core.utils.ProducerIterator} turns
 * code that pushes items into a pull-style iterator on a virtual thread, and
 * {@link dev.autogen.core.utils.PythonText} renders values the way Python's {@code repr} and
 * {@code str.format} do, where AutoGen's output or prompts depend on it.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.core.utils;
