/**
 * Helpers shared by the layers above core: {@link dev.autogen.core.utils.ResultStream} is every
 * stream of items followed by a result (runs, model calls), fed by a producer thread
 * ({@link dev.autogen.core.utils.ProducerIterator}) or pulled on the reader's thread;
 * {@link dev.autogen.core.utils.Concurrency} is the support code that starts threads and turns
 * cancellation into interrupts; and
 * {@link dev.autogen.core.utils.PythonText} renders values the way Python's {@code repr} and
 * {@code str.format} do, where AutoGen's output or prompts depend on it.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.core.utils;
