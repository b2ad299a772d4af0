package dev.autogen.ext.experimental.taskcentricmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.models.SystemMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprenticeTest {
    private static final String TASK = "What is 17 * 23?";
    private static final String INSIGHT = "Multiply the tens and the units separately, then add.";

    @TempDir
    Path dir;

    @Test
    void theApprenticesAgentLearnsFromItsOwnFailureAndPassesTheGradersTest() {
        MemoryModel model = new MemoryModel()
                .topics("17 * 2", "multiplying two-digit numbers", "mental arithmetic");
        model.agent = task -> task.contains(INSIGHT) ? "The answer is 391." : "The answer is 381.";
        try (var apprentice = Apprentice.builder(model.client)
                .config(ApprenticeConfig.of(MemoryControllerConfig.at(dir.toString()).withTrials(3, 1))).build()) {
            Grader grader = new Grader(model.client);
            assertThat(grader.testApprentice(apprentice, TASK, "391", 1, true).successes()).isZero();

            assertThat(apprentice.trainOnTask(TASK, "391")).contains(INSIGHT);

            Grader.Score score = grader.testApprentice(apprentice, TASK, "391", 2, true);
            assertThat(score.successes()).isEqualTo(2);
            assertThat(score.successRatePercent()).isEqualTo(100);
            assertThat(grader.testApprentice(apprentice, TASK, "391", 1, false).successes()).isZero();
            assertThat(model.client.requests()).anySatisfy(request -> assertThat(request.messages().getFirst())
                    .isEqualTo(new SystemMessage(Apprentice.SYSTEM_MESSAGE)));
        }
    }

    @Test
    void anAgentOrTeamNotBuiltInMustBeGivenInCode() {
        MemoryModel model = new MemoryModel();
        assertThatThrownBy(() -> Apprentice.builder(model.client)
                .config(new ApprenticeConfig("MagenticOneGroupChat", null, MemoryControllerConfig.at(dir.toString())))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name_of_agent_or_team 'MagenticOneGroupChat' is not built in");
    }
}
