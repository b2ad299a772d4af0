package dev.autogen.examples.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.RepeatedTest;

class CoreQuickstartTest {
    /** The output block of the Core quickstart page, copied from the seed documentation. */
    private static String expected() throws IOException {
        try (InputStream in = CoreQuickstartTest.class.getResourceAsStream("/core-quickstart.expected.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @RepeatedTest(5)
    void printsExactlyTheDocumentedCountdown() throws IOException {
        var bytes = new ByteArrayOutputStream();
        CoreQuickstart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n")).isEqualTo(expected());
    }
}
