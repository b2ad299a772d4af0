package dev.autogen.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.studio.db.SecretBox;
import dev.autogen.studio.db.Table;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Each user's settings ({@code {"environment": [...], "default_model_client": ..., "ui": {...},
 * "allow_code_execution": false}}): defaults on first read; secrets (environment entries of type
 * {@code secret} or named like a key, token or password, and config fields such as {@code api_key})
 * encrypted in the database and shown as {@value #MASK}, never in clear. A {@value #MASK} sent back
 * keeps the stored secret.
 */
public final class SettingsService {
    /** What the API shows instead of a secret. */
    public static final String MASK = "********";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|token|secret|password).*");

    private final Table settings;
    private final SecretBox secrets;

    /** Settings in {@code settings}, secrets sealed by {@code secrets}. */
    public SettingsService(Table settings, SecretBox secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    /** The defaults, as Python Studio's (plus {@code allow_code_execution}, off). */
    public static ObjectNode defaults() {
        ObjectNode config = AutogenJson.mapper().createObjectNode();
        config.putArray("environment");
        ObjectNode model = config.putObject("default_model_client");
        model.put("provider", "autogen_ext.models.openai.OpenAIChatCompletionClient");
        model.put("component_type", "model");
        model.put("version", 1);
        model.put("component_version", 1);
        model.put("description", "OpenAI GPT-4o-mini");
        model.put("label", "OpenAI GPT-4o Mini");
        model.putObject("config").put("model", "gpt-4o-mini");
        ObjectNode ui = config.putObject("ui");
        ui.put("show_llm_call_events", false);
        ui.put("expanded_messages_by_default", true);
        ui.put("show_agent_flow_by_default", true);
        ui.put("human_input_timeout_minutes", 3);
        config.put("allow_code_execution", false);
        return config;
    }

    /** The user's settings row as stored (secrets sealed), created with the defaults if missing. */
    public ObjectNode stored(String userId) {
        List<ObjectNode> rows = settings.listOrInsert(userId, () -> {
            ObjectNode values = AutogenJson.mapper().createObjectNode();
            values.set("config", defaults());
            return values;
        });
        return rows.get(rows.size() - 1);
    }

    /** The user's settings row for the API: secrets masked. */
    public ObjectNode get(String userId) {
        return masked(stored(userId));
    }

    /** Replaces the user's settings with {@code config}, sealing secrets; returns them masked. */
    public ObjectNode put(String userId, ObjectNode config) {
        ObjectNode current = stored(userId);
        ObjectNode next = config.deepCopy();
        seal(next, current.path("config"));
        ObjectNode values = AutogenJson.mapper().createObjectNode();
        values.set("config", next);
        return masked(settings.update(current.get("id").asLong(), values).orElseThrow());
    }

    /** Whether the user enabled code execution for runs. */
    public boolean codeExecutionAllowed(String userId) {
        return stored(userId).path("config").path("allow_code_execution").asBoolean(false);
    }

    /** How long a run waits for a person's input, from the user's settings. */
    public java.time.Duration inputTimeout(String userId, java.time.Duration fallback) {
        JsonNode minutes = stored(userId).path("config").path("ui").path("human_input_timeout_minutes");
        return minutes.isNumber() && minutes.asDouble() > 0
                ? java.time.Duration.ofMillis((long) (minutes.asDouble() * 60_000)) : fallback;
    }

    /** The user's environment entries in clear (for runs), name to value. */
    public Map<String, String> environment(String userId) {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        for (JsonNode entry : stored(userId).path("config").path("environment")) {
            String value = entry.path("value").asText("");
            environment.put(entry.path("name").asText(""), SecretBox.isSealed(value) ? secrets.open(value) : value);
        }
        return environment;
    }

    private ObjectNode masked(ObjectNode row) {
        ObjectNode copy = row.deepCopy();
        mask(copy.path("config"));
        return copy;
    }

    /** Replaces every sealed value by the mask. */
    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual() && SecretBox.isSealed(field.getValue().asText())) {
                    field.setValue(TextNode.valueOf(MASK));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(SettingsService::mask);
        }
    }

    /**
     * Seals the secrets of {@code node} in place; a masked value takes the sealed value at the same
     * place in {@code previous}.
     */
    private void seal(JsonNode node, JsonNode previous) {
        if (node instanceof ObjectNode object) {
            boolean environmentEntry = object.has("name") && object.has("value");
            boolean secretEntry = environmentEntry && ("secret".equalsIgnoreCase(object.path("type").asText(""))
                    || SECRET_NAME.matcher(object.path("name").asText("")).matches());
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode before = previous.path(field.getKey());
                boolean secret = environmentEntry ? secretEntry && field.getKey().equals("value")
                        : SECRET_NAME.matcher(field.getKey()).matches();
                if (secret && field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(sealed(field.getValue().asText(), before)));
                } else {
                    seal(field.getValue(), before);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                seal(array.get(i), previousElement(previous, array.get(i), i));
            }
        }
    }

    private String sealed(String value, JsonNode before) {
        if (value.isEmpty() || SecretBox.isSealed(value)) {
            return value;
        }
        if (value.equals(MASK)) {
            return before.isTextual() ? before.asText() : "";
        }
        return secrets.seal(value);
    }

    /** The element of {@code previous} that {@code element} replaces: same name for environment entries. */
    private static JsonNode previousElement(JsonNode previous, JsonNode element, int index) {
        if (element.has("name")) {
            for (JsonNode candidate : previous) {
                if (candidate.path("name").asText("").equals(element.path("name").asText())) {
                    return candidate;
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return previous.path(index);
    }
}
