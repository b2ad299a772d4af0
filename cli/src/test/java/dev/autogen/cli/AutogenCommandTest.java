package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class AutogenCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AutogenCommand.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void withoutArgumentsRunsTheFirstBuiltInTeamOnItsTask() {
        assertThat(run()).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("---------- user ----------\nWrite a short poem about the fall season.\n"
                        + "---------- primary ----------\n")
                .contains("---------- critic ----------\n")
                .endsWith("APPROVE\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void quickstartRunsTheCoreQuickstart() {
        assertThat(run("quickstart")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("-".repeat(80) + System.lineSeparator() + "Checker:")
                .contains("Modified 2 to 1")
                .endsWith("1 failed the check, stopping." + System.lineSeparator() + System.lineSeparator());
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: autogen").contains("quickstart").contains("run").contains("validate").contains("gallery").contains("dump");
    }

    @Test
    void unknownCommandFailsAndSuggestsTheClosestOnStderr() {
        assertThat(run("quickstrat")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unmatched argument").contains("Did you mean: autogen quickstart");
    }

    @Test
    void theSubcommandsAreListedUnderTheirOwnNames() {
        for (Map.Entry<String, Class<?>> e : AutogenCommand.SUBCOMMANDS.entrySet()) {
            assertThat(e.getValue().getAnnotation(Command.class).name()).as(e.getValue().getName()).isEqualTo(e.getKey());
        }
    }

    @Test
    void aSubcommandBuiltAloneHelpsAsInTheWholeCommandTree() {
        for (String name : AutogenCommand.SUBCOMMANDS.keySet()) {
            if (name.equals("help")) {
                continue;
            }
            out.reset();
            assertThat(run(name, "--help")).as(name).isZero();
            String alone = out.toString(StandardCharsets.UTF_8);
            out.reset();
            assertThat(run("help", name)).as(name).isZero();
            assertThat(alone).as(name).startsWith("Usage: autogen " + name).isEqualTo(out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void helpListsEverySubcommandInOrder() {
        assertThat(run("--help")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        int last = text.indexOf("Commands:");
        assertThat(last).isPositive();
        for (String name : AutogenCommand.SUBCOMMANDS.keySet()) {
            int at = text.indexOf("\n  " + name + " ", last);
            assertThat(at).as(name).isGreaterThan(last);
            last = at;
        }
    }
}
