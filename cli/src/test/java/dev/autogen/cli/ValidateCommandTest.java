package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
        assertThat(cli.out())
                .contains("ok       components.models[0] OpenAI GPT-4o Mini\n")
                .contains("ok       components.agents[2] Verification Assistant\n")
                .contains("ok       components.terminations[2] OR Termination\n")
                .contains("ok       components.workbenches[1] Web Content Fetch Workbench\n")
                .contains("invalid  components.tools[0] Calculator Tool\n"
                        + "         components.tools[0].config.source_code: Python FunctionTool 'calculator' is Python "
                        + "source code, which cannot run in Java")
                .contains("invalid  components.agents[1] Web Surfer Agent\n"
                        + "         components.agents[1]: unknown provider 'autogen_ext.agents.web_surfer.MultimodalWebSurfer'")
                .endsWith(gallery + ": 12 of 24 components load; 14 problems\n");
        assertThat(cli.out().lines().filter(l -> l.startsWith("ok ") || l.startsWith("invalid "))).hasSize(24);
    }
}
