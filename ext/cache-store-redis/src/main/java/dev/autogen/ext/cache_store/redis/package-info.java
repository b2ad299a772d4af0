/**
 * A cache store in a Redis server, the counterpart of Python's {@code autogen_ext.cache_store.redis}.
 * Start at {@link dev.autogen.ext.cache_store.redis.RedisStore}.
 */
@NullMarked
package dev.autogen.ext.cache_store.redis;

import org.jspecify.annotations.NullMarked;
