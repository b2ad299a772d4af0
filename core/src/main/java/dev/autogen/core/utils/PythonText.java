package dev.autogen.core.utils;

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
                    throw new IllegalArgumentException("unmatched '{' at index " + i + " in format string: " + template);
                }
                String field = template.substring(i + 1, close);
                int spec = field.indexOf(':');
                String name = spec >= 0 ? field.substring(0, spec) : field;
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("format string uses {" + name + "} but only "
                            + values.keySet() + " are available: " + template);
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
}
