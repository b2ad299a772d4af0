package dev.autogen.examples.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Core's list of which module brings which provider (so a config naming a missing module's component
 * is told what to add) equals what the build's modules register; the examples' test class path holds
 * every module.
 */
class ProviderModulesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String RESOURCE = "dev/autogen/core/component/provider-modules.properties";

    @Test
    void coreListsEveryProviderAndAliasWithTheModuleThatRegistersIt() throws Exception {
        ComponentRegistry registry = ComponentRegistry.defaultRegistry();
        Map<String, String> expected = new TreeMap<>();
        for (ComponentProvider<?, ?> provider : registry.providers()) {
            String module = module(provider.getClass());
            if (module != null) {
                expected.put(provider.provider(), module);
            }
        }
        registry.aliases().forEach((alias, canonical) -> {
            if (expected.containsKey(canonical)) {
                expected.put(alias, expected.get(canonical));
            }
        });

        Map<String, String> listed = new TreeMap<>();
        try (InputStream in = ComponentRegistry.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            var properties = new Properties();
            properties.load(in);
            properties.forEach((key, value) -> listed.put((String) key, (String) value));
        }
        String wanted = expected.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(listed).as("core/src/main/resources/%s should be:%n%s", RESOURCE, wanted).isEqualTo(expected);
    }

    @Test
    void aConfigNamingAComponentOfAMissingModuleIsToldWhichDependencyToAdd() {
        ComponentRegistry withoutJupyter = ComponentRegistry.builder().addServiceLoaderProviders()
                .allowOnly(provider -> !provider.equals("autogen_ext.code_executors.jupyter.JupyterCodeExecutor")).build();
        String config = """
                {"provider": "autogen_ext.code_executors.jupyter.JupyterCodeExecutor", "component_type": "code_executor",
                 "config": {}}""";

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ComponentLoader.using(withoutJupyter)
                        .load(config, Object.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("unknown provider 'autogen_ext.code_executors.jupyter.JupyterCodeExecutor': it comes"
                        + " with the module dev.autogen:autogen-ext-jupyter, which is not on the class path");
    }

    /** The artifactId of the module a class was built in; null for test classes. */
    private static String module(Class<?> type) throws IOException, URISyntaxException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        String name = location.getFileName().toString();
        if (Files.isDirectory(location)) {
            if (!name.equals("classes")) {
                return null;
            }
            return "dev.autogen:" + LocalRepository.artifactId(location.getParent().getParent().resolve("pom.xml"));
        }
        if (name.endsWith("-tests.jar")) {
            return null;
        }
        return "dev.autogen:" + name.replaceFirst("-\\d[^-]*(-SNAPSHOT)?\\.jar$", "");
    }
}
