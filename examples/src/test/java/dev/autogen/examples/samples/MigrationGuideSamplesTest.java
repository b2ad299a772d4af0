package dev.autogen.examples.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.examples.agentchat.StepClock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration guide's patterns on their scripted models: what a user sees, and what each pattern hands on. */
class MigrationGuideSamplesTest {
    private final Printed printed = new Printed();
    private final PrintStream out = printed.out;
    private final StepClock clock = new StepClock(Duration.ofMillis(1150));

    @Test
    void everyPatternPrintsWhatTheGoldenFileShows(@TempDir Path work) throws Exception {
        MigrationGuideSamples.runAll(scripted -> scripted, out, clock, work);

        assertThat(printed.text()).isEqualTo(SamplesTest.golden("MigrationGuideSamples"));
    }

    @Test
    void theCodeExecutorRunsTheScriptOnlyAfterApproval(@TempDir Path work) {
        List<String> prompts = new ArrayList<>();
        TaskResult denied = MigrationGuideSamples.twoAgentChat(MigrationGuideSamples.twoAgentChatModel(), work,
                InputFunction.of(prompt -> {
                    prompts.add(prompt);
                    return "n";
                }), out, clock);

        assertThat(prompts).singleElement().asString().startsWith("Run this code?\n```python\nprint('Hello, world!')")
                .endsWith("```\n(y/n) ");
        assertThat(denied.messages().get(2).toText()).doesNotContain("Hello, world!").contains("the user said no");
    }

    @Test
    void theResumedTeamRemembersTheStoryItLoaded(@TempDir Path work) throws IOException {
        var model = MigrationGuideSamples.groupChatModel();
        Path state = work.resolve("state.json");

        MigrationGuideSamples.groupChatWithResume(model, state, out, clock);

        assertThat(Files.readString(state)).contains("\"type\":\"TeamState\"");
        List<LLMMessage> translationRequest = model.createCalls().get(2).messages();
        assertThat(translationRequest.toString()).contains("a small robot named Bolt", "Translate the story into Chinese.");
    }

    @Test
    void theSecondSequentialStepIsGivenTheFirstStepsAnswer() {
        var model = MigrationGuideSamples.sequentialChatModel();

        String slogan = MigrationGuideSamples.sequentialChat(model, out);

        assertThat(slogan).startsWith("Stay cool on every trail");
        assertThat(model.createCalls().get(1).messages().getLast().toString()).contains("Audience: hikers and commuters.");
    }

    @Test
    void theMemorysFactReachesTheModel() {
        var model = MigrationGuideSamples.memoryModel();

        MigrationGuideSamples.memory(model, out, clock);

        assertThat(model.createCalls().getFirst().messages().toString())
                .contains("The user prefers temperatures in Celsius.");
    }
}
