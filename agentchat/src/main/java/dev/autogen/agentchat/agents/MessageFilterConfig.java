package dev.autogen.agentchat.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link MessageFilterAgent} passes on: for each listed source, in list order, the messages its
 * {@link PerSourceFilter} keeps. Messages from sources not listed are dropped. As Python's
 * {@code MessageFilterConfig}: {@code {"per_source": [...]}}.
 *
 * @param perSource one filter per source
 */
public record MessageFilterConfig(@JsonProperty(required = true) List<PerSourceFilter> perSource) {
    public MessageFilterConfig {
        perSource = List.copyOf(Objects.requireNonNull(perSource, "perSource"));
    }

    /** A config of these filters. */
    public static MessageFilterConfig of(PerSourceFilter... filters) {
        return new MessageFilterConfig(List.of(filters));
    }
}
