package dev.autogen.core.serialization;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Jackson's errors in words a user can act on: where (line and column, or the JSON path) and what,
 * without Jackson's class names, source descriptions or reference chains. Support code shared by
 * component loading, state loading and the command line.
 */
public final class JsonErrors {
    private static final Pattern QUALIFIED_TYPE = Pattern.compile("`(?:[\\w$]+\\.)+([\\w$]+)`");
    private static final Pattern START_MARKER = Pattern.compile(
            "\\s*\\(start marker at \\[Source:.*?line: (\\d+), column: (\\d+)\\]\\)", Pattern.DOTALL);
    private static final Pattern SOURCE = Pattern.compile("\\s*\\[Source:.*?\\]", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile(" \\(code \\d+\\)");
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '([^']*)'");
    private static final Pattern NESTING = Pattern.compile("nesting depth \\(\\d+\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern MISSING_FIELD = Pattern.compile("Cannot construct instance of `[^`]*`, problem: (\\w+)\\s*",
            Pattern.DOTALL);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|key) '(.*)'", Pattern.DOTALL);

    private JsonErrors() {
    }

    /**
     * A syntax error as {@code " at line L, column C: what"} (or {@code ": what"} without a location), to
     * follow a phrase such as {@code is not valid JSON}, e.g. {@code " at line 3, column 1: duplicate key
     * 'provider' (...)"}.
     */
    public static String syntax(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? ": " + message(e)
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + message(e);
    }

    /** What a Jackson error says, in one line and plain words, without where it happened. */
    public static String message(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "malformed input" : e.getOriginalMessage();
        var duplicate = DUPLICATE.matcher(original);
        if (duplicate.matches()) {
            return "duplicate key '" + duplicate.group(1) + "' (each key may appear once in an object)";
        }
        if (original.startsWith("Trailing token")) {
            return "more content after the end of the first value (a file holds exactly one document)";
        }
        if (original.contains("maybe a (non-standard) comment")) {
            return "comments are not allowed in JSON (write the config as YAML to use comments)";
        }
        if (original.contains("was expecting double-quote to start field name")) {
            return original.startsWith("Unexpected character ('}'")
                    ? "a trailing comma before '}' (remove it)" : "expected a key in double quotes";
        }
        if (original.startsWith("Unexpected character (']'") && original.contains("expected a valid value")) {
            return "a trailing comma before ']' (remove it)";
        }
        var nonStandard = NON_STANDARD.matcher(original);
        if (nonStandard.lookingAt()) {
            return "'" + nonStandard.group(1) + "' is not valid JSON (JSON has no NaN, Infinity or other special values)";
        }
        var nesting = NESTING.matcher(original);
        if (nesting.find()) {
            return "the document nests deeper than " + nesting.group(1) + " levels";
        }
        if (e instanceof InvalidTypeIdException typeId) {
            return "unknown type '" + typeId.getTypeId() + "'";
        }
        var missing = MISSING_FIELD.matcher(original);
        if (missing.matches()) {
            return "missing required field '" + missing.group(1) + "'";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null
                && (original.startsWith("Cannot construct") || original.startsWith("Cannot deserialize")
                        || original.startsWith("Cannot coerce"))) {
            return "expected " + expected(mismatched.getTargetType());
        }
        String text = START_MARKER.matcher(original).replaceAll(" (opened at line $1, column $2)");
        text = SOURCE.matcher(text).replaceAll("");
        text = CODE.matcher(text).replaceAll("");
        return simplify(text);
    }

    /** The JSON path of a binding error relative to where binding began, e.g. {@code .participants[1].name}. */
    public static String path(List<JsonMappingException.Reference> references) {
        var text = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                text.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                text.append('[').append(ref.getIndex()).append(']');
            }
        }
        return text.toString();
    }

    /** What a value of {@code type} is called in messages: {@code a string}, {@code an integer}, {@code one of [A, B]}. */
    public static String expected(Class<?> type) {
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(constant.toString());
            }
            return "one of " + names;
        }
        if (type == java.time.Duration.class) {
            return "a duration";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    /** Jackson's message with qualified type names shortened, cut at its first line. */
    public static String simplify(String jacksonMessage) {
        String text = QUALIFIED_TYPE.matcher(jacksonMessage).replaceAll("`$1`");
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
