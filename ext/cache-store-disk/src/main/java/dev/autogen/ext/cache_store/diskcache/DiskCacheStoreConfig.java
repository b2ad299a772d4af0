package dev.autogen.ext.cache_store.diskcache;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The config of a {@link DiskCacheStore}, Python's {@code DiskCacheStoreConfig}:
 * {@code {"directory": ".cache/autogen"}}. Python opens a {@code diskcache.Cache} there; Java opens
 * its own SQLite database in the same directory, so the two do not read each other's entries
 * (Python's diskcache pickles values).
 *
 * @param directory the directory holding the cache, created if absent
 */
public record DiskCacheStoreConfig(@JsonProperty(required = true) String directory) {
    public DiskCacheStoreConfig {
        Objects.requireNonNull(directory, "directory");
    }
}
