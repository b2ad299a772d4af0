package dev.autogen.ext.agents.file_surfer;

import dev.autogen.ext.documents.MarkdownConverter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.agentchat.agents.BaseChatAgent;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Magentic-One's file surfer (Python's {@code autogen_ext.agents.file_surfer.FileSurfer}): an agent that
 * reads local files for the team. Its model opens files and folders under a base directory, pages
 * through them and searches them ({@code open_path}, {@code page_up}, {@code page_down},
 * {@code find_on_page_ctrl_f}, {@code find_next}); the agent answers with the file browser's header and
 * the text in view. Files are shown as Markdown (see {@link MarkdownConverter}); nothing outside the
 * base directory is read.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient; ChatCompletionClient model; -->
 * <pre>{@code
 * var surfer = new FileSurfer("FileSurfer", model, FileSurfer.DEFAULT_DESCRIPTION, Path.of("data"));
 * surfer.run("What is the total in data/report.xlsx?");
 * }</pre>
 */
public final class FileSurfer extends BaseChatAgent implements Component<FileSurferConfig> {
    /** The Python provider name. */
    public static final String PROVIDER = "autogen_ext.agents.file_surfer.FileSurfer";
    /** The description the team sees unless another is given. */
    public static final String DEFAULT_DESCRIPTION = "An agent that can handle local files.";
    /**
     * The system message, Python's wording. Python defines it but does not send it; we send it first, so
     * a model that sees only the tools and the task knows its role.
     */
    public static final String SYSTEM_MESSAGE = "You are a helpful AI Assistant.\n"
            + "When given a user query, use available functions to help the user with their request.";
    /** About how many characters the browser shows at a time. */
    public static final int VIEWPORT_SIZE = 1024 * 5;

    private static final Logger LOG = LoggerFactory.getLogger(FileSurfer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatCompletionClient modelClient;
    private final Path configuredBasePath;
    private final MarkdownFileBrowser browser;
    private final List<LLMMessage> chatHistory = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();

    /** A file surfer named {@code name} reading the current directory. */
    public FileSurfer(String name, ChatCompletionClient modelClient) {
        this(name, modelClient, DEFAULT_DESCRIPTION, Path.of("").toAbsolutePath());
    }

    /**
     * A file surfer confined to {@code basePath}.
     *
     * @throws IllegalArgumentException if {@code basePath} is not an existing directory or the name is invalid
     */
    public FileSurfer(String name, ChatCompletionClient modelClient, String description, Path basePath) {
        super(name, description);
        this.modelClient = modelClient;
        this.configuredBasePath = basePath;
        this.browser = new MarkdownFileBrowser(basePath, VIEWPORT_SIZE);
    }

    /** The file browser the model drives. */
    public MarkdownFileBrowser browser() {
        return browser;
    }

    @Override
    public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
        return List.of(TextMessage.class);
    }

    @Override
    public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken) {
        lock.lock();
        try {
            for (BaseChatMessage message : messages) {
                chatHistory.add(message.toModelMessage());
            }
            String content;
            try {
                content = generateReply(cancellationToken);
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("{}: file surfing error: {}", name(), e.getMessage(), e);
                content = "File surfing error:\n\n" + e.getMessage();
            }
            chatHistory.add(new AssistantMessage(content, name()));
            return new Response(new TextMessage(content, name()));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onReset(CancellationToken cancellationToken) {
        lock.lock();
        try {
            chatHistory.clear();
        } finally {
            lock.unlock();
        }
    }

    private String generateReply(CancellationToken token) {
        List<LLMMessage> history = new ArrayList<>(chatHistory.subList(0, Math.max(0, chatHistory.size() - 1)));
        LLMMessage last = chatHistory.isEmpty() ? new UserMessage("Empty request.", "user")
                : chatHistory.get(chatHistory.size() - 1);
        UserContent task = last instanceof UserMessage user ? user.content()
                : new UserContent.Text(last instanceof AssistantMessage a && a.content() instanceof ModelContent.Text t
                        ? t.text() : "");
        List<LLMMessage> messages = new ArrayList<>();
        messages.add(new SystemMessage(SYSTEM_MESSAGE));
        messages.addAll(history);
        messages.add(new UserMessage("Your file viewer is currently open to the file or directory '"
                + browser.pageTitle() + "' with path '" + browser.path() + "'.", "user"));
        messages.add(new UserMessage(task, "user"));
        if (!modelClient.modelInfo().vision()) {
            messages = withoutImages(messages);
        }
        CreateResult result = modelClient.create(CreateRequest.builder(messages).toolSchemas(FileSurferTools.ALL)
                .cancellationToken(token).build());
        if (result.content() instanceof ModelContent.Text text) {
            return text.text();
        }
        for (FunctionCall call : ((ModelContent.FunctionCalls) result.content()).calls()) {
            JsonNode args;
            try {
                args = JSON.readTree(call.arguments().isBlank() ? "{}" : call.arguments());
            } catch (JsonProcessingException e) {
                return "File surfer encountered an error decoding JSON arguments: " + e.getOriginalMessage();
            }
            LOG.info("{}: {}({})", name(), call.name(), args);
            switch (call.name()) {
                case "open_path" -> browser.openPath(argument(args, call.name(), "path"));
                case "page_up" -> browser.pageUp();
                case "page_down" -> browser.pageDown();
                case "find_on_page_ctrl_f" -> browser.findOnPage(argument(args, call.name(), "search_string"));
                case "find_next" -> browser.findNext();
                default -> throw new IllegalArgumentException("Unknown tool '" + call.name() + "'; the file surfer's "
                        + "tools are open_path, page_up, page_down, find_on_page_ctrl_f and find_next");
            }
        }
        return header().strip() + "\n=======================\n" + browser.viewport();
    }

    private String header() {
        String header = "Path: " + browser.path() + "\n";
        if (browser.pageTitle() != null) {
            header += "Title: " + browser.pageTitle() + "\n";
        }
        return header + "Viewport position: Showing page " + (browser.currentPage() + 1) + " of " + browser.pageCount()
                + ".\n";
    }

    private static String argument(JsonNode args, String tool, String name) {
        JsonNode value = args.get(name);
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw new IllegalArgumentException("tool '" + tool + "' needs the argument '" + name + "' (a string)");
        }
        return value.asText();
    }

    private static List<LLMMessage> withoutImages(List<LLMMessage> messages) {
        List<LLMMessage> out = new ArrayList<>();
        for (LLMMessage message : messages) {
            if (message instanceof UserMessage user && user.content() instanceof UserContent.Multi multi) {
                out.add(new UserMessage(new UserContent.Multi(multi.parts().stream()
                        .map(p -> p instanceof Image ? (Object) "<image>" : p).toList()), user.source()));
            } else {
                out.add(message);
            }
        }
        return out;
    }

    @Override
    public ComponentProvider<?, FileSurferConfig> componentProvider() {
        return new FileSurferProvider();
    }

    @Override
    public ComponentModel dumpComponent() {
        return componentProvider().toModel(toConfig());
    }

    @Override
    public FileSurferConfig toConfig() {
        return new FileSurferConfig(name(), modelClient.dumpComponent(), description(), configuredBasePath.toString());
    }
}
