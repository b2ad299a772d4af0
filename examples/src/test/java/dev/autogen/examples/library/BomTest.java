package dev.autogen.examples.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The BOM lists every published module at the project's version, and the docs use it one way. */
class BomTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** Modules of the build that are not for users' projects. */
    private static final List<String> UNPUBLISHED = List.of("bom", "examples", "samples/web-chat", "benchmarks");

    @Test
    void listsEveryPublishedModuleAtTheProjectVersion() throws IOException {
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        String version = LocalRepository.version(ROOT);
        assertThat(bom).as("bom/pom.xml's own version").contains("<artifactId>autogen-bom</artifactId>\n  <version>"
                + version + "</version>");
        List<String> published = new ArrayList<>();
        for (String module : LocalRepository.modules(ROOT)) {
            if (!UNPUBLISHED.contains(module)) {
                published.add(LocalRepository.artifactId(ROOT.resolve(module).resolve("pom.xml")));
            }
        }
        assertThat(published).isNotEmpty();
        for (String artifactId : published) {
            assertThat(bom).as("bom/pom.xml must list %s (add it with <version>${project.version}</version>)", artifactId)
                    .contains("<artifactId>" + artifactId + "</artifactId>\n        <version>${project.version}</version>");
        }
        assertThat(bom).doesNotContain("<parent>");
    }

    /** One convention in every doc: the BOM carries the version, module dependency lines carry none. */
    @Test
    void docsGiveModuleDependenciesWithoutVersions() throws IOException {
        Pattern dependency = Pattern.compile("(?s)<dependency>.*?</dependency>");
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("examples/library-user/pom.xml")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).forEach(docs::add);
        }
        String version = LocalRepository.version(ROOT);
        for (Path doc : docs) {
            Matcher m = dependency.matcher(Files.readString(doc));
            while (m.find()) {
                String snippet = m.group();
                if (!snippet.contains("<groupId>dev.autogen</groupId>")) {
                    continue;
                }
                if (snippet.contains("<artifactId>autogen-bom</artifactId>")) {
                    assertThat(snippet).as(doc + ": the BOM import").contains("<version>" + version + "</version>");
                } else {
                    assertThat(snippet).as(doc + ": a module's version comes from the BOM").doesNotContain("<version>");
                }
            }
            assertThat(Files.readString(doc)).as(doc.toString()).doesNotContain("${autogen.version}");
        }
    }
}
