package dev.autogen.ext.models.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.cache.CacheStore;
import dev.autogen.core.cache.InMemoryStore;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.JsonOutput;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.ToolChoice;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ToolSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChatCompletionClient} that answers a request it has seen before from a {@link CacheStore}
 * instead of calling the wrapped client, Python's {@code autogen_ext.models.cache.ChatCompletionCache}.
 * Caching is opt-in: wrap the client you want cached.
 *
 * <p>The key is the SHA-256 of the request's messages, tools, {@code json_output} and
 * {@code extra_create_args}, serialized as Python does, so Java and Python share entries in a common
 * store (see {@link #cacheKey}). The cancellation token is not part of the key. Cached results come
 * back with {@link CreateResult#cached()} {@code true} and add nothing to the wrapped client's usage.
 * A cached {@code create} answers a later {@code createStream} of the same request (its text as one
 * chunk, then the result) and the other way round. Usage, token counting and model info are the
 * wrapped client's.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient;
 *      import dev.autogen.core.models.UserMessage; ChatCompletionClient openAiClient; -->
 * <pre>{@code
 * CacheStore<ChatCacheValue> store = new InMemoryStore<>();      // or DiskCacheStore, RedisStore
 * try (var cached = new ChatCompletionCache(openAiClient, store)) {
 *     CreateResult first = cached.create(List.of(new UserMessage("Hello", "user")));   // calls the model
 *     CreateResult again = cached.create(List.of(new UserMessage("Hello", "user")));   // again.cached() == true
 * }
 * }</pre>
 *
 * <p>Thread-safe when the wrapped client and the store are. Two identical requests made at the
 * same time may both reach the model; the later result is kept.
 */
public final class ChatCompletionCache implements ChatCompletionClient, Component<ChatCompletionCacheConfig> {
    /** The provider string Python AutoGen writes. */
    public static final String PROVIDER = "autogen_ext.models.cache.ChatCompletionCache";
    /** The component type Python AutoGen writes. */
    public static final String COMPONENT_TYPE = "chat_completion_cache";

    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionCache.class);

    private final ChatCompletionClient client;
    private final CacheStore<? super ChatCacheValue> store;
    private final boolean ownsStore;

    /** Caches {@code client}'s results in memory, for the life of this instance. */
    public ChatCompletionCache(ChatCompletionClient client) {
        this(client, null);
    }

    /**
     * Caches {@code client}'s results in {@code store}; null for a new {@link InMemoryStore}. The
     * caller keeps managing the store's lifecycle (closing, clearing): {@link #close()} closes only
     * the client.
     */
    public ChatCompletionCache(ChatCompletionClient client, @Nullable CacheStore<? super ChatCacheValue> store) {
        this(client, store, false);
    }

    private ChatCompletionCache(ChatCompletionClient client, @Nullable CacheStore<? super ChatCacheValue> store,
            boolean ownsStore) {
        this.client = Objects.requireNonNull(client, "client");
        this.store = store != null ? store : new InMemoryStore<ChatCacheValue>();
        this.ownsStore = ownsStore && store != null;
    }

    /** The wrapped client's. */
    @Override
    public Optional<String> configurationProblem() {
        return client.configurationProblem();
    }

    /** The wrapped client. */
    public ChatCompletionClient client() {
        return client;
    }

    /** The store holding the cached results. */
    public CacheStore<? super ChatCacheValue> store() {
        return store;
    }

    /**
     * Returns the cached result of an identical earlier request, marked cached, or calls the wrapped
     * client and caches its result.
     *
     * @throws java.util.concurrent.CancellationException if the request's token is already cancelled,
     *     or is cancelled during the model call
     */
    @Override
    public CreateResult create(CreateRequest request) {
        Objects.requireNonNull(request, "request");
        throwIfCancelled(request);
        String key = cacheKey(request);
        Optional<ChatCacheValue> hit = lookup(key);
        if (hit.isPresent()) {
            Optional<CreateResult> result = switch (hit.get()) {
                case ChatCacheValue.Result r -> Optional.of(r.result());
                case ChatCacheValue.Streamed s -> s.result();
            };
            if (result.isPresent()) {
                LOG.debug("cache hit for create, key {}", key);
                return result.get().withCached(true);
            }
        }
        CreateResult result = client.create(request);
        store.set(key, new ChatCacheValue.Result(result));
        return result;
    }

    /**
     * Replays the cached items of an identical earlier request (the last one marked cached), or
     * streams from the wrapped client and caches every item once the stream has been read to its
     * result. A stream closed early or failing is not cached.
     *
     * @throws java.util.concurrent.CancellationException if the request's token is already cancelled
     */
    @Override
    public ChatCompletionStream createStream(CreateRequest request) {
        Objects.requireNonNull(request, "request");
        throwIfCancelled(request);
        String key = cacheKey(request);
        Optional<ChatCacheValue> hit = lookup(key);
        if (hit.isPresent()) {
            LOG.debug("cache hit for create_stream, key {}", key);
            return ChatCompletionStream.fromIterator(replay(hit.get()).iterator(), () -> { });
        }
        ChatCompletionStream inner = client.createStream(request);
        Iterator<CreateStreamItem> source = inner.iterator();
        List<CreateStreamItem> seen = new ArrayList<>();
        Iterator<CreateStreamItem> recording = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public CreateStreamItem next() {
                CreateStreamItem item = source.next();
                seen.add(item);
                if (item instanceof CreateResult) {
                    store.set(key, new ChatCacheValue.Streamed(seen));
                }
                return item;
            }
        };
        return ChatCompletionStream.fromIterator(recording, inner::close);
    }

    private static List<CreateStreamItem> replay(ChatCacheValue value) {
        List<CreateStreamItem> items = new ArrayList<>();
        switch (value) {
            case ChatCacheValue.Streamed s -> {
                for (CreateStreamItem item : s.items()) {
                    items.add(item instanceof CreateResult r ? r.withCached(true) : item);
                }
            }
            case ChatCacheValue.Result r -> {
                if (r.result().content() instanceof ModelContent.Text text && !text.text().isEmpty()) {
                    items.add(new ChatCompletionChunk(text.text()));
                }
                items.add(r.result().withCached(true));
            }
        }
        return items;
    }

    private Optional<ChatCacheValue> lookup(String key) {
        Optional<?> stored = store.get(key);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Optional<ChatCacheValue> value = ChatCacheValue.fromStored(stored.get());
        if (value.isEmpty()) {
            LOG.debug("ignoring unreadable cache entry under key {} (a {}); treating it as a miss",
                    key, stored.get().getClass().getName());
        }
        return value;
    }

    private static void throwIfCancelled(CreateRequest request) {
        if (request.cancellationToken() != null) {
            request.cancellationToken().throwIfCancelled();
        }
    }

    /**
     * The cache key of {@code request}: the hex SHA-256 of Python's
     * {@code json.dumps({"messages": ..., "tools": ..., "json_output": ..., "extra_create_args": ...}, sort_keys=True)}.
     * Structured output is keyed on its JSON schema. A {@code tool_choice} other than {@code auto},
     * which Python leaves out of the key, is added as {@code "tool_choice"} so that such requests do
     * not share an entry with the {@code auto} one; the default request's key equals Python's.
     */
    public static String cacheKey(CreateRequest request) {
        ObjectMapper mapper = AutogenJson.mapper();
        ObjectNode data = mapper.createObjectNode();
        ArrayNode messages = data.putArray("messages");
        for (LLMMessage message : request.messages()) {
            messages.add(mapper.valueToTree(message));
        }
        ArrayNode tools = data.putArray("tools");
        for (ToolSchema tool : request.tools()) {
            tools.add(mapper.valueToTree(tool));
        }
        JsonOutput jsonOutput = request.jsonOutput();
        switch (jsonOutput) {
            case null -> data.putNull("json_output");
            case JsonOutput.Mode mode -> data.put("json_output", mode.enabled());
            case JsonOutput.Structured structured ->
                    data.put("json_output", PythonJsonDumps.dumps(structured.schema(), false));
        }
        data.set("extra_create_args", mapper.valueToTree(request.extraCreateArgs()));
        switch (request.toolChoice()) {
            case ToolChoice.Mode mode when mode.value().equals("auto") -> { }
            case ToolChoice.Mode mode -> data.put("tool_choice", mode.value());
            case ToolChoice.Named named -> data.putObject("tool_choice").put("name", named.name());
        }
        return sha256Hex(PythonJsonDumps.dumps(data, true));
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public RequestUsage actualUsage() {
        return client.actualUsage();
    }

    @Override
    public RequestUsage totalUsage() {
        return client.totalUsage();
    }

    @Override
    public int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        return client.countTokens(messages, tools);
    }

    @Override
    public int remainingTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        return client.remainingTokens(messages, tools);
    }

    @Override
    public ModelInfo modelInfo() {
        return client.modelInfo();
    }

    /**
     * Closes the wrapped client, and the store too when it was built from this cache's component
     * config (a store passed in stays the caller's to close).
     */
    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (ownsStore && store instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("closing the cache store {} failed", store.getClass().getName(), e);
                }
            }
        }
    }

    @Override
    public ComponentProvider<?, ChatCompletionCacheConfig> componentProvider() {
        return new Provider();
    }

    /** The wrapped client's component, and the store's unless it is an {@link InMemoryStore}, as in Python. */
    @Override
    public ChatCompletionCacheConfig toConfig() {
        return new ChatCompletionCacheConfig(client.dumpComponent(),
                store instanceof InMemoryStore<?> ? null : store.dumpComponent());
    }

    @Override
    public String toString() {
        return "ChatCompletionCache[client=" + client + ", store=" + store + "]";
    }

    /** Loads {@code autogen_ext.models.cache.ChatCompletionCache} configs; registered through {@code META-INF/services}. */
    public static final class Provider extends AbstractComponentProvider<ChatCompletionCache, ChatCompletionCacheConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, COMPONENT_TYPE, ChatCompletionCache.class, ChatCompletionCacheConfig.class);
            withAliases(ChatCompletionCache.class.getName());
        }

        @Override
        public ChatCompletionCache fromConfig(ChatCompletionCacheConfig config, ComponentContext context) {
            ChatCompletionClient client = context.load(config.client(), ChatCompletionClient.class, "client");
            if (config.store() == null) {
                return new ChatCompletionCache(client);
            }
            @SuppressWarnings("unchecked")
            CacheStore<Object> store = context.load(config.store(), CacheStore.class, "store");
            return new ChatCompletionCache(client, store, true);
        }
    }
}
