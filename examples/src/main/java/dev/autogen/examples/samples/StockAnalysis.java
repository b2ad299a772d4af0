package dev.autogen.examples.samples;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.tools.FunctionTool;
import dev.autogen.core.tools.annotation.ToolParam;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the company research sample's {@code analyze_stock} tool returns: the Python sample's
 * statistics, computed from a year of daily prices. Moving averages are null when the series is
 * shorter than their window; {@code source} says where the prices came from.
 */
@JsonPropertyOrder({"ticker", "as_of", "current_price", "52_week_high", "52_week_low", "50_day_ma", "200_day_ma",
        "ytd_price_change", "ytd_percent_change", "trend", "volatility", "source"})
public record StockAnalysis(
        String ticker,
        LocalDate asOf,
        double currentPrice,
        @JsonProperty("52_week_high") double yearHigh,
        @JsonProperty("52_week_low") double yearLow,
        @JsonProperty("50_day_ma") @Nullable Double ma50,
        @JsonProperty("200_day_ma") @Nullable Double ma200,
        @Nullable Double ytdPriceChange,
        @Nullable Double ytdPercentChange,
        String trend,
        double volatility,
        String source) {

    /** One trading day. */
    public record Day(LocalDate date, double high, double low, double close) {
        public Day {
            Objects.requireNonNull(date, "date");
            if (!(close > 0) || !(high >= low)) {
                throw new IllegalArgumentException("price of " + date + ": close must be positive and high >= low, got high "
                        + high + ", low " + low + ", close " + close);
            }
        }
    }

    /** Where {@code analyze_stock} gets a ticker's daily prices. */
    public interface PriceHistory {
        /**
         * About a year of daily prices of {@code ticker}, oldest first.
         *
         * @throws IllegalArgumentException if there are none for {@code ticker}
         */
        List<Day> lastYear(String ticker);

        /** Names the data for the tool's {@code source} field, e.g. a file name. */
        String describe(String ticker);
    }

    /** The {@code analyze_stock} tool's arguments. */
    public record Args(@ToolParam("The stock ticker symbol, e.g. AAL") String ticker) {
    }

    /** The {@code analyze_stock} tool over {@code prices}. */
    public static FunctionTool tool(PriceHistory prices) {
        Objects.requireNonNull(prices, "prices");
        return FunctionTool.of("analyze_stock", "Analyze stock data over the past year", Args.class,
                args -> of(args.ticker(), prices.lastYear(args.ticker()), prices.describe(args.ticker())));
    }

    /**
     * The statistics of {@code days} as of the last day: 52-week range over the year before it, 50- and
     * 200-day moving averages of the close, the change since the first trading day of its calendar year,
     * the trend (50-day above 200-day average: "Upward"), and the annualised volatility (standard
     * deviation of daily returns times the square root of 252).
     *
     * @throws IllegalArgumentException if {@code days} has fewer than two days
     */
    public static StockAnalysis of(String ticker, List<Day> days, String source) {
        if (days.size() < 2) {
            throw new IllegalArgumentException("no price history for ticker '" + ticker + "': need at least two days, got "
                    + days.size());
        }
        List<Day> sorted = days.stream().sorted(Comparator.comparing(Day::date)).toList();
        Day last = sorted.getLast();
        List<Day> year = sorted.stream().filter(d -> d.date().isAfter(last.date().minusYears(1))).toList();
        List<Day> ytd = sorted.stream().filter(d -> d.date().getYear() == last.date().getYear()).toList();
        Double ma50 = movingAverage(sorted, 50);
        Double ma200 = movingAverage(sorted, 200);
        Double ytdChange = ytd.size() < 2 ? null : last.close() - ytd.getFirst().close();
        Double ytdPercent = ytdChange == null ? null : ytdChange / ytd.getFirst().close() * 100;
        String trend = ma50 == null || ma200 == null ? "Insufficient data for trend analysis"
                : ma50 > ma200 ? "Upward" : ma50 < ma200 ? "Downward" : "Neutral";
        return new StockAnalysis(ticker, last.date(), round(last.close(), 2),
                round(year.stream().mapToDouble(Day::high).max().orElseThrow(), 2),
                round(year.stream().mapToDouble(Day::low).min().orElseThrow(), 2),
                round(ma50, 2), round(ma200, 2), round(ytdChange, 2), round(ytdPercent, 2), trend,
                round(annualisedVolatility(sorted), 4), source);
    }

    private static @Nullable Double movingAverage(List<Day> days, int window) {
        if (days.size() < window) {
            return null;
        }
        return days.subList(days.size() - window, days.size()).stream().mapToDouble(Day::close).average().orElseThrow();
    }

    /** The sample standard deviation (as pandas computes it) of the daily returns, annualised. */
    private static double annualisedVolatility(List<Day> days) {
        double[] returns = new double[days.size() - 1];
        for (int i = 1; i < days.size(); i++) {
            returns[i - 1] = days.get(i).close() / days.get(i - 1).close() - 1;
        }
        if (returns.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(returns).average().orElseThrow();
        double squares = Arrays.stream(returns).map(r -> (r - mean) * (r - mean)).sum();
        return Math.sqrt(squares / (returns.length - 1)) * Math.sqrt(252);
    }

    private static @Nullable Double round(@Nullable Double value, int places) {
        return value == null ? null : round(value.doubleValue(), places);
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
