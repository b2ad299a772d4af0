package dev.autogen.ext.experimental.taskcentricmemory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link Teachability} (Java only: Python's {@code Teachability} has no config).
 * The memory controller's settings are nested under {@code "MemoryController"}, as in Python's
 * {@code ApprenticeConfig}:
 *
 * <pre>
 * {"name": "teachability", "model_client": {"provider": "autogen_ext.models.openai.OpenAIChatCompletionClient", ...},
 *  "reset": false, "MemoryController": {"MemoryBank": {"path": "./memory_bank/teachability"}}}
 * </pre>
 *
 * @param name the memory's name (default {@value Teachability#DEFAULT_NAME})
 * @param modelClient the model the memory controller asks
 * @param reset whether the memory bank is emptied when first used (default false)
 * @param memoryController the memory controller's settings (default Python's)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "model_client", "reset", "MemoryController"})
public record TeachabilityConfig(
        @Nullable String name,
        @JsonProperty(required = true) ComponentModel modelClient,
        @Nullable Boolean reset,
        @JsonProperty("MemoryController") @Nullable MemoryControllerConfig memoryController) {
}
