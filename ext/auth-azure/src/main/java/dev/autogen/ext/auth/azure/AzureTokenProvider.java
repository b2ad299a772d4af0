package dev.autogen.ext.auth.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.util.Configuration;
import com.azure.identity.DefaultAzureCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entra ID (Azure AD) bearer tokens from an Azure Identity credential, the counterpart of Python's
 * {@code autogen_ext.auth.azure.AzureTokenProvider} (component type {@code token_provider}). It is a
 * {@code Supplier<String>}: give it to {@code AzureOpenAIChatCompletionClient.builder().azureAdTokenProvider(...)}
 * or {@code AzureAIChatCompletionClient.builder().azureAdTokenProvider(...)}, or name it as the
 * {@code azure_ad_token_provider} component of their configs. A token is cached and fetched again
 * five minutes before it expires, as azure-core's bearer-token policy does.
 *
 * <pre>{@code
 * var tokens = new AzureTokenProvider(new DefaultAzureCredentialBuilder().build(),
 *         "https://cognitiveservices.azure.com/.default");
 * String bearer = tokens.get();
 * }</pre>
 *
 * <p>Loaded from a config, the credential is a {@link DefaultAzureCredential} reading the
 * {@link Configuration} the application gave the loader
 * ({@code ComponentLoader.withAttribute(Configuration.class, configuration)}), else azure-core's
 * global configuration (the environment). Thread-safe.
 */
public final class AzureTokenProvider implements Supplier<String>, Component<TokenProviderConfig> {
    /** The provider string Python writes. */
    public static final String PROVIDER = "autogen_ext.auth.azure.AzureTokenProvider";
    /** The only credential a config can name, as in Python. */
    public static final String DEFAULT_AZURE_CREDENTIAL = "DefaultAzureCredential";

    private static final Logger LOG = LoggerFactory.getLogger(AzureTokenProvider.class);
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);
    private static final ComponentProvider<AzureTokenProvider, TokenProviderConfig> COMPONENT_PROVIDER = new Provider();

    private final TokenCredential credential;
    private final List<String> scopes;
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable AccessToken cached;

    /**
     * Tokens for {@code scopes} from {@code credential}.
     *
     * @throws IllegalArgumentException if no scope is given
     */
    public AzureTokenProvider(TokenCredential credential, String... scopes) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.scopes = List.of(scopes);
        if (this.scopes.isEmpty()) {
            throw new IllegalArgumentException("at least one scope is required, e.g."
                    + " https://cognitiveservices.azure.com/.default for Azure OpenAI");
        }
    }

    /**
     * A provider from a config: a {@link DefaultAzureCredential} reading {@code configuration}.
     *
     * @throws IllegalArgumentException if {@code provider_kind} is not {@code DefaultAzureCredential}
     *     or no scope is given
     */
    public static AzureTokenProvider fromConfig(TokenProviderConfig config, Configuration configuration) {
        if (!DEFAULT_AZURE_CREDENTIAL.equals(config.providerKind())) {
            throw new IllegalArgumentException("Only DefaultAzureCredential is supported: provider_kind is '"
                    + config.providerKind() + "'");
        }
        DefaultAzureCredential credential = new DefaultAzureCredentialBuilder().configuration(configuration).build();
        return new AzureTokenProvider(credential, config.scopes().toArray(String[]::new));
    }

    /** The scopes tokens are asked for. */
    public List<String> scopes() {
        return scopes;
    }

    /**
     * A bearer token, from the cache while it has more than five minutes left.
     *
     * @throws IllegalStateException if the credential cannot get a token; the message says which
     *     scopes were asked for and the credential's reason
     */
    @Override
    public String get() {
        lock.lock();
        try {
            AccessToken token = cached;
            if (token == null || token.getExpiresAt().minus(REFRESH_BEFORE_EXPIRY).isBefore(OffsetDateTime.now())) {
                try {
                    token = credential.getTokenSync(new TokenRequestContext().setScopes(scopes));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("cannot get an Azure AD token for scopes " + scopes + ": "
                            + e.getMessage(), e);
                }
                if (token == null || token.getToken() == null || token.getToken().isBlank()) {
                    throw new IllegalStateException("the Azure credential returned no token for scopes " + scopes);
                }
                LOG.debug("Got an Azure AD token for scopes {}, expiring at {}", scopes, token.getExpiresAt());
                cached = token;
            }
            return token.getToken();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ComponentProvider<?, TokenProviderConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /**
     * The config: {@code DefaultAzureCredential} and the scopes.
     *
     * @throws UnsupportedOperationException if the credential is not a {@link DefaultAzureCredential},
     *     the only kind a config can name (as in Python)
     */
    @Override
    public TokenProviderConfig toConfig() {
        if (!(credential instanceof DefaultAzureCredential)) {
            throw new UnsupportedOperationException("Only DefaultAzureCredential is supported: this token provider's"
                    + " credential cannot be written to a component config");
        }
        return new TokenProviderConfig(DEFAULT_AZURE_CREDENTIAL, scopes);
    }

    @Override
    public String toString() {
        return "AzureTokenProvider" + scopes;
    }

    /** Loads and dumps {@code autogen_ext.auth.azure.AzureTokenProvider} configs. */
    public static final class Provider extends AbstractComponentProvider<AzureTokenProvider, TokenProviderConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            // No description: Python's class has no docstring, so its dumps carry none.
            super(PROVIDER, ComponentTypes.TOKEN_PROVIDER, AzureTokenProvider.class, TokenProviderConfig.class);
            withAliases(AzureTokenProvider.class.getName());
        }

        @Override
        public AzureTokenProvider fromConfig(TokenProviderConfig config, ComponentContext context) {
            if (!DEFAULT_AZURE_CREDENTIAL.equals(config.providerKind())) {
                throw context.invalid("provider_kind", "Only DefaultAzureCredential is supported, got '"
                        + config.providerKind() + "'");
            }
            if (config.scopes().isEmpty()) {
                throw context.invalid("scopes", "at least one scope is required, e.g."
                        + " https://cognitiveservices.azure.com/.default");
            }
            Configuration configuration = context.attribute(Configuration.class)
                    .orElseGet(Configuration::getGlobalConfiguration);
            return AzureTokenProvider.fromConfig(config, configuration);
        }
    }
}
