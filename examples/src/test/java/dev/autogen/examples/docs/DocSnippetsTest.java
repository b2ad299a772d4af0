package dev.autogen.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code java} snippet of README.md and docs/*.md, and every Java example of the main sources'
 * Javadoc ({@code <pre>{@code ...}</pre>}), compiles against the project's classes, so the docs stay true
 * as the code changes. The convention for fragments is in {@link DocSnippets} and README.md, "Development".
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
    void everyJavaExampleOfTheJavadocCompiles() throws IOException {
        List<DocSnippets.Snippet> snippets = DocSnippets.extract(ROOT, javaSources());
        assertThat(snippets).hasSizeGreaterThan(150);

        List<DocSnippets.Failure> failures = DocSnippets.compile(snippets, System.getProperty("java.class.path"), out);

        assertThat(failures).as("Javadoc examples that do not compile").isEmpty();
    }

    /** The main sources of every module ({@code <module>/src/main/java}, {@code ext/<module>/src/main/java}), internal packages aside. */
    private static List<Path> javaSources() throws IOException {
        List<Path> roots = new ArrayList<>();
        for (Path parent : List.of(ROOT, ROOT.resolve("ext"))) {
            try (Stream<Path> modules = Files.list(parent)) {
                modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().forEach(roots::add);
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> sources = Files.walk(root)) {
                sources.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !root.relativize(f).toString().matches("(.*/)?(internal|target)/.*"))
                        .sorted().forEach(files::add);
            }
        }
        return files;
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
    void aJavadocExampleThatDoesNotCompileFailsNamingItsPlaceAndTheError() throws IOException {
        String source = """
                package dev.autogen.agentchat.teams;

                import java.util.List;

                /**
                 * A team of the file's package, used with the file's imports:
                 *
                 * <pre>{@code
                 * var team = RoundRobinGroupChat.builder(List.of()).buildIt();
                 * }</pre>
                 *
                 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient;
                 *      ChatCompletionClient model; -->
                 * <pre>{@code
                 * &#64;FunctionalInterface
                 * interface Check { boolean test(List<String> names); }
                 * Check check = names -> names.size() &lt; 3 &amp;&amp; model != null;
                 * String at = "{@literal @}";
                 * }</pre>
                 *
                 * <pre>{@code
                 * {"provider": "not Java"}
                 * }</pre>
                 */
                public final class Example {
                    /**
                     * <!-- java-snippet: not compiled, pseudo-code -->
                     * <pre>{@code
                     * this is not Java
                     * }</pre>
                     *
                     * <pre>{@code
                     *     int n = "&lt;text&gt;";
                     * }</pre>
                     */
                    void m() {
                    }
                }
                """;
        List<DocSnippets.Snippet> snippets = DocSnippets.extractJavadoc("a/Example.java", source);
        assertThat(snippets).extracting(Object::toString).containsExactly("a/Example.java:8", "a/Example.java:14",
                "a/Example.java:32");

        List<DocSnippets.Failure> failures = DocSnippets.compile(snippets, System.getProperty("java.class.path"), out);

        assertThat(failures).hasSize(2);
        assertThat(failures.get(0).toString()).startsWith("a/Example.java:8 does not compile")
                .contains("cannot find symbol").contains("buildIt").doesNotContain("symbol:   class");
        assertThat(failures.get(1).toString()).startsWith("a/Example.java:32 does not compile")
                .contains("incompatible types").contains("int n = \"<text>\";");
    }

    @Test
    void aJavadocBlockWhoseBracesDoNotBalanceIsReported() {
        String source = """
                /**
                 * <pre>{@code
                 * if (ready) {
                 * }</pre>
                 */
                class Example {
                }
                """;
        assertThatThrownBy(() -> DocSnippets.extractJavadoc("a/Example.java", source))
                .hasMessageStartingWith("a/Example.java:2:").hasMessageContaining("braces");
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
