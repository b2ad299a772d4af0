package dev.autogen.ext.agents.web_surfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.MultiModalMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.ext.models.replay.ScriptedChatCompletionClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The surfer in real headless Chromium on a loopback site, with a scripted model choosing the actions. */
class MultimodalWebSurferTest {
    private static final ModelInfo VISION = ModelInfo.allCapabilities(ModelFamily.GPT_4O);
    private static TestSite site;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSite() throws Exception {
        Chromium.assumeInstalled();
        site = new TestSite();
    }

    @AfterAll
    static void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    /** A model that plays {@code steps} in order, each reading the request. */
    private static ScriptedChatCompletionClient model(ModelInfo info, List<Function<CreateRequest, Object>> steps) {
        Deque<Function<CreateRequest, Object>> queue = new ArrayDeque<>(steps);
        return new ScriptedChatCompletionClient(info, request -> {
            if (queue.isEmpty()) {
                throw new IllegalStateException("the script has no more steps");
            }
            return queue.poll().apply(request);
        });
    }

    /** The mark id the surfer's prompt gives the element named {@code name}. */
    static String idOf(CreateRequest request, String name) {
        Matcher m = Pattern.compile("\\{\"id\": (\\d+), \"name\": \"" + Pattern.quote(name) + "\"")
                .matcher(ScriptedChatCompletionClient.allText(request));
        assertThat(m.find()).as("the prompt lists an element named '%s':%n%s", name,
                ScriptedChatCompletionClient.allText(request)).isTrue();
        return m.group(1);
    }

    static CreateResult call(String tool, String argumentsJson) {
        return CreateResult.ofCalls(List.of(new FunctionCall("call-" + tool, argumentsJson, tool)), RequestUsage.ZERO);
    }

    private MultimodalWebSurfer.Builder surfer(ScriptedChatCompletionClient model, String startPath) {
        return MultimodalWebSurfer.builder("WebSurfer", model).browserExecutable(Chromium.EXECUTABLE)
                .startPage(site.url(startPath)).downloadsFolder(dir.resolve("downloads"));
    }

    @Test
    void followsALinkChosenFromTheMarkedScreenshot() throws Exception {
        var model = model(VISION, List.of(
                request -> call("click", "{\"reasoning\": \"open it\", \"target_id\": " + idOf(request, "About us") + "}")));
        try (var surfer = surfer(model, "/").debugDir(dir.resolve("debug")).toSaveScreenshots(true).build()) {
            TaskResult result = surfer.run("Open the About us page.");

            BaseChatMessage answer = (BaseChatMessage) result.messages().get(result.messages().size() - 1);
            assertThat(answer).isInstanceOf(MultiModalMessage.class);
            String text = answer.toModelText();
            assertThat(text).startsWith("I clicked 'About us'.")
                    .contains("web browser is open to the page [About](" + site.url("/about") + ")")
                    .contains("The company was founded in 1999 by Ada.");
            assertThat(((MultiModalMessage) answer).content()).hasAtLeastOneElementOfType(Image.class);
            assertThat(result.messages()).anyMatch(m -> m instanceof TextMessage t && t.content().startsWith("click( "));
        }
        // The model saw the marked screenshot, the element list and the tools.
        CreateRequest request = model.requests().get(0);
        UserMessage prompt = (UserMessage) request.messages().get(request.messages().size() - 2);
        assertThat(((UserContent.Multi) prompt.content()).parts()).hasAtLeastOneElementOfType(Image.class);
        assertThat(ScriptedChatCompletionClient.allText(request))
                .contains("{\"id\": " + idOf(request, "Get the report") + ", \"name\": \"Get the report\", \"role\": \"link\"")
                .contains("\"name\": \"Press me\", \"role\": \"button\", \"tools\": [\"click\", \"hover\"]");
        assertThat(request.tools()).extracting(ToolSchema::name).contains("visit_url", "web_search", "history_back",
                "click", "input_text", "answer_question", "summarize_page", "sleep", "hover").doesNotContain("scroll_up");
        try (Stream<Path> files = Files.list(dir.resolve("debug"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("screenshot_som_"));
        }
    }

    @Test
    void fillsAndSubmitsTheForm() {
        var model = model(VISION, List.of(request -> call("input_text", "{\"reasoning\": \"r\", \"input_field_id\": "
                + idOf(request, "Your name") + ", \"text_value\": \"Ada Lovelace\"}")));
        try (var surfer = surfer(model, "/form").build()) {
            TaskResult result = surfer.run("Send the form with the name Ada Lovelace.");

            String text = ((BaseChatMessage) result.messages().get(result.messages().size() - 1)).toModelText();
            assertThat(text).startsWith("I typed 'Ada Lovelace' into 'Your name'.").contains("Thank you, Ada Lovelace!");
            assertThat(site.submissions).contains("Ada Lovelace");
        }
    }

    @Test
    void scrollsDownThenAnswersAQuestionFromThePage() {
        var model = model(VISION, List.of(
                request -> {
                    assertThat(request.tools()).extracting(ToolSchema::name).contains("scroll_down").doesNotContain("scroll_up");
                    return call("scroll_down", "{\"reasoning\": \"see more\"}");
                },
                request -> {
                    assertThat(request.tools()).extracting(ToolSchema::name).contains("scroll_up", "scroll_down");
                    return call("answer_question", "{\"reasoning\": \"r\", \"question\": \"What is the secret word?\"}");
                },
                request -> {
                    String prompt = ScriptedChatCompletionClient.lastText(request);
                    assertThat(prompt).contains("with respect to 'What is the secret word?'");
                    return prompt.contains("The secret word is PAPAYA.") ? "The secret word is PAPAYA." : "I cannot tell.";
                }));
        try (var surfer = surfer(model, "/long").build()) {
            TaskResult scrolled = surfer.run("Scroll down.");
            String text = ((BaseChatMessage) scrolled.messages().get(scrolled.messages().size() - 1)).toModelText();
            assertThat(text).startsWith("I scrolled down one page in the browser.").contains("% down from the top of the page");

            TaskResult answered = surfer.run("What is the secret word on this page?");
            BaseChatMessage answer = (BaseChatMessage) answered.messages().get(answered.messages().size() - 1);
            assertThat(answer).isInstanceOf(TextMessage.class);
            assertThat(answer.toModelText()).isEqualTo("The secret word is PAPAYA.");
        }
    }

    @Test
    void searchesGoesBackHoversSummarizesWaitsAndFollowsANewTab() {
        var model = model(VISION, List.of(
                request -> {
                    assertThat(request.tools()).filteredOn(t -> t.name().equals("web_search")).singleElement()
                            .satisfies(t -> assertThat(t.description()).isEqualTo(
                                    "Performs a web search on 127.0.0.1 with the given query."));
                    return call("web_search", "{\"reasoning\": \"r\", \"query\": \"ada lovelace\"}");
                },
                request -> call("history_back", "{\"reasoning\": \"r\"}"),
                request -> call("hover", "{\"reasoning\": \"r\", \"target_id\": " + idOf(request, "About us") + "}"),
                request -> call("visit_url", "{\"reasoning\": \"r\", \"url\": \"" + site.url("/about") + "\"}"),
                request -> call("click", "{\"reasoning\": \"r\", \"target_id\": " + idOf(request, "Home in a new tab") + "}"),
                request -> call("sleep", "{\"reasoning\": \"r\"}"),
                request -> call("summarize_page", "{\"reasoning\": \"r\"}"),
                request -> {
                    assertThat(ScriptedChatCompletionClient.lastText(request))
                            .startsWith("We are visiting the webpage 'Test Site'.")
                            .contains("Please summarize the webpage into one or two paragraphs:").contains("About us");
                    return "A small test site with four links and a button.";
                }));
        try (var surfer = surfer(model, "/").searchEngineUrl(site.url("/search?q={query}"))
                .sleepDuration(java.time.Duration.ofMillis(10)).build()) {
            assertThat(lastText(surfer.run("Search for Ada Lovelace."))).startsWith("I typed 'ada lovelace' into the "
                    + "browser search bar.").contains("Results for ada lovelace");
            assertThat(lastText(surfer.run("Go back."))).startsWith("I clicked the browser back button.")
                    .contains("[Test Site](" + site.url("/") + ")");
            assertThat(lastText(surfer.run("Hover over About us."))).startsWith("I hovered over 'About us'.");
            assertThat(lastText(surfer.run("Open the about page."))).contains("[About](" + site.url("/about") + ")");
            assertThat(lastText(surfer.run("Open home in a new tab."))).startsWith("I clicked 'Home in a new tab'.")
                    .contains("[Test Site](" + site.url("/") + ")");
            assertThat(lastText(surfer.run("Wait."))).startsWith("I am waiting a short period of time");
            assertThat(lastText(surfer.run("Summarize."))).isEqualTo("A small test site with four links and a button.");
        }
    }

    @Test
    void scrollsAScrollableElement() {
        var model = model(VISION, List.of(request -> {
            assertThat(request.tools()).extracting(ToolSchema::name).contains("scroll_element_down", "scroll_element_up");
            return call("scroll_element_down", "{\"reasoning\": \"r\", \"target_id\": " + idOf(request, "Menu") + "}");
        }));
        try (var surfer = surfer(model, "/menu").build()) {
            TaskResult result = surfer.run("Scroll the menu.");
            assertThat(lastText(result)).startsWith("I scrolled 'Menu' down.");
        }
    }

    @Test
    void savesADownloadIntoTheDownloadsFolder() throws Exception {
        var model = model(VISION, List.of(
                request -> call("click", "{\"reasoning\": \"r\", \"target_id\": " + idOf(request, "Get the report") + "}")));
        try (var surfer = surfer(model, "/").build()) {
            TaskResult result = surfer.run("Download the report.");
            String text = ((BaseChatMessage) result.messages().get(result.messages().size() - 1)).toModelText();
            assertThat(text).contains("Successfully downloaded 'report.csv' to local path");
        }
        assertThat(Files.readString(dir.resolve("downloads/report.csv"), StandardCharsets.UTF_8)).isEqualTo(TestSite.CSV);
    }

    @Test
    void aModelWithoutVisionGetsTextOnly() {
        ModelInfo textOnly = ModelInfo.builder().functionCalling(true).family(ModelFamily.GPT_4O).build();
        var model = model(textOnly, List.of(
                request -> call("click", "{\"reasoning\": \"r\", \"target_id\": " + idOf(request, "Press me") + "}")));
        try (var surfer = surfer(model, "/").build()) {
            TaskResult result = surfer.run("Press the button.");
            BaseChatMessage answer = (BaseChatMessage) result.messages().get(result.messages().size() - 1);
            assertThat(answer).isInstanceOf(TextMessage.class);
            assertThat(answer.toModelText()).startsWith("I clicked 'Press me'.").contains("Button pressed")
                    .doesNotContain("screenshot");
        }
        for (LLMMessage message : model.requests().get(0).messages()) {
            if (message instanceof UserMessage user && user.content() instanceof UserContent.Multi multi) {
                assertThat(multi.parts()).noneMatch(Image.class::isInstance);
            }
        }
        assertThat(ScriptedChatCompletionClient.allText(model.requests().get(0)))
                .contains("You have also identified the following interactive components:");
    }

    @Test
    void refusesUrlsOutsideTheAllowListAndBadArgumentsWithClearErrors() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String closed = "http://127.0.0.1:" + closedPort + "/";
        var model = model(VISION, List.of(
                request -> call("visit_url", "{\"reasoning\": \"r\", \"url\": \"http://192.0.2.1/private\"}"),
                request -> call("visit_url", "{\"reasoning\": \"r\", \"url\": \"ftp://127.0.0.1/file\"}"),
                request -> call("click", "{\"reasoning\": \"r\", \"target_id\": \"the blue one\"}"),
                request -> call("click", "{\"reasoning\": \"r\", \"target_id\": 9999}"),
                request -> call("fly", "{}"),
                request -> call("visit_url", "{\"reasoning\": \"r\", \"url\": \"" + closed + "\"}"),
                request -> call("visit_url", "{\"reasoning\": \"r\", \"url\": \"" + site.url("/about") + "\"}"),
                request -> call("click", "{\"reasoning\": \"r\", \"target_id\": " + idOf(request, "Elsewhere") + "}")));
        try (var surfer = surfer(model, "/").urlAllowList(List.of(site.url("/"), closed)).timeout(java.time.Duration.ofSeconds(2))
                .build()) {
            assertThat(lastText(surfer.run("Open the private page."))).isEqualTo("Web surfing error:\n\ncannot open "
                    + "'http://192.0.2.1/private' is not under the surfer's URL allow-list [" + site.url("/")
                    + ", " + closed + "]");
            assertThat(lastText(surfer.run("Open the FTP site."))).isEqualTo("Web surfing error:\n\ncannot open "
                    + "'ftp://127.0.0.1/file' is not an http, https or file URL");
            assertThat(lastText(surfer.run("Click."))).isEqualTo("Web surfing error:\n\ntool 'click' needs the argument "
                    + "'target_id' (the number of an element on the screenshot), got \"the blue one\"");
            assertThat(lastText(surfer.run("Click."))).isEqualTo("Web surfing error:\n\nthere is no element with id 9999 "
                    + "on the page");
            assertThat(lastText(surfer.run("Fly."))).startsWith("Web surfing error:\n\nUnknown tool 'fly'. Please choose "
                    + "from:\n\nvisit_url\n");
            assertThat(lastText(surfer.run("Open the closed port."))).isEqualTo("Web surfing error:\n\ncould not open '"
                    + closed + "': net::ERR_CONNECTION_REFUSED at " + closed);
            surfer.run("Open the about page.");
            assertThat(lastText(surfer.run("Follow the link elsewhere."))).as("a link out of the allow-list is blocked")
                    .startsWith("I clicked 'Elsewhere'.\nThe browser did not open a page: 'http://192.0.2.1/elsewhere' is "
                            + "not under the surfer's URL allow-list [");
        }
    }

    @Test
    void anUnreachableStartPageLeavesTheBrowserUsable() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var model = model(VISION, List.of(request -> {
            assertThat(ScriptedChatCompletionClient.allText(request)).contains("web browser is open to the page");
            return call("visit_url", "{\"reasoning\": \"r\", \"url\": \"" + site.url("/about") + "\"}");
        }));
        try (var surfer = surfer(model, "/").startPage("http://127.0.0.1:" + closedPort + "/").build()) {
            assertThat(lastText(surfer.run("Open the about page."))).contains("The company was founded in 1999 by Ada.");
        }
    }

    @Test
    void rejectsBadSettingsWithoutStartingABrowser() {
        var model = model(VISION, List.of());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> MultimodalWebSurfer.builder("s", model)
                .toSaveScreenshots(true).build())).hasMessageContaining("Cannot save screenshots without a debug directory");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> MultimodalWebSurfer.builder("s", model)
                .startPage("javascript:alert(1)").build()))
                .hasMessage("start_page: 'javascript:alert(1)' is not an http, https or file URL");
        var noBrowser = model(VISION, List.of());
        try (var surfer = MultimodalWebSurfer.builder("s", noBrowser).browserExecutable(dir.resolve("no-chromium"))
                .startPage("http://127.0.0.1:9/").build()) {
            assertThat(lastText(surfer.run("Search."))).isEqualTo("Web surfing error:\n\nno Chromium at '"
                    + dir.resolve("no-chromium") + "': install it (Debian: apt-get install chromium) or set the browser "
                    + "executable of the web surfer");
        }
        var noTools = model(ModelInfo.unknown(), List.of());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> MultimodalWebSurfer.builder("s", noTools).build()))
                .hasMessageContaining("does not support function calling");
    }

    private static String lastText(TaskResult result) {
        return ((BaseChatMessage) result.messages().get(result.messages().size() - 1)).toModelText();
    }
}
