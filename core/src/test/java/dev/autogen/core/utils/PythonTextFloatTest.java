package dev.autogen.core.utils;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected strings are Python's {@code repr(float)} of the same values. */
class PythonTextFloatTest {
    @Test
    void floatsAreWrittenAsPythonsRepr() {
        double[] values = {0.2, 1e-05, 1e16, 1e15, 123.456, 0.0001, 100.0, 300, -2.5, 1.5e300, 5e-324, 0.1 + 0.2,
            1234567890123456.7, 12345678901234567.0, -0.0, 12345678.9, 1.5e22};
        String[] python = {"0.2", "1e-05", "1e+16", "1000000000000000.0", "123.456", "0.0001", "100.0", "300.0", "-2.5",
            "1.5e+300", "5e-324", "0.30000000000000004", "1234567890123456.8", "1.2345678901234568e+16", "-0.0",
            "12345678.9", "1.5e+22"};
        for (int i = 0; i < values.length; i++) {
            assertThat(PythonText.floatRepr(values[i])).as("repr(%s)", values[i]).isEqualTo(python[i]);
        }
    }

    @Test
    void nonFiniteFloatsAreWrittenAsPythonsRepr() {
        assertThat(PythonText.floatRepr(Double.NaN)).isEqualTo("nan");
        assertThat(PythonText.floatRepr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(PythonText.floatRepr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }
}
