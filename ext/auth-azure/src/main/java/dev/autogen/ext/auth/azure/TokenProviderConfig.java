package dev.autogen.ext.auth.azure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The config of {@link AzureTokenProvider}, Python's {@code TokenProviderConfig}:
 * {@code {"provider_kind": "DefaultAzureCredential", "scopes": ["https://cognitiveservices.azure.com/.default"]}}.
 *
 * @param providerKind the credential; only {@code DefaultAzureCredential}, as in Python
 * @param scopes the scopes tokens are asked for
 */
public record TokenProviderConfig(@JsonProperty(required = true) String providerKind,
        @JsonProperty(required = true) List<String> scopes) {
    public TokenProviderConfig {
        Objects.requireNonNull(providerKind, "providerKind");
        scopes = List.copyOf(Objects.requireNonNull(scopes, "scopes"));
    }
}
