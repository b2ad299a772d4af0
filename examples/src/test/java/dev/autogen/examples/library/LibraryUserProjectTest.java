package dev.autogen.examples.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds and runs examples/library-user as a user's project is built: with Maven (the wrapper,
 * offline), importing autogen-bom from a local repository that holds this build's modules, compiled
 * with the settings README.md documents, then run with {@code java}. The modules are put into a fresh
 * repository straight from this build's classes (as {@code scripts/install-local.sh} would install
 * them); everything else comes read-only from the build's own repository (Maven's
 * {@code maven.repo.local.tail}).
 */
class LibraryUserProjectTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void aToolUsingAgentRunsFromAProjectThatImportsTheBom(@TempDir Path temp) throws Exception {
        Path repo = temp.resolve("repo");
        LocalRepository.installFromBuild(ROOT, repo);
        Path project = temp.resolve("library-user");
        copyProject(ROOT.resolve("examples/library-user"), project);

        Path classpathFile = project.resolve("target/classpath.txt");
        Result build = run(project, List.of(ROOT.resolve("mvnw").toString(), "-o", "-q", "-B", "-ntp",
                "-f", project.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + repo, "-Dmaven.repo.local.tail=" + outerRepository(),
                "compile", "dependency:build-classpath", "-Dmdep.outputFile=" + classpathFile));
        assertThat(build.exitCode()).as(build.output()).isZero();

        String classpath = project.resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(classpathFile).strip();
        Result program = run(project, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "example.Main"));
        assertThat(program.exitCode()).as(program.output()).isZero();
        assertThat(program.output())
                .contains("answer: The tool says: Sunny and 73 degrees in Seattle")
                .doesNotContain("SLF4J");
    }

    private static String outerRepository() {
        String configured = System.getProperty("autogen.localRepository");
        return configured != null && !configured.isBlank() ? configured
                : Path.of(System.getProperty("user.home"), ".m2", "repository").toString();
    }

    private static void copyProject(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.filter(f -> !from.relativize(f).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path dir, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
