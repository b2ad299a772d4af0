package dev.autogen.core.utils;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Renders values as Python does, for text that must read the same as Python AutoGen's: console
 * output that shows {@code repr()} of objects ({@code [FunctionCall(id='call_1', ...)]}) and
 * prompt templates filled with {@code str.format} ({@code "{result}"}, {@code "{roles}"}).
 */
public final class PythonText {
    private PythonText() {
    }

    /**
     * Python's {@code repr()}: strings quoted and escaped as Python quotes them, {@code True}/{@code False},
     * {@code None}, lists as {@code [a, b]}, maps as {@code {'k': v}}; anything else by {@code toString()}.
     */
    public static String repr(@Nullable Object value) {
        return switch (value) {
            case null -> "None";
            case String s -> reprString(s);
            case Boolean b -> b ? "True" : "False";
            case Enum<?> e -> reprString(e.toString());
            case Collection<?> c -> {
                var joiner = new StringJoiner(", ", "[", "]");
                c.forEach(item -> joiner.add(repr(item)));
                yield joiner.toString();
            }
            case Map<?, ?> m -> {
                var joiner = new StringJoiner(", ", "{", "}");
                m.forEach((k, v) -> joiner.add(repr(k) + ": " + repr(v)));
                yield joiner.toString();
            }
            default -> value.toString();
        };
    }

    /** Python's {@code str()}: strings unquoted, everything else as {@link #repr(Object)}. */
    public static String str(@Nullable Object value) {
        return value instanceof String s ? s : repr(value);
    }

    /**
     * Renders {@code ClassName(field=repr, ...)} as pydantic and dataclasses print an object, e.g.
     * {@code FunctionCall(id='call_1', arguments='{}', name='add')}.
     *
     * @param fields field names and values, in order
     */
    public static String reprObject(String className, Object... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("fields must be name/value pairs, got " + fields.length + " items");
        }
        var joiner = new StringJoiner(", ", className + "(", ")");
        for (int i = 0; i < fields.length; i += 2) {
            joiner.add(fields[i] + "=" + repr(fields[i + 1]));
        }
        return joiner.toString();
    }

    private static final java.util.regex.Pattern HUGE_WIDTH = java.util.regex.Pattern.compile("\\d{5,}");

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }

    /**
     * Python's {@code template.format(**values)} for named fields: {@code {name}} is replaced by
     * {@link #str(Object)} of its value, {@code {{} and {@code }}} stand for literal braces.
     *
     * @throws IllegalArgumentException naming the field when the template uses one that
     *     {@code values} lacks, or when a brace is unmatched
     */
    public static String format(String template, Map<String, ?> values) {
        Objects.requireNonNull(template, "template");
        var out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                int close = template.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unmatched '{' at index " + i + " in format string: "
                            + abbreviate(template));
                }
                String field = template.substring(i + 1, close);
                int spec = field.indexOf(':');
                String name = spec >= 0 ? field.substring(0, spec) : field;
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("format string uses {" + abbreviate(name) + "} but only "
                            + new java.util.TreeSet<>(values.keySet()) + " are available: " + abbreviate(template));
                }
                if (spec >= 0 && HUGE_WIDTH.matcher(field.substring(spec + 1)).find()) {
                    throw new IllegalArgumentException("format string field {" + abbreviate(field)
                            + "} asks for a width above 9999 characters, which is not supported");
                }
                out.append(str(values.get(name)));
                i = close + 1;
            } else if (c == '}') {
                if (i + 1 < template.length() && template.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw new IllegalArgumentException("single '}' at index " + i + " in format string: " + template);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String reprString(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        var out = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(quote).toString();
    }

    /**
     * Python's {@code repr(float)} (and {@code str(float)}): the shortest digits that read back to the
     * same double, in fixed notation when the decimal exponent is in {@code (-4, 16]}, otherwise as
     * {@code 1e-05} / {@code 1.5e+16}; {@code nan}, {@code inf}, {@code -inf} for the others. So
     * {@code 30.0} is {@code "30.0"}, where Java's {@code 1.0E-5} is Python's {@code "1e-05"}.
     */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestDigits(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int decpt = digits.length() - shortest.scale();
        var out = new StringBuilder(digits.length() + 8);
        if (d < 0) {
            out.append('-');
        }
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                out.append("0.").append("0".repeat(-decpt)).append(digits);
            } else if (decpt >= digits.length()) {
                out.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
            } else {
                out.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exponent = decpt - 1;
            out.append('e').append(exponent < 0 ? '-' : '+');
            String e = Integer.toString(Math.abs(exponent));
            if (e.length() < 2) {
                out.append('0');
            }
            out.append(e);
        }
        return out.toString();
    }

    /**
     * The shortest decimal that reads back as {@code d}, the closest to it among equally short
     * ones. {@link Double#toString} is that (JDK 19+) except that it never gives a single digit when
     * a closer two-digit decimal exists ({@code 4.9E-324} where Python writes {@code 5e-324}).
     */
    private static BigDecimal shortestDigits(double d) {
        BigDecimal javas = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (javas.precision() != 2) {
            return javas;
        }
        BigDecimal exact = new BigDecimal(d);
        @Nullable BigDecimal best = null;
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal candidate = exact.round(new MathContext(1, mode));
            if (candidate.doubleValue() == d && (best == null
                    || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                best = candidate;
            }
        }
        return best != null ? best.stripTrailingZeros() : javas;
    }
}
