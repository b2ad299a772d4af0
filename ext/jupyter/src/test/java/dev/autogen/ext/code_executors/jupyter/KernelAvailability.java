package dev.autogen.ext.code_executors.jupyter;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Skips kernel tests where /usr/bin/python3 has no ipykernel, unless AUTOGEN_TESTS_STRICT=1. */
final class KernelAvailability {
    static final String PYTHON = "/usr/bin/python3";

    private KernelAvailability() {
    }

    private static volatile String cached;

    static void assumeIpykernel() {
        if (cached == null) {
            String found = problem();
            cached = found == null ? "" : found;
        }
        String problem = cached;
        if (problem.isEmpty()) {
            return;
        }
        String message = "Jupyter kernel tests need " + PYTHON + " with ipykernel (Debian package python3-ipykernel, "
                + "installed by scripts/install-test-deps.sh): " + problem;
        if ("1".equals(System.getenv("AUTOGEN_TESTS_STRICT"))) {
            fail(message);
        }
        assumeTrue(false, message);
    }

    private static String problem() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import ipykernel").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "'import ipykernel' did not finish";
            }
            return p.exitValue() == 0 ? null : out;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
