package dev.autogen.ext.models.cache;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autogen.core.component.ComponentModel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The config of a {@link ChatCompletionCache}, Python's {@code ChatCompletionCacheConfig}:
 * <pre>{@code
 * {"client": {"provider": "autogen_ext.models.openai.OpenAIChatCompletionClient", ...},
 *  "store": {"provider": "autogen_ext.cache_store.redis.RedisStore", ...}}
 * }</pre>
 *
 * @param client the wrapped chat completion client
 * @param store the cache store; null (left out) for a new in-memory store
 */
public record ChatCompletionCacheConfig(
        @JsonProperty(required = true) ComponentModel client,
        @Nullable ComponentModel store) {

    public ChatCompletionCacheConfig {
        Objects.requireNonNull(client, "client");
    }
}
