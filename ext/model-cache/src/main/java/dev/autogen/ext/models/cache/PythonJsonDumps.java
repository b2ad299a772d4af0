package dev.autogen.ext.models.cache;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.utils.PythonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
            double d = node.doubleValue();
            out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : PythonText.floatRepr(d));
        }
    }
}
