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
        String message;
        if (!Files.isExecutable(EXECUTABLE)) {
            message = "Chromium is not installed at " + EXECUTABLE + ": install the Debian package chromium "
                    + "(scripts/install-test-deps.sh does) to run the web surfer's browser tests";
        } else if (!nodeOnPath()) {
            message = "Node.js is not on the PATH: Playwright's driver runs on it; install the Debian package nodejs "
                    + "(scripts/install-test-deps.sh brings it with npm) to run the web surfer's browser tests";
        } else {
            return;
        }
        if ("1".equals(System.getenv("AUTOGEN_TESTS_STRICT"))) {
            fail(message + " (AUTOGEN_TESTS_STRICT=1 requires it)");
        }
        Assumptions.abort(message);
    }

    private static boolean nodeOnPath() {
        if (System.getenv("PLAYWRIGHT_NODEJS_PATH") != null) {
            return true;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"))) {
                return true;
            }
        }
        return false;
    }
}
