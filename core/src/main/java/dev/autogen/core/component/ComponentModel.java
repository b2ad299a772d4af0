package dev.autogen.core.component;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to re-create a component, in the JSON shape Python AutoGen's
 * {@code ComponentModel} uses, so configs move freely between Java and Python AutoGen and AutoGen
 * Studio:
 *
 * <pre>{@code
 * {"provider": "autogen_agentchat.conditions.MaxMessageTermination",
 *  "component_type": "termination", "version": 1, "component_version": 1,
 *  "description": "...", "label": "MaxMessageTermination",
 *  "config": {"max_messages": 10, "include_agent_event": false}}
 * }</pre>
 *
 * <p>Absent optional fields are omitted when written, as in the JSON Python AutoGen writes. The
 * {@code config} object is copied in and out, so a model is immutable.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient; -->
 * <pre>{@code
 * ComponentModel model = ComponentModel.of("OpenAIChatCompletionClient", Map.of("model", "gpt-4o"));
 * ChatCompletionClient client = ComponentLoader.loadComponent(model, ChatCompletionClient.class);
 * }</pre>
 *
 * @param provider the provider string: a canonical Python-style name such as
 *     {@code autogen_ext.models.openai.OpenAIChatCompletionClient}, or an alias the
 *     {@link ComponentRegistry} knows
 * @param componentType the logical type ({@link ComponentTypes}); when absent, the provider's
 * @param version the version of the component specification; Python writes the component version
 * @param componentVersion the version of the config schema; when absent, the provider's current one
 * @param description a human-readable description
 * @param label a short human-readable name
 * @param config the component's own configuration, validated by its provider
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"provider", "component_type", "version", "component_version", "description", "label", "config"})
@JsonDeserialize(using = ComponentModelDeserializer.class)
public record ComponentModel(
        @JsonProperty("provider") String provider,
        @JsonProperty("component_type") @Nullable String componentType,
        @JsonProperty("version") @Nullable Integer version,
        @JsonProperty("component_version") @Nullable Integer componentVersion,
        @JsonProperty("description") @Nullable String description,
        @JsonProperty("label") @Nullable String label,
        @JsonProperty("config") ObjectNode config) {

    public ComponentModel {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(config, "config");
        if (provider.isBlank()) {
            throw new IllegalArgumentException("provider must not be blank");
        }
        config = config.deepCopy();
    }

    /** A model holding only a provider and a config, as users write by hand. */
    public static ComponentModel of(String provider, ObjectNode config) {
        return new ComponentModel(provider, null, null, null, null, null, config);
    }

    /**
     * A model holding only a provider and a config given as a map, the Java counterpart of
     * Python's {@code load_component({"provider": ..., "config": {...}})}. Fields keep the map's
     * iteration order, so pass an ordered map when the order of the written JSON matters.
     *
     * @throws IllegalArgumentException if the map's values cannot be written as JSON
     */
    public static ComponentModel of(String provider, Map<String, ?> config) {
        return of(provider, (ObjectNode) AutogenJson.mapper().valueToTree(config));
    }

    /**
     * Parses the JSON of one component.
     *
     * @throws ComponentLoadException naming every field that is missing or of the wrong type
     */
    public static ComponentModel fromJson(String json) {
        JsonNode node = ComponentJson.parse(json, "component");
        return ComponentJson.envelope(node, ComponentJson.rootPath(node));
    }

    /**
     * Reads one component from a JSON tree.
     *
     * @throws ComponentLoadException naming every field that is missing or of the wrong type
     */
    public static ComponentModel fromJsonNode(JsonNode node) {
        return ComponentJson.envelope(node, ComponentJson.rootPath(node));
    }

    /** A copy of the config. */
    @Override
    @JsonProperty("config")
    public ObjectNode config() {
        return config.deepCopy();
    }

    /** This model with another provider string. */
    public ComponentModel withProvider(String newProvider) {
        return new ComponentModel(newProvider, componentType, version, componentVersion, description, label, config);
    }

    /** This model with another label. */
    public ComponentModel withLabel(@Nullable String newLabel) {
        return new ComponentModel(provider, componentType, version, componentVersion, description, newLabel, config);
    }

    /** This model with another description. */
    public ComponentModel withDescription(@Nullable String newDescription) {
        return new ComponentModel(provider, componentType, version, componentVersion, newDescription, label, config);
    }

    /** This model with another config. */
    public ComponentModel withConfig(ObjectNode newConfig) {
        return new ComponentModel(provider, componentType, version, componentVersion, description, label, newConfig);
    }

    /** The model as a JSON tree. */
    public ObjectNode toJsonNode() {
        return AutogenJson.mapper().valueToTree(this);
    }

    /** Compact JSON, as Python's {@code model_dump_json(exclude_none=True)} writes it. */
    public String toJson() {
        try {
            return AutogenJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write component '" + provider + "' as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** JSON indented by two spaces, as Python's {@code json.dumps(..., indent=2)} writes it. */
    public String toPrettyJson() {
        return ComponentJson.pretty(toJsonNode());
    }
}
