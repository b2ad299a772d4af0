package dev.autogen.ext.code_executors.docker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Skips engine tests where no Docker engine answers a ping, saying so. Unlike other outside
 * programs this skip holds under AUTOGEN_TESTS_STRICT=1 too: a Docker engine is not something the
 * test setup installs.
 */
final class DockerAvailability {
    private DockerAvailability() {
    }

    private static volatile String problem;

    static void assumeEngine() {
        if (problem == null) {
            problem = probe();
        }
        assumeTrue(problem.isEmpty(), () -> "Docker engine tests skipped: no Docker engine answered a ping. " + problem);
    }

    private static String probe() {
        String problem;
        try (DockerEngine engine = DockerEngine.connect(null)) {
            try {
                engine.ping();
                return "";
            } catch (IllegalStateException e) {
                problem = e.getMessage();
            }
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        return problem;
    }
}
