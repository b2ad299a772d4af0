package dev.autogen.ext.models.openai;

import java.net.URI;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The request URL of an Azure client, built from the configured endpoint, or why the endpoint is not
 * one (internal). A template config (AutoGen Studio's gallery has
 * {@code "https://{your-custom-endpoint}.openai.azure.com/"}) still loads; the first call reports it.
 *
 * @param uri the URL, or null when the endpoint is not a URL
 * @param problem what is wrong with the endpoint, or null
 */
record AzureEndpoint(@Nullable URI uri, @Nullable String problem) {

    /**
     * {@code configured} (trailing slashes dropped) followed by {@code path}.
     *
     * @param field the config field, for the message
     * @param example what an endpoint looks like, for the message
     */
    static AzureEndpoint of(String configured, String path, String field, String example) {
        String base = configured.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String problem;
        try {
            URI uri = URI.create(base + path);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                return new AzureEndpoint(uri, null);
            }
            problem = "is not an http(s) URL";
        } catch (IllegalArgumentException e) {
            problem = "is not a valid URL (" + e.getMessage() + ")";
        }
        return new AzureEndpoint(null, field + " '" + configured + "' " + problem + "; set it to " + example);
    }

    /**
     * The URL.
     *
     * @throws IllegalStateException if the endpoint is not a URL, saying why
     */
    URI require() {
        if (uri == null) {
            throw new IllegalStateException(problem);
        }
        return uri;
    }

    /**
     * {@code Bearer TOKEN} with a token from {@code provider}.
     *
     * @throws IllegalStateException if the provider gives no token
     */
    static String bearer(Supplier<String> provider) {
        String token = provider.get();
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("the Azure AD token provider returned no token");
        }
        return "Bearer " + token;
    }
}
