/**
 * A caching wrapper for any chat completion client, the counterpart of Python's
 * {@code autogen_ext.models.cache}. Start at {@link dev.autogen.ext.models.cache.ChatCompletionCache};
 * entries are {@link dev.autogen.ext.models.cache.ChatCacheValue}s kept in any
 * {@link dev.autogen.core.cache.CacheStore} (in memory, on disk, in Redis).
 */
@NullMarked
package dev.autogen.ext.models.cache;

import org.jspecify.annotations.NullMarked;
