package dev.autogen.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code java} snippet of README.md and docs/*.md compiles against the project's classes, so the
 * docs stay true as the code changes. The convention for fragments is in {@link DocSnippets} and
 * README.md, "Development".
 */
class DocSnippetsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path out;

    @Test
    void everySnippetOfTheReadmeAndTheDocsCompiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<DocSnippets.Snippet> snippets = DocSnippets.extract(ROOT, files);
        assertThat(snippets).hasSizeGreaterThan(50);

        List<DocSnippets.Failure> failures = DocSnippets.compile(snippets, System.getProperty("java.class.path"), out);

        assertThat(failures).as("snippets that do not compile").isEmpty();
    }

    @Test
    void aSnippetThatDoesNotCompileFailsNamingItsPlaceAndTheError() throws IOException {
        String markdown = """
                # A page

                ```java
                var team = RoundRobinGroupChat.builder(List.of()).build();
                ```

                <!-- java-context: import java.util.List; -->
                ```java
                List<String> names = List.of("a");
                int n = names;
                ```
                """;
        List<DocSnippets.Snippet> snippets = DocSnippets.extract("page.md", markdown);
        assertThat(snippets).extracting(Object::toString).containsExactly("page.md:3", "page.md:8");

        List<DocSnippets.Failure> failures = DocSnippets.compile(snippets, System.getProperty("java.class.path"), out);

        assertThat(failures).hasSize(2);
        assertThat(failures.get(0).toString()).startsWith("page.md:3 does not compile")
                .contains("cannot find symbol").contains("RoundRobinGroupChat");
        assertThat(failures.get(1).toString()).startsWith("page.md:8 does not compile")
                .contains("incompatible types").contains("int n = names;");
    }

    @Test
    void declarationsBecomeMembersAndImportsAreHoisted() throws IOException {
        String markdown = """
                ```java
                import java.util.function.IntUnaryOperator;

                record Ping(int seq) {}

                @FunctionalInterface
                interface Twice { int apply(int x); }

                int twice(int x) {
                    return 2 * x;
                }

                IntUnaryOperator op = x -> twice(x);
                Ping ping = new Ping(op.applyAsInt(2));
                ```

                <!-- java-snippet: not compiled, pseudo-code -->
                ```java
                this is not Java
                ```
                """;
        List<DocSnippets.Snippet> snippets = DocSnippets.extract("page.md", markdown);
        assertThat(snippets).hasSize(1);
        assertThat(DocSnippets.compile(snippets, System.getProperty("java.class.path"), out)).isEmpty();
    }
}
