package dev.autogen.ext.experimental.taskcentricmemory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The settings of an {@link Apprentice}, with the field names of Python's {@code ApprenticeConfig}:
 *
 * <pre>
 * {"name_of_agent_or_team": "AssistantAgent", "disable_prefix_caching": false,
 *  "MemoryController": {"max_train_trials": 10, "MemoryBank": {"path": "./memory_bank/apprentice"}}}
 * </pre>
 *
 * @param nameOfAgentOrTeam {@code AssistantAgent} (default) for the apprentice's own agent; any other name
 *     (Python's {@code MagenticOneGroupChat}) needs the agent or team given in code
 * @param disablePrefixCaching whether a random number starts the agent's system message, so repeated runs
 *     do not share a cached prompt prefix (default false)
 * @param memoryController the memory controller's settings
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name_of_agent_or_team", "disable_prefix_caching", "MemoryController"})
public record ApprenticeConfig(
        @Nullable String nameOfAgentOrTeam,
        @Nullable Boolean disablePrefixCaching,
        @JsonProperty("MemoryController") @Nullable MemoryControllerConfig memoryController) {
    /** The name of the apprentice's own agent. */
    public static final String ASSISTANT_AGENT = "AssistantAgent";

    /** Every setting at Python's default. */
    public static ApprenticeConfig defaults() {
        return new ApprenticeConfig(null, null, null);
    }

    /** The defaults with the memory controller's settings {@code controller}. */
    public static ApprenticeConfig of(MemoryControllerConfig controller) {
        return new ApprenticeConfig(null, null, controller);
    }

    String nameOrDefault() {
        return nameOfAgentOrTeam == null ? ASSISTANT_AGENT : nameOfAgentOrTeam;
    }
}
