package dev.autogen.studio;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.autogen.studio.gallery.DefaultGallery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Studio's pages in a real browser (Debian's headless Chromium) against a real Studio server on a
 * free loopback port, SQLite in a temporary folder, teams on scripted models. Each test saves a
 * screenshot under target/studio-pages/ and fails if the page logged a console error.
 */
class StudioPagesTest {
    private static final Path SHOTS = Path.of("target", "studio-pages");
    @TempDir
    static Path dir;
    private static TestStudio studio;
    private static HeadlessChromium chromium;

    private final List<String> errors = HeadlessChromium.errors();
    private Page page;

    @BeforeAll
    static void start() throws Exception {
        chromium = HeadlessChromium.start();
        studio = new TestStudio(StudioConfig.defaults(dir));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (studio != null) {
            studio.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    private Page open(String path) {
        return open(path, 1280, 800);
    }

    private Page open(String path, int width, int height) {
        page = chromium.page(width, height, errors);
        page.navigate(studio.url(path));
        return page;
    }

    @AfterEach
    void screenshotAndConsole(TestInfo test) {
        if (page != null) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png")));
            page.context().close();
        }
        assertThat(errors).as("the browser console's errors").isEmpty();
    }

    private Locator node(String id) {
        return page.getByTestId("node-" + id);
    }

    private void newSession(String name, String teamLabel) {
        page.getByLabel("Session name").fill(name);
        Locator select = page.getByLabel("Team of the new session");
        String value = select.locator("option", new Locator.LocatorOptions().setHasText(teamLabel)).last().getAttribute("value");
        select.selectOption(value);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New session").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Session " + name))).isVisible();
    }

    private Locator lastRun() {
        return page.getByTestId("run").last();
    }

    @Test
    void buildATwoAgentTeamByDragAndDropSaveItAndRunIt() {
        open("/build");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New team").setExact(true)).click();
        Locator canvas = page.getByTestId("canvas");
        Locator agent = page.getByTestId("library-agents-AssistantAgent");
        agent.dragTo(canvas);
        assertThat(node("config.participants[0]")).isVisible();
        agent.dragTo(canvas);
        assertThat(node("config.participants[1]")).containsText("assistant_agent_2");
        // the gallery's agent brings a Python calculator, which would need consent to run: remove it
        for (int i = 0; i < 2; i++) {
            node("config.participants[" + i + "].config.workbench[0]").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove workbench").setExact(true)).click();
        }
        Locator scripted = page.getByTestId("library-models-Scripted replies (offline)");
        scripted.dragTo(node("config.participants[0]"));
        scripted.dragTo(node("config.participants[1]"));
        assertThat(node("config.participants[1].config.model_client")).containsText("Scripted replies");
        page.getByTestId("library-terminations-TextMentionTermination").dragTo(canvas);
        assertThat(node("config.termination_condition")).isVisible();

        // the property form edits the same JSON: names, and the team's label
        node("config.participants[0]").click();
        page.getByLabel("name", new Page.GetByLabelOptions().setExact(true)).fill("writer");
        node("config.participants[1]").click();
        page.getByLabel("name", new Page.GetByLabelOptions().setExact(true)).fill("writer");
        // two agents of one name: the server's validation marks the node it belongs to
        assertThat(page.getByTestId("validity")).containsText("problem");
        assertThat(page.locator(".cnode.invalid")).not().hasCount(0);
        page.getByLabel("name", new Page.GetByLabelOptions().setExact(true)).fill("critic");
        assertThat(page.getByTestId("validity")).containsText("✓ valid");
        assertThat(page.getByTestId("validity")).not().containsText("problem");
        node("team").click();
        page.getByLabel("label", new Page.GetByLabelOptions().setExact(true)).fill("Drag and drop team");

        // the JSON view shows the same object
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("JSON").setExact(true)).click();
        assertThat(page.locator(".cm-content")).containsText("\"label\": \"Drag and drop team\"");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Visual").setExact(true)).click();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Save"))).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Saved team"))).isVisible();
        JsonNode saved = studio.get("/api/teams/?user_id=" + TestStudio.USER).data();
        JsonNode team = findTeam(saved, "Drag and drop team");
        assertThat(team.at("/component/config/participants/0/config/name").asText()).isEqualTo("writer");
        assertThat(team.at("/component/config/participants/1/config/model_client/provider").asText())
                .isEqualTo("autogen_ext.models.replay.ReplayChatCompletionClient");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("team-builder.png")));

        // run it in the Playground: every message arrives, in order
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Playground").setExact(true)).click();
        newSession("Drag and drop run", "Drag and drop team");
        page.getByLabel("Task").fill("Write a haiku about the JVM.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run").setExact(true)).click();
        Locator run = lastRun();
        assertThat(run).hasAttribute("data-status", "complete");
        assertThat(run.getByTestId("message")).hasCount(4);
        assertThat(run.getByTestId("message").locator(".bubble-source")).hasText(new String[] {"user", "writer", "critic", "writer"});
        assertThat(run.getByTestId("message").locator(".bubble-text"))
                .hasText(new String[] {"Write a haiku about the JVM.", "Here is a first draft.", "Here is a first draft.", "TERMINATE"});
        assertThat(run.getByTestId("stop-reason")).containsText("TERMINATE");
        assertThat(run.getByTestId("transition-graph")).hasAttribute("data-transitions",
                "user>writer:1,writer>critic:1,critic>writer:1");
        assertThat(run.getByTestId("transition-graph").locator(".react-flow__edge")).hasCount(3);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("playground.png")));
    }

    private static JsonNode findTeam(JsonNode teams, String label) {
        for (JsonNode t : teams) {
            if (label.equals(t.at("/component/label").asText())) {
                return t;
            }
        }
        throw new AssertionError("no team labelled " + label + " in " + teams);
    }

    private String saveTeam(JsonNode component, String label) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) component).put("label", label);
        studio.post("/api/teams/", Map.of("component", component, "user_id", TestStudio.USER));
        return label;
    }

    @Test
    void answerAUserProxyStopARunAndFindThePastRunsAfterAReload() {
        String label = saveTeam(TestStudio.writerAndUser(), "Writer and person");
        open("/playground");
        newSession("Person in the loop", label);
        // from the keyboard: the task box runs with Ctrl+Enter, the answer is sent with Enter
        page.getByLabel("Task").fill("Draft a slogan.");
        page.getByLabel("Task").press("Control+Enter");
        Locator answer = page.getByLabel("Your answer");
        assertThat(answer).isVisible();
        assertThat(lastRun().getByTestId("message").locator(".bubble-source")).hasText(new String[] {"user", "writer"});
        answer.fill("APPROVE");
        answer.press("Enter");
        assertThat(lastRun()).hasAttribute("data-status", "complete");
        assertThat(lastRun().getByTestId("message").locator(".bubble-source")).hasText(new String[] {"user", "writer", "user_proxy"});
        assertThat(lastRun().getByTestId("stop-reason")).containsText("APPROVE");

        // cancel a run while it waits for the person
        page.getByLabel("Task").fill("Draft another one.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run").setExact(true)).click();
        assertThat(page.getByLabel("Your answer")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel run").setExact(true)).click();
        assertThat(lastRun()).hasAttribute("data-status", "stopped");
        assertThat(lastRun().getByTestId("stop-reason")).containsText("Cancelled by user");

        // stop after the turn: the person answers, then the run ends on its own terms
        page.getByLabel("Task").fill("And a third.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run").setExact(true)).click();
        assertThat(page.getByLabel("Your answer")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop after this turn").setExact(true)).click();
        page.getByLabel("Your answer").fill("Looks fine");
        page.getByLabel("Your answer").press("Enter");
        assertThat(lastRun()).hasAttribute("data-status", "complete");
        assertThat(lastRun().getByTestId("stop-reason")).containsText("External termination");

        // a reload shows the three runs as the server stored them
        page.reload();
        Locator runs = page.getByTestId("run");
        assertThat(runs).hasCount(3);
        assertThat(runs.nth(0)).hasAttribute("data-status", "complete");
        assertThat(runs.nth(1)).hasAttribute("data-status", "stopped");
        assertThat(runs.nth(2)).hasAttribute("data-status", "complete");
        assertThat(runs.nth(2).getByTestId("message").locator(".bubble-text"))
                .hasText(new String[] {"And a third.", "Draft one.", "Looks fine"});
        assertThat(runs.nth(0).getByTestId("message").locator(".bubble-text"))
                .hasText(new String[] {"Draft a slogan.", "Draft one.", "APPROVE"});
    }

    @Test
    void aRunThatCannotStartSaysWhy() {
        // Python's gallery agent: a Python calculator tool, which runs only with consent (off by default)
        var team = TestStudio.writerAndCritic();
        ((com.fasterxml.jackson.databind.node.ArrayNode) team.get("config").get("participants"))
                .set(0, DefaultGallery.python().at("/components/agents/0"));
        String label = saveTeam(team, "Needs consent");
        open("/playground");
        newSession("Refused", label);
        page.getByLabel("Task").fill("Add 2 and 3.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run").setExact(true)).click();
        assertThat(lastRun()).hasAttribute("data-status", "error");
        assertThat(lastRun().getByRole(AriaRole.ALERT)).containsText("code execution");
    }

    @Test
    void importAGalleryFromAFileAndMakeItTheDefault() throws Exception {
        Path file = dir.resolve("python_gallery.json");
        Files.writeString(file, DefaultGallery.python().toString());
        open("/gallery");
        assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(Pattern.compile("^Agents")))).isVisible();
        page.getByLabel("Gallery file").setInputFiles(file);
        Locator report = page.getByTestId("import-report");
        assertThat(report).containsText("need attention");
        assertThat(report).containsText("Web Surfer");
        Locator importedGalleries = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Default Component Gallery").setExact(true));
        Locator imported = importedGalleries.first();
        assertThat(imported).hasAttribute("aria-current", "true");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(Pattern.compile("^Tools"))).click();
        page.getByLabel("Search the gallery").fill("calculator");
        assertThat(page.getByTestId("gallery-component")).hasCount(1);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set as default").setExact(true)).click();
        assertThat(page.locator("li", new Page.LocatorOptions().setHas(imported)).locator(".badge")).hasText("default");
        long chosen = studio.get("/api/settings/?user_id=" + TestStudio.USER).data().at("/config/ui/default_gallery_id").asLong();
        assertThat(chosen).isPositive();
        // from a URL: the browser fetches it (here from a server of the test's own on loopback)
        byte[] gallery = DefaultGallery.python().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var files = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/gallery.json", exchange -> {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, gallery.length);
            exchange.getResponseBody().write(gallery);
            exchange.close();
        });
        files.start();
        try {
            page.getByLabel("Gallery URL").fill("http://127.0.0.1:" + files.getAddress().getPort() + "/gallery.json");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import from URL").setExact(true)).click();
            assertThat(report).containsText("From the URL: Default Component Gallery");
            assertThat(importedGalleries).hasCount(2);
        } finally {
            files.stop(0);
        }
        // and back: the other tests build from the Java gallery
        Locator java = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Default Component Gallery (Java)").setExact(true));
        java.click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set as default").setExact(true)).click();
        assertThat(page.locator("li", new Page.LocatorOptions().setHas(java)).locator(".badge")).hasText("default");
    }

    @Test
    void deployShowsTheExportsAndSettingsNeverShowAKey() {
        open("/deploy");
        assertThat(page.getByTestId("export-Team JSON")).containsText("\"provider\"");
        assertThat(page.getByTestId("export-Java program")).containsText("ComponentLoader");
        assertThat(page.getByTestId("export-Dockerfile")).containsText("studio\", \"serve\"");
        assertThat(page.getByTestId("export-Serve command")).containsText("./autogen studio serve --team team.json");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a variable").setExact(true)).click();
        page.getByLabel("Variable 1 value").fill("sk-test-not-shown");
        page.getByLabel(Pattern.compile("^Allow teams to run code")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Settings saved"))).isVisible();
        page.reload();
        assertThat(page.getByLabel("Variable 1 value")).hasValue("********");
        assertThat(page.locator("body")).not().containsText("sk-test-not-shown");
        page.getByLabel("Dark theme").check();
        assertThat(page.locator("html")).hasAttribute("data-theme", "dark");
        JsonNode settings = studio.get("/api/settings/?user_id=" + TestStudio.USER).data().get("config");
        assertThat(settings.get("allow_code_execution").asBoolean()).isTrue();
        // settings are per user; put consent back for the other tests
        ((com.fasterxml.jackson.databind.node.ObjectNode) settings).put("allow_code_execution", false);
        studio.put("/api/settings/", Map.of("config", settings, "user_id", TestStudio.USER));
    }

    @Test
    void theJsonViewAndTheCanvasEditOneTeamAndTheKeyboardAddsComponents() {
        open("/build");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New team").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("JSON").setExact(true)).click();
        Locator editor = page.locator(".cm-content");
        editor.click();
        page.keyboard().press("Control+A");
        page.keyboard().insertText("{ not json");
        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Not JSON"))).isVisible();
        page.keyboard().press("Control+A");
        page.keyboard().insertText(TestStudio.writerAndCritic().toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Visual").setExact(true)).click();
        assertThat(node("config.participants[0]")).containsText("writer");
        assertThat(node("config.participants[1]")).containsText("critic");

        // from the keyboard: choose a node in the list, then Enter on a library component adds it there
        page.getByLabel("Selected component").selectOption("config.participants[0]");
        page.getByTestId("library-models-Scripted replies (offline)").focus();
        page.keyboard().press("Enter");
        assertThat(node("config.participants[0].config.model_client")).containsText("Scripted replies");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("JSON").setExact(true)).click();
        assertThat(editor).containsText("\"label\": \"Scripted replies (offline)\"");
    }

    @Test
    void aNarrowWindowShowsTheBuilderInOneColumn() {
        open("/build", 480, 900);
        assertThat(page.getByTestId("canvas")).isVisible();
        assertThat(node("team")).isVisible();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }

    @Test
    void aStudioWithATokenTakesItFromTheLinkOnce() throws Exception {
        try (var guarded = new TestStudio(StudioConfig.defaults(dir.resolve("guarded")).withAuthToken("s3cret-token"))) {
            page = chromium.page(1280, 800, errors);
            page.navigate(guarded.url("/playground?token=s3cret-token"));
            assertThat(page).hasURL(Pattern.compile(".*/playground$"));
            assertThat(page.getByLabel("Team of the new session").locator("option")).not().hasCount(0);
            newSession("With a token", "Offline");
            page.getByLabel("Task").fill("Write a poem.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run").setExact(true)).click();
            assertThat(lastRun()).hasAttribute("data-status", "complete");
            assertThat(lastRun().getByTestId("message")).hasCount(5);
        }
    }
}
