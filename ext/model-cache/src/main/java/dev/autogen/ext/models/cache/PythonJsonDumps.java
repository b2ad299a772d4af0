package dev.autogen.ext.models.cache;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a JSON tree exactly as Python's {@code json.dumps(obj, sort_keys=...)} does with its
 * defaults ({@code ", "} and {@code ": "} separators, {@code ensure_ascii=True}, floats as
 * {@code repr}), so that cache keys hashed from it equal the keys Python AutoGen computes.
 */
final class PythonJsonDumps {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonJsonDumps() {
    }

    static String dumps(JsonNode node, boolean sortKeys) {
        var out = new StringBuilder(256);
        write(node, sortKeys, out);
        return out.toString();
    }

    private static void write(JsonNode node, boolean sortKeys, StringBuilder out) {
        switch (node.getNodeType()) {
            case NULL, MISSING -> out.append("null");
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> writeNumber(node, out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    write(node.get(i), sortKeys, out);
                }
                out.append(']');
            }
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
                if (sortKeys) {
                    fields.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
                }
                out.append('{');
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    writeString(fields.get(i).getKey(), out);
                    out.append(": ");
                    write(fields.get(i).getValue(), sortKeys, out);
                }
                out.append('}');
            }
            case BINARY, POJO -> throw new IllegalArgumentException(
                    "cannot hash a " + node.getNodeType() + " JSON value into a cache key: " + node);
        }
    }

    /** Python orders {@code str} keys by code point, which differs from UTF-16 order above U+FFFF. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        out.append(c);
                    } else {
                        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void writeNumber(JsonNode node, StringBuilder out) {
        if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else {
            out.append(floatRepr(node.doubleValue()));
        }
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that read back to the same double, in fixed
     * notation when the decimal exponent is in {@code (-4, 16]}, otherwise as {@code 1e-05} / {@code 1.5e+16}.
     */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
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
