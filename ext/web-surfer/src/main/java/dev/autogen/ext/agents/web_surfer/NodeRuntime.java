package dev.autogen.ext.agents.web_surfer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Node.js that runs Playwright's driver. Playwright for Java ships its driver as JavaScript and,
 * in the separate {@code driver-bundle} artifact, 590 MB of Node.js builds; the surfer leaves that
 * artifact out and uses the machine's Node.js, as it uses the machine's Chromium. Order: the
 * {@code playwright.nodejs.path} system property or {@code PLAYWRIGHT_NODEJS_PATH} if set, the bundle
 * if it is on the class path, else {@code node} on the {@code PATH}.
 */
public final class NodeRuntime {
    static final String PROPERTY = "playwright.nodejs.path";
    private static final Logger LOG = LoggerFactory.getLogger(NodeRuntime.class);

    private NodeRuntime() {
    }

    /**
     * Makes sure Playwright will find a Node.js; call before {@code Playwright.create}. Also for other
     * code of the project that drives Chromium through Playwright (the Studio's browser tests).
     *
     * @throws WebSurferException naming what to install when there is none
     */
    public static void ensure() {
        if (System.getProperty(PROPERTY) != null || System.getenv("PLAYWRIGHT_NODEJS_PATH") != null
                || NodeRuntime.class.getClassLoader().getResource("driver/linux/node") != null) {
            return;
        }
        Path node = onPath().orElseThrow(() -> new WebSurferException("the web surfer needs Node.js to run Playwright's "
                + "driver and found none on the PATH: install it (Debian: apt-get install nodejs), set "
                + "PLAYWRIGHT_NODEJS_PATH, or add the com.microsoft.playwright:driver-bundle dependency"));
        LOG.debug("Playwright's driver runs on {}", node);
        // Read once by Playwright when it starts its driver; the value is the same for every surfer.
        System.setProperty(PROPERTY, node.toString());
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
