package dev.autogen.examples.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.examples.agentchat.StepClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** Runs each sample on its scripted model and offline tools and compares what it prints with its golden file. */
class SamplesTest {
    private final Printed printed = new Printed();
    private final PrintStream out = printed.out;
    private final InstantSource clock = new StepClock(Duration.ofMillis(1150));

    static String golden(String sample) throws IOException {
        try (InputStream in = SamplesTest.class.getResourceAsStream("/samples/" + sample + ".txt")) {
            assertThat(in).as("golden file for %s", sample).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void travelPlanningGoesRoundTheFourAgentsUntilTheSummaryTerminates() throws IOException {
        TaskResult result = TravelPlanningSample.run(TravelPlanningSample.scriptedModel(), out, clock);

        assertThat(printed.text()).isEqualTo(golden("TravelPlanningSample"));
        assertThat(result.stopReason()).isEqualTo("Text 'TERMINATE' mentioned");
    }

    @Test
    void companyResearchReportsStatisticsComputedFromTheSampleSeries() throws IOException {
        TaskResult result = CompanyResearchSample.run(CompanyResearchSample.scriptedModel(), new SamplePriceHistory(),
                CompanyResearchSample.offlineSearch(), out, clock);

        assertThat(printed.text()).isEqualTo(golden("CompanyResearchSample"));
        assertThat(result.messages()).filteredOn(ToolCallExecutionEvent.class::isInstance)
                .extracting(m -> ((ToolCallExecutionEvent) m).content().getFirst().isError())
                .containsExactly(false, false);
    }

    @Test
    void literatureReviewSearchesTheWebAndArxivThenWritesTheReview() throws IOException {
        TaskResult result = LiteratureReviewSample.run(LiteratureReviewSample.scriptedModel(),
                LiteratureReviewSample.offlineWebSearch(), LiteratureReviewSample.offlinePaperSearch(), out, clock);

        assertThat(printed.text()).isEqualTo(golden("LiteratureReviewSample"));
        assertThat(result.stopReason()).isEqualTo("Text 'TERMINATE' mentioned");
    }

    @Test
    void literatureReviewAsksArxivWithTheModelsQueryAndHandsThePapersOn() throws IOException {
        try (var arxiv = new CannedServer("/api/query", "application/atom+xml", ArxivPaperSearchTest.FEED)) {
            TaskResult result = LiteratureReviewSample.run(LiteratureReviewSample.scriptedModel(),
                    LiteratureReviewSample.offlineWebSearch(), new ArxivPaperSearch(arxiv.uri()), out, clock);

            assertThat(arxiv.requests.poll().uri().getRawQuery())
                    .isEqualTo("search_query=no+code+tools+multi+agent+systems&start=0&max_results=2"
                            + "&sortBy=relevance&sortOrder=descending");
            assertThat(result.messages()).filteredOn(ToolCallExecutionEvent.class::isInstance)
                    .extracting(m -> ((ToolCallExecutionEvent) m).content().getFirst().content())
                    .last().asString()
                    .startsWith("[{\"title\":\"AutoGen Studio: A No-Code Developer Tool for Building and Debugging")
                    .contains("\"pdf_url\":\"http://arxiv.org/pdf/2408.15247v1\"");
        }
    }
}
