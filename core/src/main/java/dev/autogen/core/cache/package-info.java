/**
 * Key-value stores for caching, the counterpart of Python's {@code autogen_core.CacheStore}: model
 * responses cached by a {@code ChatCompletionCache}, for example. Start at
 * {@link dev.autogen.core.cache.CacheStore}; {@link dev.autogen.core.cache.InMemoryStore} keeps
 * entries in memory, and extension modules add disk and Redis stores.
 */
@NullMarked
package dev.autogen.core.cache;

import org.jspecify.annotations.NullMarked;
