package dev.autogen.examples.samples;

import dev.autogen.examples.samples.StockAnalysis.Day;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline prices for the company research sample: a made-up, deterministic series (a rising trend
 * with a slow swing) over the weekdays of 2024, the same for every ticker. Not market data, and
 * {@link #describe} says so in every tool result.
 */
public final class SamplePriceHistory implements StockAnalysis.PriceHistory {
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 2);
    private static final LocalDate LAST = LocalDate.of(2024, 12, 31);

    @Override
    public String describe(String ticker) {
        return "offline sample series (synthetic prices, not market data)";
    }

    @Override
    public List<Day> lastYear(String ticker) {
        List<Day> days = new ArrayList<>();
        int i = 0;
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            double close = 12 + 0.02 * i + 1.5 * Math.sin(i / 9.0);
            days.add(new Day(d, close * 1.01, close * 0.99, close));
            i++;
        }
        return days;
    }
}
