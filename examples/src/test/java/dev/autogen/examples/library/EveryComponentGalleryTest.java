package dev.autogen.examples.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentRegistry;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.serialization.AutogenJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The gallery of every component we ship (examples/galleries/every-component.json) names every
 * provider the build registers, and each of its components loads, except the two Python-only memories,
 * which are refused with what to use instead. The examples' test class path holds every module.
 */
class EveryComponentGalleryTest {
    private static final Path GALLERY = Path.of("galleries", "every-component.json");

    @Test
    void everyRegisteredProviderHasAComponentInTheGallery() throws Exception {
        ComponentRegistry registry = ComponentRegistry.defaultRegistry();
        Set<String> named = new TreeSet<>();
        collectProviders(AutogenJson.mapper().readTree(GALLERY.toFile()), registry, named);

        Set<String> missing = new TreeSet<>();
        for (ComponentProvider<?, ?> provider : registry.providers()) {
            String location = provider.getClass().getProtectionDomain().getCodeSource().getLocation().toString();
            if (!location.contains("test-classes") && !location.endsWith("-tests.jar")
                    && !named.contains(provider.provider())) {
                missing.add(provider.provider());
            }
        }
        assertThat(missing).as("providers without a component in %s", GALLERY).isEmpty();
    }

    @Test
    void everyComponentLoadsButThePythonOnlyMemoriesWhichSayWhatToUse() throws Exception {
        JsonNode gallery = AutogenJson.mapper().readTree(GALLERY.toFile());
        ComponentLoader loader = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll());
        List<String> loaded = new ArrayList<>();
        for (var group : gallery.get("components").properties()) {
            for (JsonNode component : group.getValue()) {
                String provider = component.get("provider").asText();
                if (provider.startsWith("autogen_ext.memory.chromadb.") || provider.startsWith("autogen_ext.memory.redis.")) {
                    assertThatThrownBy(() -> loader.load(component, Object.class))
                            .isInstanceOf(ComponentLoadException.class)
                            .hasMessageContaining("does not run in Java; use provider "
                                    + "'dev.autogen.ext.memory.lucene.LuceneVectorMemory'");
                    continue;
                }
                Object built = loader.load(component, Object.class);
                if (built instanceof AutoCloseable closeable) {
                    closeable.close();
                }
                loaded.add(group.getKey() + ": " + component.get("label").asText());
            }
        }
        assertThat(loaded).hasSizeGreaterThan(50);
    }

    private static void collectProviders(JsonNode node, ComponentRegistry registry, Set<String> named) {
        if (node.isObject()) {
            JsonNode provider = node.get("provider");
            if (provider != null && provider.isTextual() && node.has("config")) {
                registry.find(provider.asText()).ifPresent(found -> named.add(found.provider()));
            }
            node.elements().forEachRemaining(child -> collectProviders(child, registry, named));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectProviders(child, registry, named));
        }
    }
}
