package dev.autogen.ext.agents.web_surfer;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips browser tests where Debian's Chromium is not installed, saying so; under
 * {@code AUTOGEN_TESTS_STRICT=1} a missing browser fails them instead (scripts/install-test-deps.sh installs it).
 */
final class Chromium {
    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("AUTOGEN_CHROMIUM", "/usr/bin/chromium"));

    private Chromium() {
    }

    static void assumeInstalled() {
        if (Files.isExecutable(EXECUTABLE)) {
            return;
        }
        String message = "Chromium is not installed at " + EXECUTABLE + ": install the Debian package chromium "
                + "(scripts/install-test-deps.sh does) to run the web surfer's browser tests";
        if ("1".equals(System.getenv("AUTOGEN_TESTS_STRICT"))) {
            fail(message + " (AUTOGEN_TESTS_STRICT=1 requires it)");
        }
        Assumptions.abort(message);
    }
}
