package dev.autogen.ext.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentRegistry;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Loads the {@code azure_ad_token_provider} component of an Azure client's config (Python's
 * {@code autogen_ext.auth.azure.AzureTokenProvider}) as a {@code Supplier<String>} of bearer tokens.
 * The provider lives in module {@code autogen-ext-auth-azure}; without it on the class path the load
 * fails with a message naming that module.
 */
final class AzureTokenProviders {
    /** The provider string of the token provider Python writes. */
    static final String AZURE_TOKEN_PROVIDER = "autogen_ext.auth.azure.AzureTokenProvider";
    static final String MODULE = "dev.autogen:autogen-ext-auth-azure";

    private AzureTokenProviders() {
    }

    /**
     * The token supplier a config's {@code field} describes, loaded through {@code context} (or the
     * default loader when null).
     *
     * @throws IllegalArgumentException if it is not a component, its provider is not installed, or it
     *     is not a token provider; the message names the field and what to add
     */
    static Supplier<String> load(JsonNode component, @Nullable ComponentContext context, String field, String keyHint) {
        ComponentModel model;
        try {
            model = ComponentModel.fromJsonNode(component);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + " must be a token_provider component such as {\"provider\": \""
                    + AZURE_TOKEN_PROVIDER + "\", \"config\": {\"provider_kind\": \"DefaultAzureCredential\", \"scopes\":"
                    + " [...]}}: " + e.getMessage(), e);
        }
        ComponentRegistry registry = context != null ? context.registry() : ComponentRegistry.defaultRegistry();
        if (!registry.contains(model.provider())) {
            String message = registry.unknownProviderMessage(model.provider(), "token_provider")
                    + (model.provider().startsWith("autogen_ext.auth.azure")
                            ? "; Azure token providers need the module " + MODULE + " on the class path"
                            : "")
                    + ", or give " + keyHint + " instead";
            if (context != null) {
                throw context.invalid(field, message);
            }
            throw new IllegalArgumentException(field + ": " + message);
        }
        Supplier<?> supplier = context != null ? context.load(model, Supplier.class, field)
                : ComponentLoader.defaultLoader().load(model, Supplier.class);
        return () -> {
            Object token = supplier.get();
            if (!(token instanceof String text) || text.isBlank()) {
                throw new IllegalStateException("the token provider of " + field + " (" + model.provider()
                        + ") returned no token");
            }
            return text;
        };
    }

    /**
     * A token provider given in code, as a config's {@code azure_ad_token_provider}: its component JSON
     * when it is a component ({@code AzureTokenProvider}).
     *
     * @throws UnsupportedOperationException for a plain Java {@code Supplier}, which has no config form;
     *     {@code alternative} says what to do instead
     */
    static JsonNode asComponent(Supplier<String> provider, String alternative) {
        if (provider instanceof Component<?> component) {
            return component.dumpComponent().toJsonNode();
        }
        throw new UnsupportedOperationException("azure_ad_token_provider is a Java Supplier and cannot be written to"
                + " a component config; " + alternative);
    }
}
