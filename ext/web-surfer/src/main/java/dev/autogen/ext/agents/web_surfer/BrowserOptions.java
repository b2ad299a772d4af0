package dev.autogen.ext.agents.web_surfer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the surfer starts and drives Chromium.
 *
 * @param executable the Chromium binary (Debian's {@code /usr/bin/chromium} by default); no browser is
 *     ever downloaded
 * @param headless whether to run without a window
 * @param channel a Playwright browser channel (e.g. {@code chrome}); null to use {@code executable}
 * @param userDataDir a persistent profile folder; null for a fresh profile each run
 * @param viewportWidth viewport width in CSS pixels
 * @param viewportHeight viewport height in CSS pixels
 * @param resizeViewport whether to set the viewport to that size
 * @param downloadsFolder where downloads are saved; null refuses downloads
 * @param urlPolicy which URLs may be opened
 * @param timeout the longest wait for a page to load or an element to appear
 * @param settleTimeout after an action, the longest wait for the page's network to go quiet
 * @param extraArgs command-line switches added to the defaults
 */
public record BrowserOptions(Path executable, boolean headless, @Nullable String channel, @Nullable Path userDataDir,
        int viewportWidth, int viewportHeight, boolean resizeViewport, @Nullable Path downloadsFolder,
        UrlPolicy urlPolicy, Duration timeout, Duration settleTimeout, List<String> extraArgs) {
    /** Debian's Chromium. */
    public static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/chromium");

    /**
     * Switches always passed: no sandbox (containers often run as root), no GPU, and none of Chromium's
     * background traffic (updates, sync, QUIC probes), which a closed network would otherwise see.
     */
    public static final List<String> DEFAULT_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    public BrowserOptions {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(urlPolicy, "urlPolicy");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(settleTimeout, "settleTimeout");
        extraArgs = List.copyOf(extraArgs);
        if (viewportWidth <= 0 || viewportHeight <= 0) {
            throw new IllegalArgumentException("viewport must be positive, got " + viewportWidth + "x" + viewportHeight);
        }
    }
}
