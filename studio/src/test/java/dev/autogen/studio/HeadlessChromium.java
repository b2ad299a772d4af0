package dev.autogen.studio;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.autogen.ext.agents.web_surfer.NodeRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}, installed by scripts/install-test-deps.sh), headless,
 * driven by Playwright for Java whose driver runs on the machine's Node.js, as the web surfer's does;
 * Playwright never downloads a browser, and Chromium's background networking is off. Absent Chromium: the test is skipped, unless {@code AUTOGEN_TESTS_STRICT=1}.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static HeadlessChromium start() {
        if (!Files.isExecutable(CHROMIUM)) {
            String why = CHROMIUM + " is missing: install Debian's chromium (scripts/install-test-deps.sh)";
            if ("1".equals(System.getenv("AUTOGEN_TESTS_STRICT"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        // wait on conditions, generously: the first listing of a gallery checks every component
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        NodeRuntime.ensure();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS));
            return new HeadlessChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A page in a fresh context of {@code width x height}, whose console errors land in {@code errors}. */
    Page page(int width, int height, List<String> errors) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        Page page = context.newPage();
        page.setDefaultTimeout(60_000);
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text() + " at " + message.location());
            }
        });
        page.onPageError(error -> errors.add("uncaught: " + error));
        return page;
    }

    /** A list for console errors. */
    static List<String> errors() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
