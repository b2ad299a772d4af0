package dev.autogen.agentchat.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of a {@link CodeExecutorAgent}, field for field Python's
 * {@code CodeExecutorAgentConfig}, plus {@code max_retries_on_error}, which Python leaves out of its
 * config (Python ignores the extra field on load; it is written only when not 0).
 *
 * @param systemMessage null (or absent) disables the system message, as in Python
 */
@JsonPropertyOrder({"name", "code_executor", "model_client", "description", "sources", "system_message",
        "model_client_stream", "model_context", "supported_languages", "max_retries_on_error"})
public record CodeExecutorAgentConfig(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) ComponentModel codeExecutor,
        @Nullable ComponentModel modelClient,
        @Nullable String description,
        @Nullable List<String> sources,
        @Nullable String systemMessage,
        boolean modelClientStream,
        @Nullable ComponentModel modelContext,
        @Nullable List<String> supportedLanguages,
        @Nullable Integer maxRetriesOnError) {
    public CodeExecutorAgentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codeExecutor, "code_executor");
    }
}
