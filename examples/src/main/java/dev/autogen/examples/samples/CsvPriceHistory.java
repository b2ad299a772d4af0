package dev.autogen.examples.samples;

import dev.autogen.examples.samples.StockAnalysis.Day;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Daily prices from {@code <dir>/<TICKER>.csv}, a CSV file with a header naming at least the columns
 * {@code Date} (ISO, {@code 2024-12-31}), {@code High}, {@code Low} and {@code Close}, as the usual
 * "download historical data" exports write it; the analysis keeps the last year itself.
 */
public final class CsvPriceHistory implements StockAnalysis.PriceHistory {
    private static final Pattern TICKER = Pattern.compile("[A-Za-z0-9.^-]{1,12}");

    private final Path dir;

    /** Prices from the CSV files in {@code dir}. */
    public CsvPriceHistory(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    @Override
    public String describe(String ticker) {
        return "CSV file " + file(ticker);
    }

    @Override
    public List<Day> lastYear(String ticker) {
        Path file = file(ticker);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no price data for ticker '" + ticker + "': " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty: expected a header with Date, High, Low and Close");
        }
        List<String> header = Arrays.stream(lines.getFirst().split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int date = column(header, "date", file);
        int high = column(header, "high", file);
        int low = column(header, "low", file);
        int close = column(header, "close", file);
        List<Day> days = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            try {
                days.add(new Day(LocalDate.parse(cells[date].strip()), Double.parseDouble(cells[high].strip()),
                        Double.parseDouble(cells[low].strip()), Double.parseDouble(cells[close].strip())));
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected " + header.size()
                        + " comma-separated cells with an ISO date and numbers, got '" + line + "'");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return days;
    }

    private Path file(String ticker) {
        if (!TICKER.matcher(ticker).matches()) {
            throw new IllegalArgumentException("'" + ticker + "' is not a ticker symbol (letters, digits, '.', '^', '-')");
        }
        return dir.resolve(ticker.toUpperCase(Locale.ROOT) + ".csv");
    }

    private static int column(List<String> header, String name, Path file) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(file + ": the header has no '" + name + "' column (it has " + header + ")");
        }
        return index;
    }
}
