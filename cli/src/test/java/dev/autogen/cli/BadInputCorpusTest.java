package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 21's corpus of bad inputs: each folder under {@code src/test/resources/bad-inputs/} holds the
 * files of one case, {@code args} (the command's arguments, one per line; {@code {dir}} stands for the
 * case's folder) and {@code expected} ({@code exit N}, then exactly what the command prints on stdout and
 * stderr, in that order). The command runs in-process. With {@code -DbadInputs.record=true} the test
 * writes what the command printed into {@code expected} instead, for review.
 */
class BadInputCorpusTest {
    /** What a user must never see: Java class names and library internals. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bat [a-z]+\\.|\\[Source:|reference chain|com\\.fasterxml|Index: -?\\d+|Input length =");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusHasAtLeast150Cases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(150);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadInputEndsInItsExactMessage(Path dir) throws IOException {
        String here = dir.toAbsolutePath().toString();
        List<String> args = Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isEmpty())
                .map(line -> line.replace("{dir}", here))
                .toList();
        Cli cli = Cli.run(args.toArray(String[]::new));
        String actual = ("exit " + cli.exitCode() + "\n" + cli.out() + cli.err()).replace(here, "{dir}");

        Path expectedFile = dir.resolve("expected");
        if (Boolean.getBoolean("badInputs.record")) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
        assertThat(cli.exitCode()).as("a bad input is refused").isNotZero();
        assertThat(cli.out() + cli.err()).as("no Java internals reach the user").doesNotContainPattern(INTERNALS);
    }

    /** The corpus in the source tree (the tests run in the module's folder), so recording updates it. */
    private static Path root() {
        return Path.of("src", "test", "resources", "bad-inputs");
    }
}
