package dev.autogen.examples.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.examples.samples.StockAnalysis.Day;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics of {@link StockAnalysis} on series small enough to check by hand, and reading CSV prices. */
class StockAnalysisTest {
    @Test
    void threeDaysGiveRangeChangeAndVolatilityButNoTrend() {
        List<Day> days = List.of(
                new Day(LocalDate.of(2024, 3, 1), 10.5, 9.5, 10),
                new Day(LocalDate.of(2024, 3, 4), 11.5, 10.5, 11),
                new Day(LocalDate.of(2024, 3, 5), 10.2, 9.8, 9.9));

        StockAnalysis a = StockAnalysis.of("XYZ", days, "test");

        assertThat(a.currentPrice()).isEqualTo(9.9);
        assertThat(a.yearHigh()).isEqualTo(11.5);
        assertThat(a.yearLow()).isEqualTo(9.5);
        assertThat(a.ytdPriceChange()).isEqualTo(-0.1);
        assertThat(a.ytdPercentChange()).isEqualTo(-1.0);
        assertThat(a.ma50()).isNull();
        assertThat(a.trend()).isEqualTo("Insufficient data for trend analysis");
        // Daily returns +10% and -10%: sample standard deviation 0.1414, times sqrt(252).
        assertThat(a.volatility()).isEqualTo(2.245);
    }

    @Test
    void twoHundredRisingDaysTrendUpwardAndTheRangeKeepsToTheLastYear() {
        List<Day> days = new ArrayList<>();
        LocalDate start = LocalDate.of(2024, 6, 1);
        for (int i = 1; i <= 200; i++) {
            days.add(new Day(start.plusDays(i), i, i, i));
        }
        days.addFirst(new Day(LocalDate.of(2022, 1, 3), 999, 0.5, 500));

        StockAnalysis a = StockAnalysis.of("UP", days, "test");

        assertThat(a.ma50()).isEqualTo(175.5);
        assertThat(a.ma200()).isEqualTo(100.5);
        assertThat(a.trend()).isEqualTo("Upward");
        assertThat(a.yearHigh()).isEqualTo(200);
        assertThat(a.yearLow()).isEqualTo(1);
        assertThat(a.asOf()).isEqualTo(start.plusDays(200));
    }

    @Test
    void theToolResultUsesThePythonSamplesKeys() throws Exception {
        var tool = StockAnalysis.tool(new SamplePriceHistory());
        Object value = tool.runJson(dev.autogen.core.serialization.AutogenJson.mapper().readTree("{\"ticker\":\"AAL\"}"),
                new dev.autogen.core.CancellationToken(), null);

        assertThat(tool.returnValueAsString(value)).startsWith("{\"ticker\":\"AAL\",\"as_of\":\"2024-12-31\",\"current_price\":")
                .contains("\"52_week_high\":", "\"50_day_ma\":", "\"200_day_ma\":", "\"ytd_percent_change\":",
                        "\"source\":\"offline sample series (synthetic prices, not market data)\"");
    }

    @Test
    void csvPricesAreReadByTheirHeader(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("AAL.csv"), """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-12-30,17.10,17.50,16.90,17.20,17.20,1000
                2024-12-31,17.20,17.60,17.00,17.40,17.40,1200
                """);

        List<Day> days = new CsvPriceHistory(dir).lastYear("aal");

        assertThat(days).containsExactly(new Day(LocalDate.of(2024, 12, 30), 17.5, 16.9, 17.2),
                new Day(LocalDate.of(2024, 12, 31), 17.6, 17.0, 17.4));
    }

    @Test
    void aBadCsvLineIsNamedByFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("AAL.csv"), "Date,High,Low,Close\n2024-12-30,17.5,16.9,17.2\n2024-12-31,n/a,17,17.4\n");

        assertThatThrownBy(() -> new CsvPriceHistory(dir).lastYear("AAL"))
                .hasMessage(dir.resolve("AAL.csv") + " line 3: expected 4 comma-separated cells with an ISO date and "
                        + "numbers, got '2024-12-31,n/a,17,17.4'");
    }

    @Test
    void aMissingFileColumnOrBadTickerSaysWhich(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("AAL.csv"), "Date,Price\n");
        var prices = new CsvPriceHistory(dir);

        assertThatThrownBy(() -> prices.lastYear("AAL")).hasMessageContaining("the header has no 'high' column");
        assertThatThrownBy(() -> prices.lastYear("MSFT")).hasMessageContaining("no price data for ticker 'MSFT'")
                .hasMessageContaining("MSFT.csv does not exist");
        assertThatThrownBy(() -> prices.lastYear("../etc/passwd")).hasMessageContaining("is not a ticker symbol");
        assertThatThrownBy(() -> StockAnalysis.of("X", List.of(), "test")).hasMessageContaining("need at least two days");
    }
}
