package dev.autogen.ext.agents.web_surfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.agentchat.agents.BaseChatAgent;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.MultiModalMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ConsentRefusedException;
import dev.autogen.core.component.ProcessGate;
import dev.autogen.core.logging.LoggerNames;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.ToolChoice;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.tools.ToolSchema;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Magentic-One's web surfer (Python's {@code autogen_ext.agents.web_surfer.MultimodalWebSurfer}): an agent
 * that browses in Chromium. On each request it takes a screenshot, marks the page's interactive elements
 * with numbered boxes, and asks its model which tool to use (visit a URL, search, click, type, hover,
 * scroll the page or an element, go back, summarize the page, answer a question about it, wait). It
 * carries out the chosen action and answers with what it did, the page's state and a screenshot. A
 * model without vision gets the element list as text and no screenshots.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient; ChatCompletionClient model; -->
 * <pre>{@code
 * try (var surfer = MultimodalWebSurfer.builder("WebSurfer", model)
 *         .startPage("https://en.wikipedia.org/")
 *         .downloadsFolder(Path.of("downloads"))
 *         .urlAllowList(List.of("https://en.wikipedia.org/"))
 *         .build()) {
 *     surfer.run("What is the first sentence of the article on Alan Turing?");
 * }
 * }</pre>
 *
 * <p>Chromium starts at the first message and stops at {@link #close()}. Every action is logged (SLF4J,
 * logger {@code autogen_core.events.<name>.MultimodalWebSurfer}). Pages may try to steer the model
 * (prompt injection): give the surfer an allow-list where that matters.
 */
public final class MultimodalWebSurfer extends BaseChatAgent implements Component<MultimodalWebSurferConfig> {
    /** The Python provider name. */
    public static final String PROVIDER = "autogen_ext.agents.web_surfer.MultimodalWebSurfer";
    /** The description the team sees unless another is given (Python's wording). */
    public static final String DEFAULT_DESCRIPTION = """
            A helpful assistant with access to a web browser.
            Ask them to perform web searches, open pages, and interact with content (e.g., clicking links, \
            scrolling the viewport, filling in form fields, etc.).
            It can also summarize the entire page, or answer questions based on the content of the page.
            It can also be asked to sleep and wait for pages to load, in cases where the page seems not yet \
            fully loaded.""";
    /** The first page unless another is given. */
    public static final String DEFAULT_START_PAGE = "https://www.bing.com/";
    /** The search URL unless another is given; {@code {query}} stands for the URL-encoded query. */
    public static final String DEFAULT_SEARCH_ENGINE_URL = "https://www.bing.com/search?q={query}&FORM=QBLH";
    /** Default viewport width. */
    public static final int VIEWPORT_WIDTH = 1440;
    /** Default viewport height. */
    public static final int VIEWPORT_HEIGHT = 900;
    /** Width of the screenshot sent to the model (Python's 0.85 scaling). */
    public static final int MLM_WIDTH = 1224;
    /** Height of the screenshot sent to the model. */
    public static final int MLM_HEIGHT = 765;
    /** Tokens reserved for a screenshot when fitting page text into the model's context. */
    public static final int SCREENSHOT_TOKENS = 1105;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FAMILIES_KEEPING_HISTORY = List.of(ModelFamily.GPT_4O, ModelFamily.O1,
            ModelFamily.O3, ModelFamily.GPT_4, ModelFamily.GPT_35);
    private static final int MAX_OTHER_TARGETS = 30;

    private final Builder settings;
    private final ChatCompletionClient modelClient;
    private final BrowserOptions browserOptions;
    private final Logger log;
    private final List<LLMMessage> chatHistory = new ArrayList<>();
    private final AtomicInteger screenshotCounter = new AtomicInteger();
    private @Nullable PlaywrightController controller;
    private @Nullable BrowserThread browserThread;
    private @Nullable String priorMetadataHash;

    private MultimodalWebSurfer(Builder b) {
        super(b.name, b.description);
        this.settings = b;
        this.modelClient = b.modelClient;
        if (!modelClient.modelInfo().functionCalling()) {
            throw new IllegalArgumentException("The model does not support function calling. MultimodalWebSurfer "
                    + "requires a model that supports function calling.");
        }
        if (b.toSaveScreenshots && b.debugDir == null) {
            throw new IllegalArgumentException("Cannot save screenshots without a debug directory. Set it using the "
                    + "'debug_dir' parameter. The debug directory is created if it does not exist.");
        }
        if (!b.searchEngineUrl.contains("{query}")) {
            throw new IllegalArgumentException("search_engine_url '" + b.searchEngineUrl
                    + "' must contain {query}, which stands for the search terms");
        }
        UrlPolicy policy = new UrlPolicy(b.urlAllowList);
        policy.refusal(b.startPage).ifPresent(refusal -> {
            throw new IllegalArgumentException("start_page: " + refusal);
        });
        this.browserOptions = new BrowserOptions(b.browserExecutable, b.headless, b.browserChannel, b.browserDataDir,
                b.viewportWidth, b.viewportHeight, b.toResizeViewport, b.downloadsFolder, policy, b.timeout,
                b.settleTimeout, List.of());
        this.log = LoggerFactory.getLogger(LoggerNames.EVENT_LOGGER_NAME + "." + b.name + ".MultimodalWebSurfer");
    }

    /** Starts building a surfer named {@code name} whose actions {@code modelClient} chooses. */
    public static Builder builder(String name, ChatCompletionClient modelClient) {
        return new Builder(name, modelClient);
    }

    /** The model that chooses actions. */
    public ChatCompletionClient modelClient() {
        return modelClient;
    }

    /** How the browser is started and driven. */
    public BrowserOptions browserOptions() {
        return browserOptions;
    }

    @Override
    public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
        return List.of(MultiModalMessage.class, TextMessage.class);
    }

    @Override
    public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken) {
        return onMessagesStream(messages, cancellationToken, message -> {
        });
    }

    @Override
    public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events) {
        for (BaseChatMessage message : messages) {
            chatHistory.add(message.toModelMessage());
        }
        Turn turn = new Turn(events);
        try {
            Reply reply = browser().call(() -> generateReply(turn, cancellationToken), cancellationToken);
            RequestUsage usage = turn.usage;
            chatHistory.add(new AssistantMessage(reply.text(), name()));
            BaseChatMessage chat = reply.screenshot() == null
                    ? new TextMessage(reply.text(), name()).withModelsUsage(usage)
                    : new MultiModalMessage(List.of(reply.text(), reply.screenshot()), name()).withModelsUsage(usage);
            return new Response(chat, turn.inner);
        } catch (CancellationException | ConsentRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            String reason = e instanceof WebSurferException ? e.getMessage()
                    : PlaywrightController.firstLine(e.getMessage());
            if (e instanceof WebSurferException) {
                log.warn("{}: web surfing error: {}", name(), reason);
            } else {
                log.warn("{}: web surfing error: {}", name(), reason, e);
            }
            String content = "Web surfing error:\n\n" + reason;
            chatHistory.add(new AssistantMessage(content, name()));
            return new Response(new TextMessage(content, name()), turn.inner);
        }
    }

    /** Clears the history and goes back to the start page (if the browser has started). */
    @Override
    public void onReset(CancellationToken cancellationToken) {
        chatHistory.clear();
        if (controller != null && controller.isStarted()) {
            PlaywrightController c = controller;
            browser().call(() -> {
                try {
                    c.visit(settings.startPage);
                } catch (WebSurferException e) {
                    // A reset must not fail the team: the browser stays where it is.
                    log.warn("{} could not go back to the start page: {}", name(), e.getMessage());
                }
                c.settle();
                saveScreenshot(c::screenshot, "screenshot");
                return null;
            }, cancellationToken);
            priorMetadataHash = null;
            log.info("{} reset the browser to {}", name(), settings.startPage);
        }
    }

    /** Stops Chromium; the surfer starts it again if it gets another message. */
    @Override
    public void close() {
        BrowserThread thread = browserThread;
        PlaywrightController c = controller;
        if (thread != null && c != null) {
            try {
                thread.call(() -> {
                    c.close();
                    return null;
                }, new CancellationToken());
            } catch (RuntimeException e) {
                log.debug("closing the browser: {}", e.getMessage());
            }
        }
        if (thread != null) {
            thread.close();
        }
        controller = null;
        browserThread = null;
    }

    @Override
    public ComponentProvider<?, MultimodalWebSurferConfig> componentProvider() {
        return new MultimodalWebSurferProvider();
    }

    @Override
    public ComponentModel dumpComponent() {
        return componentProvider().toModel(toConfig());
    }

    @Override
    public MultimodalWebSurferConfig toConfig() {
        Builder b = settings;
        return new MultimodalWebSurferConfig(name(), modelClient.dumpComponent(),
                b.downloadsFolder == null ? null : b.downloadsFolder.toString(), description(),
                b.debugDir == null ? null : b.debugDir.toString(), b.headless, b.startPage, b.animateActions,
                b.toSaveScreenshots, b.useOcr, b.browserChannel,
                b.browserDataDir == null ? null : b.browserDataDir.toString(), b.toResizeViewport,
                b.browserExecutable.equals(BrowserOptions.DEFAULT_EXECUTABLE) ? null : b.browserExecutable.toString(),
                b.searchEngineUrl.equals(DEFAULT_SEARCH_ENGINE_URL) ? null : b.searchEngineUrl,
                b.viewportWidth == VIEWPORT_WIDTH ? null : b.viewportWidth,
                b.viewportHeight == VIEWPORT_HEIGHT ? null : b.viewportHeight,
                b.urlAllowList.isEmpty() ? null : b.urlAllowList);
    }

    private BrowserThread browser() {
        if (browserThread == null) {
            browserThread = new BrowserThread(name());
        }
        return browserThread;
    }

    // ---- on the browser thread from here on ----

    private PlaywrightController started(CancellationToken token) throws IOException {
        if (controller == null) {
            // A surfer loaded from a config starts its browser only with the user's consent.
            settings.processGate.check("start " + (browserOptions.channel() != null ? "the browser channel '"
                    + browserOptions.channel() + "'" : browserOptions.executable().toString()) + " for the web surfer '"
                    + name() + "', opening " + settings.startPage, token);
            PlaywrightController c = new PlaywrightController(browserOptions);
            try {
                c.start(settings.startPage);
                c.settle();
            } catch (RuntimeException e) {
                c.close(); // no browser left behind; the next message tries again
                throw e;
            }
            controller = c;
            priorMetadataHash = null;
            if (settings.debugDir != null) {
                Files.createDirectories(settings.debugDir);
            }
            saveScreenshot(c::screenshot, "screenshot");
        }
        return controller;
    }

    private Reply generateReply(Turn turn, CancellationToken token) throws IOException {
        PlaywrightController c = started(token);
        List<LLMMessage> history = new ArrayList<>(withoutImages(chatHistory));
        LLMMessage request = history.isEmpty() ? new UserMessage("Empty request.", "user")
                : history.remove(history.size() - 1);
        if (!FAMILIES_KEEPING_HISTORY.contains(modelClient.modelInfo().family())) {
            history.clear();
        }

        Map<String, InteractiveRegion> regions = c.interactiveRegions();
        VisualViewport viewport = c.viewport();
        SetOfMarks.Marked marked = SetOfMarks.mark(c.screenshot(), regions);
        saveScreenshot(marked::png, "screenshot_som");

        List<ToolSchema> tools = new ArrayList<>(WebSurferTools.DEFAULT_TOOLS);
        tools.replaceAll(t -> t.name().equals("web_search") ? WebSurferTools.webSearch(searchEngineName()) : t);
        if (viewport.canScrollUp()) {
            tools.add(WebSurferTools.SCROLL_UP);
        }
        if (viewport.canScrollDown()) {
            tools.add(WebSurferTools.SCROLL_DOWN);
        }
        if (marked.visible().stream().map(regions::get).anyMatch(r -> r != null && r.verticallyScrollable())) {
            tools.add(WebSurferTools.SCROLL_ELEMENT_UP);
            tools.add(WebSurferTools.SCROLL_ELEMENT_DOWN);
        }

        String focusedHint = c.focusedId().map(id -> {
            InteractiveRegion region = regions.get(id);
            String label = region == null || region.ariaName().isBlank() ? "" : "(and name '" + region.ariaName() + "') ";
            String role = region == null || region.role().isBlank() ? "control" : region.role();
            return "\nThe " + role + " with ID " + id + " " + label + "currently has the input focus.\n\n";
        }).orElse("");
        String visibleTargets = String.join("\n", targetList(marked.visible(), regions)) + "\n\n";
        List<String> others = new ArrayList<>(targetList(marked.above(), regions));
        others.addAll(targetList(marked.below(), regions));
        String otherTargets = "";
        if (!others.isEmpty()) {
            if (others.size() > MAX_OTHER_TARGETS) {
                others = new ArrayList<>(others.subList(0, MAX_OTHER_TARGETS));
                others.add("...");
            }
            otherTargets = "Additional valid interaction targets include (but are not limited to):\n"
                    + String.join("\n", others) + "\n\n";
        }
        String toolNames = tools.stream().map(ToolSchema::name).collect(Collectors.joining("\n"));
        boolean vision = modelClient.modelInfo().vision();
        String prompt = (vision ? WebSurferPrompts.TOOL_PROMPT_MM : WebSurferPrompts.TOOL_PROMPT_TEXT)
                .replace("{state_description}", "Your " + stateDescription(c, viewport))
                .replace("{visible_targets}", visibleTargets)
                .replace("{other_targets_str}", otherTargets)
                .replace("{focused_hint}", focusedHint)
                .replace("{tool_names}", toolNames)
                .replace("{title}", c.title())
                .replace("{url}", c.url())
                .strip();
        prompt = collapseBlankLines(prompt);
        if (vision) {
            BufferedImage scaled = SetOfMarks.scale(marked.image(), MLM_WIDTH, MLM_HEIGHT);
            history.add(UserMessage.of(name(), prompt, Image.fromBytes(SetOfMarks.png(scaled))));
        } else {
            history.add(new UserMessage(prompt, name()));
        }
        history.add(request);

        CreateResult result = modelClient.create(CreateRequest.builder(history).toolSchemas(tools)
                .toolChoice(ToolChoice.AUTO).cancellationToken(token).build());
        turn.addUsage(result.usage());
        if (result.content() instanceof ModelContent.Text text) {
            // A direct answer is the response itself; repeating it as an inner message would show it twice.
            return new Reply(text.text(), null);
        }
        List<FunctionCall> calls = ((ModelContent.FunctionCalls) result.content()).calls();
        if (calls.isEmpty()) {
            throw new WebSurferException("the model asked for no action and gave no answer");
        }
        return executeTool(c, calls.get(0), regions, toolNames, turn, token);
    }

    private Reply executeTool(PlaywrightController c, FunctionCall call, Map<String, InteractiveRegion> regions,
            String toolNames, Turn turn, CancellationToken token) throws IOException {
        String tool = call.name();
        JsonNode args = ToolArguments.parse(call);
        log.info("{} at {}: {}( {} )", name(), c.url(), tool, args);
        turn.emit(new TextMessage(tool + "( " + args + " )", name()));

        c.takeBlockedNavigations();
        String action;
        switch (tool) {
            case "visit_url" -> {
                String url = ToolArguments.text(args, tool, "url");
                action = "I typed '" + url + "' into the browser address bar.";
                if (url.matches("(?i)[a-z][a-z0-9+.-]*:.*") && !url.contains(" ")) {
                    // Any URL with a scheme goes to the browser as it is; the URL policy refuses the wrong ones.
                    c.visit(url);
                } else if (url.contains(" ")) {
                    c.visit(searchUrl(url));
                } else {
                    c.visit("https://" + url);
                }
                priorMetadataHash = null;
            }
            case "web_search" -> {
                String query = ToolArguments.text(args, tool, "query");
                action = "I typed '" + query + "' into the browser search bar.";
                c.visit(searchUrl(query));
                priorMetadataHash = null;
            }
            case "history_back" -> {
                action = "I clicked the browser back button.";
                c.back();
            }
            case "scroll_up" -> {
                action = "I scrolled up one page in the browser.";
                c.pageUp();
            }
            case "scroll_down" -> {
                action = "I scrolled down one page in the browser.";
                c.pageDown();
            }
            case "click" -> {
                String id = ToolArguments.id(args, tool, "target_id");
                action = targetName(id, regions).map(n -> "I clicked '" + n + "'.").orElse("I clicked the control.");
                c.click(id);
            }
            case "input_text" -> {
                String id = ToolArguments.id(args, tool, "input_field_id");
                String value = ToolArguments.text(args, tool, "text_value");
                action = targetName(id, regions).map(n -> "I typed '" + value + "' into '" + n + "'.")
                        .orElse("I input '" + value + "'.");
                c.fill(id, value, true);
            }
            case "scroll_element_up", "scroll_element_down" -> {
                String id = ToolArguments.id(args, tool, "target_id");
                String direction = tool.endsWith("up") ? "up" : "down";
                action = targetName(id, regions).map(n -> "I scrolled '" + n + "' " + direction + ".")
                        .orElse("I scrolled the control " + direction + ".");
                c.scrollElement(id, direction.equals("up"));
            }
            case "hover" -> {
                String id = ToolArguments.id(args, tool, "target_id");
                action = targetName(id, regions).map(n -> "I hovered over '" + n + "'.")
                        .orElse("I hovered over the control.");
                c.hover(id);
            }
            case "answer_question" -> {
                String question = ToolArguments.text(args, tool, "question");
                return new Reply(summarizePage(c, question, turn, token), null);
            }
            case "summarize_page" -> {
                return new Reply(summarizePage(c, null, turn, token), null);
            }
            case "sleep" -> {
                action = "I am waiting a short period of time before taking further action.";
                c.sleep(settings.sleepDuration);
            }
            default -> throw new WebSurferException("Unknown tool '" + tool + "'. Please choose from:\n\n" + toolNames);
        }

        List<Path> downloads = c.settle();
        for (String blocked : c.takeBlockedNavigations()) {
            action += "\nThe browser did not open a page: " + blocked + ".";
        }
        for (Path file : downloads) {
            log.info("{} saved a download to {}", name(), file);
        }
        String metadata = c.metadataJson();
        String hash = md5(metadata);
        String metadataText = hash.equals(priorMetadataHash) || metadata.strip().equals("{ }")
                ? "" : "\n\nThe following metadata was extracted from the webpage:\n\n" + metadata.strip() + "\n";
        priorMetadataHash = hash;

        byte[] screenshot = c.screenshot();
        saveScreenshot(() -> screenshot, "screenshot");
        String message = collapseBlankLines(action + "\n\n" + "The " + stateDescription(c, c.viewport()) + metadataText
                + "\nHere is a screenshot of the page.");
        if (!modelClient.modelInfo().vision()) {
            return new Reply(message.replace("\nHere is a screenshot of the page.", ""), null);
        }
        return new Reply(message, Image.fromBytes(screenshot));
    }

    private String summarizePage(PlaywrightController c, @Nullable String question, Turn turn, CancellationToken token) {
        String title = c.title();
        String text = c.pageText();
        List<LLMMessage> messages = new ArrayList<>();
        messages.add(new SystemMessage(WebSurferPrompts.QA_SYSTEM_MESSAGE));
        String prompt = WebSurferPrompts.qaPrompt(title, question);
        boolean vision = modelClient.modelInfo().vision();
        // As much of the page as fits the model's context, leaving room for a screenshot: the prompt is
        // counted once, then each line, instead of recounting the growing text for every line.
        int budget = modelClient.remainingTokens(List.of(messages.get(0), new UserMessage(prompt, name())))
                - (vision ? SCREENSHOT_TOKENS : 0);
        StringBuilder buffer = new StringBuilder();
        for (String line : text.split("\\R")) {
            budget -= modelClient.countTokens(List.of(new UserMessage(line + "\n", name())));
            if (budget <= 0) {
                break;
            }
            buffer.append(line).append('\n');
        }
        String pageText = buffer.toString().strip();
        if (pageText.isEmpty()) {
            return "Nothing to summarize.";
        }
        if (vision) {
            BufferedImage screenshot;
            try {
                screenshot = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(c.screenshot()));
            } catch (IOException e) {
                throw new WebSurferException("the screenshot could not be read: " + e.getMessage(), e);
            }
            byte[] scaled = SetOfMarks.png(SetOfMarks.scale(screenshot, MLM_WIDTH, MLM_HEIGHT));
            messages.add(UserMessage.of(name(), prompt + pageText, Image.fromBytes(scaled)));
        } else {
            messages.add(new UserMessage(prompt + pageText, name()));
        }
        log.info("{} {} {}", name(), question == null ? "summarizes" : "answers '" + question + "' from", c.url());
        CreateResult result = modelClient.create(CreateRequest.builder(messages).cancellationToken(token).build());
        turn.addUsage(result.usage());
        if (!(result.content() instanceof ModelContent.Text answer)) {
            throw new WebSurferException("the model answered the page question with a tool call instead of text");
        }
        return answer.text();
    }

    private String stateDescription(PlaywrightController c, VisualViewport viewport) {
        return "web browser is open to the page [" + c.title() + "](" + c.url() + ").\nThe viewport shows "
                + viewport.percentVisible() + "% of the webpage, and is positioned " + viewport.positionText() + "\n"
                + "The following text is visible in the viewport:\n\n" + c.visibleText();
    }

    private static List<String> targetList(List<String> ids, Map<String, InteractiveRegion> regions) {
        List<String> targets = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(ids)) {
            InteractiveRegion region = regions.get(id);
            if (region == null) {
                continue;
            }
            String role = region.role().isBlank() ? region.tagName() : region.role();
            String label = region.ariaName().replaceAll("[\\n\\r]+", " ").strip();
            String actions = region.acceptsText() ? "[\"input_text\"]" : "[\"click\", \"hover\"]";
            targets.add("{\"id\": " + id + ", \"name\": \"" + label + "\", \"role\": \"" + role + "\", \"tools\": "
                    + actions + " }");
        }
        return targets;
    }

    private static Optional<String> targetName(String id, Map<String, InteractiveRegion> regions) {
        InteractiveRegion region = regions.get(id);
        return region == null || region.ariaName().isBlank() ? Optional.empty() : Optional.of(region.ariaName().strip());
    }

    private String searchUrl(String query) {
        return settings.searchEngineUrl.replace("{query}", URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private String searchEngineName() {
        try {
            String host = URI.create(settings.searchEngineUrl.replace("{query}", "q")).getHost();
            return host == null ? "the configured search engine" : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return "the configured search engine";
        }
    }

    private void saveScreenshot(java.util.function.Supplier<byte[]> png, String prefix) throws IOException {
        if (!settings.toSaveScreenshots || settings.debugDir == null) {
            return;
        }
        Files.createDirectories(settings.debugDir);
        String file = prefix + "_" + System.currentTimeMillis() + "_" + screenshotCounter.incrementAndGet() + ".png";
        Files.write(settings.debugDir.resolve(file), png.get());
        log.info("{} screenshot: {}", name(), file);
    }

    private static List<LLMMessage> withoutImages(List<LLMMessage> messages) {
        List<LLMMessage> out = new ArrayList<>(messages.size());
        for (LLMMessage message : messages) {
            if (message instanceof UserMessage user && user.content() instanceof UserContent.Multi multi) {
                List<Object> parts = new ArrayList<>();
                for (Object part : multi.parts()) {
                    parts.add(part instanceof Image ? "<image>" : part);
                }
                out.add(new UserMessage(new UserContent.Multi(parts), user.source()));
            } else {
                out.add(message);
            }
        }
        return out;
    }

    private static String collapseBlankLines(String text) {
        return text.replaceAll("(\\n\\s*){3,}", "\n\n");
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one call produced: the reply text and, for a model with vision, the screenshot. */
    private record Reply(String text, @Nullable Image screenshot) {
    }

    /** The inner messages and model usage of one call. */
    private static final class Turn {
        private final Consumer<? super BaseMessage> events;
        private final List<BaseMessage> inner = new ArrayList<>();
        private RequestUsage usage = RequestUsage.ZERO;

        Turn(Consumer<? super BaseMessage> events) {
            this.events = events;
        }

        void emit(BaseMessage message) {
            inner.add(message);
            events.accept(message);
        }

        void addUsage(RequestUsage more) {
            usage = usage.plus(more);
        }
    }

    /** Builds a {@link MultimodalWebSurfer}; every setting but the name and model is optional. */
    public static final class Builder {
        private final String name;
        private final ChatCompletionClient modelClient;
        private String description = DEFAULT_DESCRIPTION;
        private @Nullable Path downloadsFolder;
        private @Nullable Path debugDir;
        private boolean headless = true;
        private String startPage = DEFAULT_START_PAGE;
        private boolean animateActions;
        private boolean toSaveScreenshots;
        private boolean useOcr;
        private @Nullable String browserChannel;
        private @Nullable Path browserDataDir;
        private boolean toResizeViewport = true;
        private Path browserExecutable = BrowserOptions.DEFAULT_EXECUTABLE;
        private String searchEngineUrl = DEFAULT_SEARCH_ENGINE_URL;
        private int viewportWidth = VIEWPORT_WIDTH;
        private int viewportHeight = VIEWPORT_HEIGHT;
        private List<String> urlAllowList = List.of();
        private Duration timeout = Duration.ofSeconds(60);
        private Duration settleTimeout = Duration.ofSeconds(10);
        private Duration sleepDuration = Duration.ofSeconds(3);
        private ProcessGate processGate = ProcessGate.OPEN;

        private Builder(String name, ChatCompletionClient modelClient) {
            this.name = Objects.requireNonNull(name, "name");
            this.modelClient = Objects.requireNonNull(modelClient, "modelClient");
        }

        /** The description the team sees (default {@link #DEFAULT_DESCRIPTION}). */
        public Builder description(String value) {
            this.description = Objects.requireNonNull(value, "description");
            return this;
        }

        /** Where downloads are saved; without one, downloads are refused. */
        public Builder downloadsFolder(@Nullable Path value) {
            this.downloadsFolder = value;
            return this;
        }

        /** Where screenshots are saved when {@link #toSaveScreenshots} is on; created if missing. */
        public Builder debugDir(@Nullable Path value) {
            this.debugDir = value;
            return this;
        }

        /** Whether Chromium runs without a window (default true). */
        public Builder headless(boolean value) {
            this.headless = value;
            return this;
        }

        /** The first page, and the page a reset returns to (default Bing). */
        public Builder startPage(String value) {
            this.startPage = Objects.requireNonNull(value, "startPage");
            return this;
        }

        /** Accepted for Python configs; actions are not animated. */
        public Builder animateActions(boolean value) {
            this.animateActions = value;
            return this;
        }

        /** Whether every screenshot (plain and marked) is saved to the debug directory. */
        public Builder toSaveScreenshots(boolean value) {
            this.toSaveScreenshots = value;
            return this;
        }

        /** Accepted for Python configs; no OCR is done. */
        public Builder useOcr(boolean value) {
            this.useOcr = value;
            return this;
        }

        /** A Playwright channel (e.g. {@code chrome}) to use instead of {@link #browserExecutable}. */
        public Builder browserChannel(@Nullable String value) {
            this.browserChannel = value;
            return this;
        }

        /** A persistent profile folder (cookies, logins); null for a fresh profile. */
        public Builder browserDataDir(@Nullable Path value) {
            this.browserDataDir = value;
            return this;
        }

        /** Whether the viewport is set to the configured size (default true). */
        public Builder toResizeViewport(boolean value) {
            this.toResizeViewport = value;
            return this;
        }

        /** The Chromium binary (default {@code /usr/bin/chromium}). */
        public Builder browserExecutable(Path value) {
            this.browserExecutable = Objects.requireNonNull(value, "browserExecutable");
            return this;
        }

        /** The search URL; {@code {query}} stands for the URL-encoded search terms. */
        public Builder searchEngineUrl(String value) {
            this.searchEngineUrl = Objects.requireNonNull(value, "searchEngineUrl");
            return this;
        }

        /** The viewport size in CSS pixels (default 1440 x 900). */
        public Builder viewport(int width, int height) {
            this.viewportWidth = width;
            this.viewportHeight = height;
            return this;
        }

        /** URL prefixes the surfer may open; empty (the default) allows any http, https or file URL. */
        public Builder urlAllowList(List<String> prefixes) {
            this.urlAllowList = List.copyOf(prefixes);
            return this;
        }

        /** The longest wait for a page to load or an element to appear (default 60 s). */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /** After an action, the longest wait for the page's network to go quiet (default 10 s). */
        public Builder settleTimeout(Duration value) {
            this.settleTimeout = Objects.requireNonNull(value, "settleTimeout");
            return this;
        }

        /** How long the {@code sleep} tool waits (default 3 s, as Python). */
        public Builder sleepDuration(Duration value) {
            this.sleepDuration = Objects.requireNonNull(value, "sleepDuration");
            return this;
        }

        /** Asked before the browser starts; set by the component loader for a surfer loaded from a config. */
        Builder processGate(ProcessGate gate) {
            this.processGate = Objects.requireNonNull(gate, "gate");
            return this;
        }

        /**
         * Builds the surfer; the browser starts at its first message.
         *
         * @throws IllegalArgumentException if the model cannot call functions, screenshots are to be saved
         *     without a debug directory, or a URL setting is invalid
         */
        public MultimodalWebSurfer build() {
            return new MultimodalWebSurfer(this);
        }
    }
}
