package dev.autogen.ext.agents.web_surfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one Chromium page for a surfer: starting the browser, navigating, clicking and typing on
 * elements by their mark id, scrolling, reading the page through the injected script, and saving
 * downloads. Not thread-safe: call it only from the surfer's browser thread.
 */
public final class PlaywrightController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlaywrightController.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = loadScript();
    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/130.0.0.0 Safari/537.36";

    private final BrowserOptions options;
    private final List<Download> pendingDownloads = new CopyOnWriteArrayList<>();
    private final List<Page> openedPages = new CopyOnWriteArrayList<>();
    private final List<String> blockedNavigations = new CopyOnWriteArrayList<>();
    private @Nullable Playwright playwright;
    private @Nullable Browser browser;
    private @Nullable BrowserContext context;
    private @Nullable Page page;

    /** A controller for a browser not yet started; see {@link #start}. */
    public PlaywrightController(BrowserOptions options) {
        this.options = options;
    }

    /**
     * Starts Chromium and opens {@code startPage}.
     *
     * @throws WebSurferException if the browser cannot be started or the start page not opened
     */
    public void start(String startPage) {
        Path executable = options.executable();
        if (options.channel() == null && !Files.isExecutable(executable)) {
            throw new WebSurferException("no Chromium at '" + executable + "': install it (Debian: apt-get install "
                    + "chromium) or set the browser executable of the web surfer");
        }
        NodeRuntime.ensure();
        LOG.info("starting Chromium {} (headless={})", executable, options.headless());
        try {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            List<String> args = new ArrayList<>(BrowserOptions.DEFAULT_ARGS);
            args.addAll(options.extraArgs());
            if (options.userDataDir() != null) {
                var launch = new BrowserType.LaunchPersistentContextOptions().setHeadless(options.headless())
                        .setArgs(args).setAcceptDownloads(true).setServiceWorkers(ServiceWorkerPolicy.BLOCK);
                if (options.channel() != null) {
                    launch.setChannel(options.channel());
                } else {
                    launch.setExecutablePath(executable);
                }
                context = playwright.chromium().launchPersistentContext(options.userDataDir(), launch);
            } else {
                var launch = new BrowserType.LaunchOptions().setHeadless(options.headless()).setArgs(args);
                if (options.channel() != null) {
                    launch.setChannel(options.channel());
                } else {
                    launch.setExecutablePath(executable);
                }
                browser = playwright.chromium().launch(launch);
                // Service workers could fetch past the route that enforces the URL policy: blocked.
                context = browser.newContext(new Browser.NewContextOptions().setUserAgent(USER_AGENT)
                        .setAcceptDownloads(true).setServiceWorkers(ServiceWorkerPolicy.BLOCK));
            }
        } catch (PlaywrightException e) {
            close();
            throw new WebSurferException("Chromium at '" + executable + "' could not be started: "
                    + firstLine(e.getMessage()), e);
        }
        context.setDefaultTimeout(options.timeout().toMillis());
        context.addInitScript(SCRIPT);
        context.route("**/*", route -> {
            var request = route.request();
            if (request.isNavigationRequest()) {
                Optional<String> refusal = options.urlPolicy().refusal(request.url());
                if (refusal.isPresent()) {
                    LOG.warn("blocked navigation: {}", refusal.get());
                    blockedNavigations.add(refusal.get());
                    route.abort("blockedbyclient");
                    return;
                }
            }
            route.resume();
        });
        context.onPage(opened -> {
            LOG.info("new tab or window: {}", opened.url());
            openedPages.add(opened);
        });
        openedPages.clear();
        page = context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
        openedPages.clear();
        preparePage(page);
        try {
            visit(startPage);
        } catch (WebSurferException e) {
            // The surfer can still open other pages; the model sees where the browser is.
            LOG.warn("the start page could not be opened, staying on about:blank: {}", e.getMessage());
        }
    }

    /** Whether {@link #start} has succeeded and {@link #close} not been called. */
    public boolean isStarted() {
        return page != null;
    }

    /** The current page. */
    public Page page() {
        if (page == null) {
            throw new IllegalStateException("the browser has not been started");
        }
        return page;
    }

    /**
     * Opens {@code url}; a URL that starts a download saves the file (when a downloads folder is set).
     *
     * @throws WebSurferException if the URL is not allowed or the page cannot be reached
     */
    public void visit(String url) {
        Optional<String> refusal = options.urlPolicy().refusal(url);
        if (refusal.isPresent()) {
            throw new WebSurferException("cannot open " + refusal.get());
        }
        LOG.info("navigate to {}", url);
        try {
            page().navigate(url);
        } catch (PlaywrightException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("Download is starting") || message.contains("net::ERR_ABORTED")) {
                waitForDownload();
                if (!pendingDownloads.isEmpty()) {
                    return;
                }
            }
            throw new WebSurferException("could not open '" + url + "': " + firstLine(message), e);
        }
    }

    /** The navigations the URL policy blocked since the last call, each with the reason; clears them. */
    public List<String> takeBlockedNavigations() {
        List<String> blocked = List.copyOf(blockedNavigations);
        blockedNavigations.clear();
        return blocked;
    }

    /** Goes back one page in the history. */
    public void back() {
        LOG.info("history back from {}", page().url());
        page().goBack();
    }

    /** Scrolls the page down by one viewport less 50 pixels. */
    public void pageDown() {
        page().evaluate("window.scrollBy(0, " + (options.viewportHeight() - 50) + ")");
    }

    /** Scrolls the page up by one viewport less 50 pixels. */
    public void pageUp() {
        page().evaluate("window.scrollBy(0, -" + (options.viewportHeight() - 50) + ")");
    }

    /**
     * Clicks the middle of the element with mark id {@code id}; a new tab it opens becomes the current page.
     *
     * @throws WebSurferException if there is no such element
     */
    public void click(String id) {
        Locator target = target(id);
        boolean downloadLink = Boolean.TRUE.equals(target.evaluate("e => e.tagName === 'A' && e.hasAttribute('download')"));
        boolean newTab = Boolean.TRUE.equals(target.evaluate("e => { const a = e.closest('a[href], area[href]'); "
                + "const t = a ? (a.getAttribute('target') || '').toLowerCase() : ''; "
                + "return t !== '' && t !== '_self' && t !== '_parent' && t !== '_top'; }"));
        box(target, id);
        // A locator click (unlike a raw mouse click) waits for a navigation the click starts; a link to
        // another tab is waited for as a popup, which settle() then switches to.
        var click = new Locator.ClickOptions().setDelay(10);
        if (newTab) {
            page().waitForPopup(new Page.WaitForPopupOptions().setTimeout(options.timeout().toMillis()),
                    () -> target.click(click));
        } else {
            target.click(click);
        }
        if (downloadLink) {
            waitForDownload();
        }
    }

    /**
     * Types {@code text} into the element with mark id {@code id}, replacing what it held, then presses
     * Enter when {@code pressEnter} (which submits most forms).
     *
     * @throws WebSurferException if there is no such element
     */
    public void fill(String id, String text, boolean pressEnter) {
        Locator target = target(id);
        target.scrollIntoViewIfNeeded();
        target.focus();
        try {
            target.fill(text);
        } catch (PlaywrightException e) {
            target.pressSequentially(text);
        }
        if (pressEnter) {
            target.press("Enter");
        }
    }

    /**
     * Moves the mouse over the element with mark id {@code id}.
     *
     * @throws WebSurferException if there is no such element
     */
    public void hover(String id) {
        Locator target = target(id);
        box(target, id);
        target.hover();
    }

    /** Scrolls the element with mark id {@code id} by its own height, {@code up} or down. */
    public void scrollElement(String id, boolean up) {
        Locator target = target(id);
        target.evaluate(up ? "e => { e.scrollTop = Math.max(0, e.scrollTop - e.clientHeight); }"
                : "e => { e.scrollTop = Math.min(e.scrollHeight - e.clientHeight, e.scrollTop + e.clientHeight); }");
    }

    /** Waits {@code duration} on the page (the {@code sleep} tool). */
    public void sleep(Duration duration) {
        page().waitForTimeout(duration.toMillis());
    }

    /**
     * Lets the page settle after an action: waits for it to load and its network to go quiet (up to the
     * settle timeout), switches to a tab the action opened, and saves any download.
     *
     * @return the paths of files downloaded by the action
     */
    public List<Path> settle() {
        waitUntilQuiet();
        if (!openedPages.isEmpty()) {
            Page newest = openedPages.get(openedPages.size() - 1);
            openedPages.clear();
            page = newest;
            preparePage(newest);
            LOG.info("switched to the new tab {}", newest.url());
            waitUntilQuiet();
        }
        return saveDownloads();
    }

    private void waitUntilQuiet() {
        try {
            page().waitForLoadState(LoadState.LOAD);
            page().waitForLoadState(LoadState.NETWORKIDLE,
                    new Page.WaitForLoadStateOptions().setTimeout(options.settleTimeout().toMillis()));
        } catch (TimeoutError e) {
            LOG.debug("page {} still busy after {}; going on", page().url(), options.settleTimeout());
        }
    }

    /** The page's interactive elements by mark id, numbering new ones. */
    public Map<String, InteractiveRegion> interactiveRegions() {
        JsonNode node = call("getInteractiveRects()");
        Map<String, InteractiveRegion> regions = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            JsonNode r = entry.getValue();
            List<DomRect> rects = new ArrayList<>();
            for (JsonNode rect : r.path("rects")) {
                rects.add(new DomRect(rect.path("x").asDouble(), rect.path("y").asDouble(),
                        rect.path("width").asDouble(), rect.path("height").asDouble()));
            }
            regions.put(entry.getKey(), new InteractiveRegion(entry.getKey(), r.path("tag_name").asText(""),
                    r.path("role").asText(""), r.path("aria_name").asText(""), r.path("v_scrollable").asBoolean(),
                    rects));
        });
        return regions;
    }

    /** Where the viewport is on the page. */
    public VisualViewport viewport() {
        JsonNode v = call("getVisualViewport()");
        return new VisualViewport(v.path("width").asDouble(), v.path("height").asDouble(),
                v.path("pageLeft").asDouble(), v.path("pageTop").asDouble(), v.path("scrollWidth").asDouble(),
                v.path("scrollHeight").asDouble());
    }

    /** The mark id of the element with the input focus, if it has one. */
    public Optional<String> focusedId() {
        JsonNode id = call("getFocusedElementId()");
        return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
    }

    /** The text shown in the viewport, one text run per line. */
    public String visibleText() {
        return call("getVisibleText()").asText("");
    }

    /** The page's meta tags and JSON-LD, as JSON text. */
    public String metadataJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(call("getPageMetadata()"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page's text, for summaries and questions. */
    public String pageText() {
        Object text = page().evaluate("() => document.body ? document.body.innerText : ''");
        return text == null ? "" : text.toString();
    }

    /** The page title, or its URL when it has none. */
    public String title() {
        try {
            String title = page().title();
            return title == null || title.isBlank() ? page().url() : title;
        } catch (PlaywrightException e) {
            return page().url();
        }
    }

    /** The page's URL. */
    public String url() {
        return page().url();
    }

    /** A PNG screenshot of the viewport. */
    public byte[] screenshot() {
        return page().screenshot();
    }

    @Override
    public void close() {
        try {
            if (context != null) {
                context.close();
            }
            if (browser != null) {
                browser.close();
            }
        } catch (PlaywrightException e) {
            LOG.debug("closing the browser: {}", e.getMessage());
        } finally {
            if (playwright != null) {
                playwright.close();
            }
            playwright = null;
            browser = null;
            context = null;
            page = null;
        }
    }

    private void preparePage(Page p) {
        p.onDownload(download -> {
            LOG.info("download started: {}", download.url());
            pendingDownloads.add(download);
        });
        if (options.resizeViewport()) {
            p.setViewportSize(options.viewportWidth(), options.viewportHeight());
        }
    }

    private void waitForDownload() {
        try {
            page().waitForCondition(() -> !pendingDownloads.isEmpty(),
                    new Page.WaitForConditionOptions().setTimeout(options.timeout().toMillis()));
        } catch (TimeoutError e) {
            LOG.warn("a download was announced but did not start within {}", options.timeout());
        }
    }

    private List<Path> saveDownloads() {
        List<Path> saved = new ArrayList<>();
        for (Download download : List.copyOf(pendingDownloads)) {
            pendingDownloads.remove(download);
            Path folder = options.downloadsFolder();
            if (folder == null) {
                LOG.warn("download of {} refused: no downloads folder is configured", download.url());
                download.cancel();
                continue;
            }
            String name = Path.of(download.suggestedFilename().replace('\\', '/')).getFileName().toString();
            if (name.isBlank() || name.equals("..") || name.equals(".")) {
                name = "download";
            }
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new WebSurferException("cannot create the downloads folder '" + folder + "': " + e.getMessage(), e);
            }
            Path file = folder.resolve(name);
            download.saveAs(file);
            LOG.info("downloaded {} to {}", download.url(), file);
            saved.add(file);
            String body = "<html><head><title>Download Successful</title></head><body style=\"margin: 20px;\"><h1>"
                    + "Successfully downloaded '" + escape(name) + "' to local path:<br><br>" + escape(file.toString())
                    + "</h1></body></html>";
            page().navigate("data:text/html;base64,"
                    + Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
            page().waitForLoadState();
        }
        return saved;
    }

    private Locator target(String id) {
        if (!id.matches("\\d+")) {
            throw new WebSurferException("'" + id + "' is not an element id: ids are the numbers on the screenshot");
        }
        Locator target = page().locator("[__elementId='" + id + "']");
        try {
            target.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED)
                    .setTimeout(options.timeout().toMillis()));
        } catch (TimeoutError e) {
            throw new WebSurferException("there is no element with id " + id + " on the page");
        }
        return target.first();
    }

    private BoundingBox box(Locator target, String id) {
        target.scrollIntoViewIfNeeded();
        BoundingBox box = target.boundingBox();
        if (box == null) {
            throw new WebSurferException("the element with id " + id + " is not visible");
        }
        return box;
    }

    private JsonNode call(String function) {
        String expression = "() => { if (typeof window.AutogenWebSurfer === 'undefined') { " + SCRIPT
                + " } return JSON.stringify(window.AutogenWebSurfer." + function + "); }";
        Object result = null;
        for (int attempt = 1; ; attempt++) {
            try {
                result = page().evaluate(expression);
                break;
            } catch (PlaywrightException e) {
                // The page navigated under the script: wait for the new page to load and ask it instead.
                if (attempt >= 3 || e.getMessage() == null || !e.getMessage().contains("Execution context was destroyed")) {
                    throw e;
                }
                page().waitForLoadState(LoadState.LOAD);
            }
        }
        try {
            return JSON.readTree(result == null ? "null" : result.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String loadScript() {
        try (InputStream in = PlaywrightController.class.getResourceAsStream("page_script.js")) {
            if (in == null) {
                throw new IllegalStateException("page_script.js is missing from the web surfer's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * The useful line of a Playwright error: its {@code message='...'} line (Playwright wraps driver errors
     * as {@code Error { message='net::ERR_CONNECTION_REFUSED at http://...' ...}}), else the first line.
     */
    static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unknown error";
        }
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("message='([^\\n]*)").matcher(message);
        String line = quoted.find() ? quoted.group(1) : message;
        int newline = line.indexOf('\n');
        line = (newline < 0 ? line : line.substring(0, newline)).strip();
        if (line.endsWith("'")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.isEmpty() ? "unknown error" : line;
    }
}
