package dev.autogen.ext.agents.file_surfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of a {@link FileSurfer}: Python's {@code FileSurferConfig} ({@code name},
 * {@code model_client}, {@code description}) plus {@code base_path}, which Python takes only in code
 * (written only when set; Python ignores it on load).
 *
 * @param name the agent's name
 * @param modelClient the model that chooses the tools
 * @param description the agent's description; null for the default
 * @param basePath the directory the surfer may read; null for the current directory
 */
@JsonPropertyOrder({"name", "model_client", "description", "base_path"})
public record FileSurferConfig(@JsonProperty(required = true) String name,
        @JsonProperty(required = true) ComponentModel modelClient,
        @Nullable String description,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String basePath) {
    public FileSurferConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modelClient, "model_client");
    }
}
