package dev.autogen.ext.code_executors.azure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link ACADynamicSessionsCodeExecutor}. Python's executor has no config
 * (its credential is an object); this one is Java's, with the names of Python's constructor
 * arguments, and the credential as a {@code token_provider} component.
 *
 * @param poolManagementEndpoint the session pool's management endpoint
 * @param credential a {@code token_provider} component giving tokens for
 *     {@value ACADynamicSessionsCodeExecutor#SCOPE}, e.g. {@code autogen_ext.auth.azure.AzureTokenProvider}
 * @param timeout seconds one request (one code block) may take; null for 60
 * @param workDir the local folder files are uploaded from and downloaded to; null for a temporary one
 * @param suppressResultOutput whether to leave the value of the last expression out of the output
 * @param sessionId the session to use; null for a new one
 */
@JsonPropertyOrder({"pool_management_endpoint", "credential", "timeout", "work_dir", "suppress_result_output", "session_id"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ACADynamicSessionsCodeExecutorConfig(
        @JsonProperty(required = true) String poolManagementEndpoint,
        @Nullable JsonNode credential,
        @Nullable Integer timeout,
        @Nullable String workDir,
        @Nullable Boolean suppressResultOutput,
        @Nullable String sessionId) {
    public ACADynamicSessionsCodeExecutorConfig {
        Objects.requireNonNull(poolManagementEndpoint, "poolManagementEndpoint");
        credential = credential == null || credential.isNull() || credential.isMissingNode() ? null : credential;
    }
}
