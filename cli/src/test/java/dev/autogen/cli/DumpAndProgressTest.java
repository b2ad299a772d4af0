package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpAndProgressTest {
    private static final String FIRST_TEAM = BuiltinTeam.ALL.get(0).name();

    @TempDir
    Path dir;

    @Test
    void dumpListsEveryBuiltInTeam() {
        Cli cli = Cli.run("dump");

        assertThat(cli.exitCode()).isZero();
        for (BuiltinTeam team : BuiltinTeam.ALL) {
            assertThat(cli.out()).contains("  " + team.name() + " ").contains(team.summary());
        }
    }

    @Test
    void aDumpedTeamSavedToAFileRunsLikeTheBuiltInOne() throws IOException {
        Cli dump = Cli.run("dump", FIRST_TEAM);
        Path saved = dir.resolve("team.json");
        Files.writeString(saved, dump.out());
        String task = BuiltinTeam.ALL.get(0).defaultTask();

        Cli fromFile = Cli.run("run", saved.toString(), "--task", task, "--output", "json");
        Cli builtIn = Cli.run("run", FIRST_TEAM, "--output", "json");

        assertThat(AutogenJson.mapper().readTree(dump.out())).isEqualTo(BuiltinTeam.ALL.get(0).config());
        assertThat(contents(fromFile)).isEqualTo(contents(builtIn)).hasSizeGreaterThan(2);
    }

    @Test
    void aYamlDumpLoadsBackToTheSameConfig() throws IOException {
        Cli dump = Cli.run("dump", FIRST_TEAM, "--format", "yaml");
        Path saved = dir.resolve("team.yaml");
        Files.writeString(saved, dump.out());

        assertThat(dump.out()).startsWith("provider: autogen_agentchat.teams.");
        assertThat(Cli.run("validate", saved.toString()).exitCode()).isZero();
        assertThat(contents(Cli.run("run", saved.toString(), "--task", "x", "--output", "json"))).hasSizeGreaterThan(2);
    }

    @Test
    void dumpOfAnUnknownTeamNamesTheBuiltInOnes() {
        Cli cli = Cli.run("dump", "nope");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("autogen: there is no built-in team 'nope'; the built-in teams are "
                + BuiltinTeam.names() + ".\n");
    }

    @Test
    void progressGoesToStderrAndLeavesTheJsonOutputAlone() throws IOException {
        Cli cli = Cli.run("run", FIRST_TEAM, "--output", "json", "--progress", "always");

        assertThat(cli.exitCode()).isZero();
        JsonNode result = AutogenJson.mapper().readTree(cli.out());
        int messages = result.get("messages").size();
        String lastSource = result.get("messages").get(messages - 1).get("source").asText();
        assertThat(cli.out().strip()).doesNotContain("\n").doesNotContain("\r");
        assertThat(cli.err()).contains("running: " + messages + " messages, last from " + lastSource)
                .endsWith("\r\033[K");
    }

    @Test
    void progressNeverMixesIntoTheTranscript() {
        Cli withProgress = Cli.run("run", FIRST_TEAM, "--progress", "always");
        Cli without = Cli.run("run", FIRST_TEAM, "--progress", "never");

        assertThat(withProgress.out()).doesNotContain("\033").doesNotContain("running:");
        assertThat(withProgress.out().lines().filter(line -> line.startsWith("---------- ")))
                .isEqualTo(without.out().lines().filter(line -> line.startsWith("---------- ")).toList());
        assertThat(without.err()).isEmpty();
    }

    @Test
    void progressIsOffByDefaultWhenStderrIsNotATerminal() {
        assertThat(Cli.run("run", FIRST_TEAM, "--output", "json").err()).isEmpty();
    }

    private static java.util.List<String> contents(Cli cli) {
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return Cli.readJsonText(cli.out()).get("messages").findValuesAsText("content");
    }
}
