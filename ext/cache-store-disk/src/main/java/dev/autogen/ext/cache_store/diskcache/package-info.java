/**
 * A cache store on disk that survives restarts, the counterpart of Python's
 * {@code autogen_ext.cache_store.diskcache}. Start at
 * {@link dev.autogen.ext.cache_store.diskcache.DiskCacheStore}.
 */
@NullMarked
package dev.autogen.ext.cache_store.diskcache;

import org.jspecify.annotations.NullMarked;
