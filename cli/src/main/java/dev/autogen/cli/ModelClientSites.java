package dev.autogen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentRegistry;
import dev.autogen.core.models.ChatCompletionClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The model clients a component config names, found by walking its JSON: every component whose
 * provider makes a {@link ChatCompletionClient}, wherever it sits (an agent's {@code model_client}, a
 * selector's, an orchestrator's, a cache's wrapped client is covered by the cache).
 */
final class ModelClientSites {
    /**
     * A model client component in the config.
     *
     * @param path its JSON path, as validation problems are written
     * @param component its JSON
     * @param provider the provider that loads it
     */
    record Site(String path, JsonNode component, ComponentProvider<?, ?> provider, Consumer<JsonNode> replacer) {
        /** Puts {@code replacement} where this component was. */
        void replaceWith(JsonNode replacement) {
            replacer.accept(replacement);
        }

        /** For messages: the provider's short name and the model, e.g. {@code OpenAIChatCompletionClient gpt-4o}. */
        String describe() {
            String model = component.path("config").path("model").asText("");
            return provider.label() + (model.isEmpty() ? "" : " " + model);
        }
    }

    private ModelClientSites() {
    }

    /** Every model client component under {@code root}, in document order. */
    static List<Site> find(JsonNode root, ComponentRegistry registry) {
        List<Site> sites = new ArrayList<>();
        String rootPath = root.path("component_type").asText("component");
        visit(root, rootPath, registry, sites, replacement -> {
            throw new IllegalArgumentException("the config itself is a model client; give a team or an agent");
        });
        return sites;
    }

    private static void visit(JsonNode node, String path, ComponentRegistry registry, List<Site> sites,
            Consumer<JsonNode> replacer) {
        if (node instanceof ObjectNode object) {
            ComponentProvider<?, ?> provider = modelClientProvider(object, registry);
            if (provider != null) {
                sites.add(new Site(path, object, provider, replacer));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                visit(field.getValue(), path + "." + name, registry, sites, replacement -> object.set(name, replacement));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                visit(array.get(i), path + "[" + i + "]", registry, sites, replacement -> array.set(index, replacement));
            }
        }
    }

    private static @Nullable ComponentProvider<?, ?> modelClientProvider(ObjectNode node, ComponentRegistry registry) {
        JsonNode provider = node.get("provider");
        if (provider == null || !provider.isTextual() || !node.has("config")) {
            return null;
        }
        return registry.find(provider.textValue())
                .filter(found -> ChatCompletionClient.class.isAssignableFrom(found.componentClass()))
                .orElse(null);
    }
}
