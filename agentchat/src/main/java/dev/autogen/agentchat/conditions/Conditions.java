package dev.autogen.agentchat.conditions;

import dev.autogen.agentchat.base.TerminatedException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Helpers shared by the conditions of this package. */
final class Conditions {
    private Conditions() {
    }

    /** The exception for a condition called again after it fired, with Python's message. */
    static TerminatedException alreadyReached() {
        return new TerminatedException("Termination condition has already been reached");
    }

    static String requireNonBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static List<String> copyNames(List<String> names, String what) {
        Objects.requireNonNull(names, what);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null) {
                throw new NullPointerException(what + "[" + i + "] is null");
            }
        }
        return List.copyOf(names);
    }

    /**
     * Python's {@code str(float)} for a finite double: the shortest digits that read back to it,
     * in fixed notation when the decimal exponent is in {@code [-4, 16)}, otherwise as {@code 1e-05}
     * or {@code 1.5e+16}. So {@code 30.0} is {@code "30.0"} and {@code 0.5} is {@code "0.5"}.
     */
    static String pythonFloat(double value) {
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int pointAt = digits.length() - shortest.scale();
        var out = new StringBuilder(value < 0 ? "-" : "");
        if (pointAt > -4 && pointAt <= 16) {
            if (pointAt <= 0) {
                out.append("0.").append("0".repeat(-pointAt)).append(digits);
            } else if (pointAt >= digits.length()) {
                out.append(digits).append("0".repeat(pointAt - digits.length())).append(".0");
            } else {
                out.append(digits, 0, pointAt).append('.').append(digits, pointAt, digits.length());
            }
        } else {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exponent = pointAt - 1;
            out.append('e').append(exponent < 0 ? '-' : '+');
            out.append(Math.abs(exponent) < 10 ? "0" : "").append(Math.abs(exponent));
        }
        return out.toString();
    }
}
