package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidateCommandTest {
    @Test
    void aValidConfigPassesWithoutBeingRun() {
        String config = Cli.config("round_robin_replay.json");

        Cli cli = Cli.run("validate", config);

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo(config + ": OK, a team (autogen_agentchat.teams.RoundRobinGroupChat)\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            broken_unknown_provider.json | team.config.participants[1].config.model_client: unknown provider 'autogen_ext.models.openai.OpenAIChatCompletionClent'; did you mean 'autogen_ext.models.openai.OpenAIChatCompletionClient'
            broken_wrong_type.json       | team.config.termination_condition.component_type: 'termination' does not match provider 'autogen_ext.models.replay.ReplayChatCompletionClient', which makes 'replay_chat_completion_client' components
            broken_wrong_value.json      | team.config.termination_condition.config.max_messages: expected an integer but found string "five"
            """)
    void eachBrokenConfigIsReportedWithItsJsonPath(String file, String problem) {
        String config = Cli.config(file);

        Cli cli = Cli.run("validate", config);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).startsWith(problem).endsWith("\n" + config + ": 1 problem\n");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        String config = Cli.config("broken_missing_field.json");

        Cli cli = Cli.run("validate", config);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEqualTo("""
                team.config.participants[0].config: invalid value: missing required field 'name'
                team.config.termination_condition.config.max_messages: missing required field
                %s: 2 problems
                """.formatted(config));
    }

    @Test
    void validatesEveryComponentOfTheDefaultGalleryAndExplainsWhatCannotLoad() {
        Path gallery = Cli.pythonFixture("default_gallery.json");

        Cli cli = Cli.run("validate", gallery.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).doesNotContain("Exception").doesNotContain("\tat ");
        String needsConsent = ": FunctionTool would run the Python function '%s' of this config in a '%s' process on this"
                + " machine, with your rights; 'autogen run' asks before each start on a terminal, or allows it with"
                + " --allow-code-execution.\n";
        String python = System.getenv("AUTOGEN_PYTHON") == null ? "python3" : System.getenv("AUTOGEN_PYTHON");
        assertThat(cli.out())
                .contains("ok       components.models[0] OpenAI GPT-4o Mini\n")
                .contains("ok       components.agents[2] Verification Assistant\n")
                .contains("ok       components.terminations[2] OR Termination\n")
                .contains("ok       components.workbenches[1] Web Content Fetch Workbench\n")
                .contains("ok       components.tools[0] Calculator Tool\n"
                        + "         note: components.tools[0]" + needsConsent.formatted("calculator", python))
                .contains("ok       components.teams[0] RoundRobin Team\n")
                .contains("ok       components.agents[1] Web Surfer Agent\n"
                        + "         note: components.agents[1]: MultimodalWebSurfer would start the browser "
                        + "'/usr/bin/chromium' and let its model open any http, https or file URL on this machine, with your "
                        + "rights; 'autogen run' asks before each start on a terminal, or allows it with --allow-code-execution.\n")
                .contains("ok       components.teams[2] Web Agent Team (Operator)\n")
                .containsPattern("\n" + Pattern.quote(gallery.toString()) + ": \\d+ of 24 components load; \\d+ problems?\n$");
        // The web tools load where their modules (httpx, bs4, html2text, openai, PIL) are installed;
        // elsewhere each is reported naming the first missing module and its pip package.
        List<String> lines = cli.out().lines().toList();
        for (int i = 1; i <= 4; i++) {
            String tool = "components.tools[" + i + "]";
            int at = lines.indexOf(lines.stream().filter(l -> l.matches("(ok|invalid) +" + Pattern.quote(tool) + " .*"))
                    .findFirst().orElseThrow());
            if (lines.get(at).startsWith("invalid")) {
                assertThat(lines.get(at + 1)).matches(" +" + Pattern.quote(tool) + "\\.config\\.global_imports: Python"
                        + " FunctionTool '\\w+' imports the Python module '[\\w.]+', which is not installed for '.+';"
                        + " install it with 'pip install [\\w-]+' .*");
            }
        }
        assertThat(cli.out().lines().filter(l -> l.startsWith("ok ") || l.startsWith("invalid "))).hasSize(24);
    }

    @Test
    void validateWritesNothingAndWarnsAboutWorkDirsOutsideTheCurrentDirectoryOrOnSystemPaths(@TempDir Path dir)
            throws IOException {
        Path outside = Path.of("../../x").toAbsolutePath().normalize();
        Path nested = dir.resolve("a/b/work");
        Path config = dir.resolve("team.json");
        Files.writeString(config, """
                {"provider": "autogen_agentchat.teams.RoundRobinGroupChat", "component_type": "team", "config": {
                  "participants": [%s, %s, %s],
                  "termination_condition": {"provider": "MaxMessageTermination", "config": {"max_messages": 3}}}}
                """.formatted(executorAgent("relative", "../../x"), executorAgent("system", "/etc"),
                        executorAgent("nested", nested.toString())));
        List<Path> before = listing(dir);
        boolean outsideExisted = Files.exists(outside);

        Cli cli = Cli.run("validate", config.toString());

        assertThat(listing(dir)).as("validate writes nothing").isEqualTo(before);
        assertThat(Files.exists(outside)).isEqualTo(outsideExisted);
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        String note = ": LocalCommandLineCodeExecutor would run the code blocks it receives (python, shell) as programs on"
                + " this machine, with your rights, in work_dir '%s'; 'autogen run' asks before each start on a terminal, or"
                + " allows it with --allow-code-execution.\n";
        String writes = "; code run from this config would write its files there.";
        assertThat(cli.out()).isEqualTo(
                "note: team.config.participants[0].config.code_executor" + note.formatted("../../x")
                + "warning: team.config.participants[0].config.code_executor.config.work_dir: '" + outside
                + "' is outside the current directory" + writes + " Check that it is the directory you mean.\n"
                + "note: team.config.participants[1].config.code_executor" + note.formatted("/etc")
                + "warning: team.config.participants[1].config.code_executor.config.work_dir: '/etc' is a system directory"
                + writes + " Use a directory of its own under the current one.\n"
                + "note: team.config.participants[2].config.code_executor" + note.formatted(nested)
                + "warning: team.config.participants[2].config.code_executor.config.work_dir: '" + nested
                + "' is outside the current directory" + writes + " Check that it is the directory you mean.\n"
                + config + ": OK, a team (autogen_agentchat.teams.RoundRobinGroupChat)\n");
    }

    @Test
    void systemPathsAndTheHomeDirectoryAreRisky() {
        Path cwd = Path.of("/work/project");
        Path home = Path.of("/home/me");
        assertThat(ConsentNotes.risk(Path.of("/"), cwd, home)).hasValueSatisfying(r -> assertThat(r).contains("system"));
        assertThat(ConsentNotes.risk(Path.of("/proc/self"), cwd, home)).hasValueSatisfying(r -> assertThat(r).contains("system"));
        assertThat(ConsentNotes.risk(Path.of("/usr/local/bin"), cwd, home)).hasValueSatisfying(r -> assertThat(r).contains("system"));
        assertThat(ConsentNotes.risk(Path.of("/home"), cwd, home)).hasValueSatisfying(r -> assertThat(r).contains("system"));
        assertThat(ConsentNotes.risk(home, cwd, home)).hasValueSatisfying(r -> assertThat(r).contains("home directory"));
        assertThat(ConsentNotes.risk(Path.of("/work/other"), cwd, home)).hasValueSatisfying(r -> assertThat(r).contains("outside"));
        assertThat(ConsentNotes.risk(Path.of("/work/project/coding"), cwd, home)).isEmpty();
    }

    private static String executorAgent(String name, String workDir) {
        return """
                {"provider": "CodeExecutorAgent", "config": {"name": "%s", "code_executor": {
                  "provider": "LocalCommandLineCodeExecutor", "config": {"work_dir": "%s"}}}}""".formatted(name, workDir);
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.sorted().toList();
        }
    }
}
