package dev.autogen.ext.tools.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.component.ConsentRefusedException;
import dev.autogen.core.component.ProcessGate;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.tools.ToolOverride;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.core.tools.Workbench;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Workbench} over the tools of one MCP server, as Python's {@code McpWorkbench}. The
 * session with the server starts on first use (or on {@link #start()}), serves every later call,
 * and ends on {@link #stop()} or {@link #close()}, which for a stdio server also ends its process
 * and the processes it started. Thread-safe: concurrent calls share the session.
 *
 * <!-- java-context: import dev.autogen.core.serialization.AutogenJson; -->
 * <pre>{@code
 * var params = StdioServerParams.of("npx", "-y", "@modelcontextprotocol/server-filesystem", "/tmp/work");
 * try (var workbench = new McpWorkbench(params)) {
 *     List<ToolSchema> tools = workbench.listTools();
 *     ToolResult r = workbench.callTool("list_directory", AutogenJson.mapper().readTree("{\"path\": \"/tmp/work\"}"));
 *     System.out.println(r.toText());
 * }
 * }</pre>
 *
 * <p>Every failure of a tool call (a tool error, an unknown tool, a server that died or does not
 * answer) comes back as an error {@link ToolResult} naming the tool, for the model to read. The
 * other methods throw {@link McpSessionException}. A server that dies stays dead: calls report its
 * exit code and last stderr lines until {@link #start()} (or {@code stop()} then {@code start()})
 * starts it again.
 *
 * <p>Unlike Python, {@link #stop()} on a workbench that is not running does nothing, so that
 * try-with-resources works whether or not the workbench was used.
 */
public final class McpWorkbench implements Workbench, Component<McpWorkbenchConfig> {
    /** The provider name Python writes in component configs. */
    public static final String PROVIDER = "autogen_ext.tools.mcp.McpWorkbench";

    private static final Logger LOG = LoggerFactory.getLogger(McpWorkbench.class);
    private static final String RESTART_HINT = "\nCall start() on the workbench to start the server again.";

    private final McpServerParams serverParams;
    private final Map<String, ToolOverride> toolOverrides;
    private final Map<String, String> overrideNameToOriginal = new HashMap<>();
    private final @Nullable ChatCompletionClient modelClient;
    private final ProcessGate gate;
    private final ReentrantLock lifecycle = new ReentrantLock();
    private volatile @Nullable McpSession session;

    /** A workbench over the server's tools as the server names them. */
    public McpWorkbench(McpServerParams serverParams) {
        this(serverParams, Map.of(), null);
    }

    /** A workbench showing some tools under other names or descriptions, keyed by the server's names. */
    public McpWorkbench(McpServerParams serverParams, Map<String, ToolOverride> toolOverrides) {
        this(serverParams, toolOverrides, null);
    }

    /**
     * A workbench with tool overrides whose {@code modelClient}, when given, answers the server's
     * sampling requests.
     *
     * @throws IllegalArgumentException if two overrides give the same new name
     */
    public McpWorkbench(McpServerParams serverParams, Map<String, ToolOverride> toolOverrides,
            @Nullable ChatCompletionClient modelClient) {
        this(serverParams, toolOverrides, modelClient, ProcessGate.OPEN);
    }

    private McpWorkbench(McpServerParams serverParams, Map<String, ToolOverride> toolOverrides,
            @Nullable ChatCompletionClient modelClient, ProcessGate gate) {
        this.gate = gate;
        this.serverParams = Objects.requireNonNull(serverParams, "serverParams");
        this.toolOverrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(toolOverrides));
        this.modelClient = modelClient;
        for (var e : this.toolOverrides.entrySet()) {
            String newName = e.getValue().name();
            if (newName == null || newName.equals(e.getKey())) {
                continue;
            }
            String previous = overrideNameToOriginal.putIfAbsent(newName, e.getKey());
            if (previous != null) {
                throw new IllegalArgumentException("Tool override name '" + newName + "' is used by multiple tools: '"
                        + previous + "' and '" + e.getKey() + "'. Override names must be unique.");
            }
        }
    }

    /** How the server is reached. */
    public McpServerParams serverParams() {
        return serverParams;
    }

    /** The overrides, keyed by the server's tool names. */
    public Map<String, ToolOverride> toolOverrides() {
        return toolOverrides;
    }

    /** The client answering the server's sampling requests, if any. */
    public Optional<ChatCompletionClient> modelClient() {
        return Optional.ofNullable(modelClient);
    }

    /**
     * Opens the session (starting the server, for stdio). Does nothing if it is already running;
     * replaces a session whose server has died.
     *
     * @throws McpSessionException if the server cannot be started, reached or initialized
     * @throws ConsentRefusedException if the workbench was loaded from a config and the user refused to
     *     start its stdio server
     */
    @Override
    public void start() {
        lifecycle.lock();
        try {
            McpSession current = session;
            if (current != null && current.isAlive()) {
                LOG.debug("McpWorkbench for {} is already started", serverParams.describe());
                return;
            }
            if (current != null) {
                LOG.info("restarting {}: {}", serverParams.describe(), current.endReason().getMessage());
                current.close();
                session = null;
            }
            Function<McpSchema.CreateMessageRequest, McpSchema.CreateMessageResult> sampler =
                    modelClient == null ? null : new McpSampler(modelClient);
            session = McpSession.open(serverParams, sampler, gate, new CancellationToken());
        } finally {
            lifecycle.unlock();
        }
    }

    /** Ends the session (and, for stdio, the server's processes); does nothing if not started. */
    @Override
    public void stop() {
        lifecycle.lock();
        try {
            McpSession current = session;
            session = null;
            if (current != null) {
                current.close();
            }
        } finally {
            lifecycle.unlock();
        }
    }

    /** Does nothing, as in Python: an MCP server keeps its own state. */
    @Override
    public void reset() {
    }

    /** Whether a session is open and its server still running. */
    public boolean isRunning() {
        McpSession current = session;
        return current != null && current.isAlive();
    }

    /** The server process of a running stdio session ({@code npx} itself when started through {@code npx}). */
    public Optional<ProcessHandle> serverProcess() {
        McpSession current = session;
        return current == null ? Optional.empty() : current.process();
    }

    /** What the server told about itself (name, version, capabilities, instructions); starts the session if needed. */
    public McpSchema.InitializeResult serverInfo() {
        return session().initializeResult();
    }

    /**
     * Sends a request over the running session (opened if there is none); a failure because the
     * session ended says how to restart it.
     */
    private <T> T request(String method, Function<io.modelcontextprotocol.client.McpAsyncClient, reactor.core.publisher.Mono<T>> call,
            @Nullable CancellationToken token) {
        McpSession current = session();
        try {
            return current.request(method, call, token);
        } catch (McpSessionException e) {
            if (current.isAlive()) {
                throw e;
            }
            throw new McpSessionException(e.getMessage() + RESTART_HINT, e);
        }
    }

    /** The running session, opened if there is none; an error if its server has died. */
    McpSession session() {
        McpSession current = session;
        if (current == null) {
            start();
            current = session;
            if (current == null) {
                throw new McpSessionException("the session with " + serverParams.describe() + " was stopped while starting");
            }
        }
        if (!current.isAlive()) {
            McpSessionException reason = current.endReason();
            throw new McpSessionException(reason.getMessage() + RESTART_HINT, reason);
        }
        return current;
    }

    /**
     * The server's tools, with overrides applied; starts the session if needed.
     *
     * @throws McpSessionException if the server cannot be reached or refuses
     */
    @Override
    public List<ToolSchema> listTools() {
        List<ToolSchema> schemas = new ArrayList<>();
        for (McpSchema.Tool tool : listMcpTools()) {
            schemas.add(McpConversions.toolSchema(tool, toolOverrides.get(tool.name())));
        }
        return List.copyOf(schemas);
    }

    /** The server's tools as MCP describes them, every page. */
    List<McpSchema.Tool> listMcpTools() {
        List<McpSchema.Tool> tools = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            McpSchema.ListToolsResult result = request("tools/list", c -> c.listTools(page), null);
            tools.addAll(result.tools());
            cursor = result.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return tools;
    }

    /**
     * Calls a tool by its shown name (an override name maps back to the server's).
     *
     * @return the server's content as text and image parts; {@code isError} when the tool failed, the
     *     server refused the call or could not be reached, with a message naming the tool
     * @throws CancellationException if the token is cancelled
     */
    @Override
    public ToolResult callTool(String name, @Nullable JsonNode arguments, @Nullable CancellationToken cancellationToken,
            @Nullable String callId) {
        if (cancellationToken != null) {
            cancellationToken.throwIfCancelled();
        }
        String original = overrideNameToOriginal.getOrDefault(name, name);
        try {
            Map<String, Object> args = McpConversions.arguments(name, arguments);
            McpSchema.CallToolResult result = request("tools/call",
                    c -> c.callTool(new McpSchema.CallToolRequest(original, args)), cancellationToken);
            return McpConversions.toolResult(name, result);
        } catch (CancellationException | ConsentRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("MCP tool '{}' (call {}) failed", name, callId, e);
            return ToolResult.error(name, "Error calling MCP tool '" + name + "': " + e.getMessage());
        }
    }

    /**
     * The server's resources, every page.
     *
     * @throws McpSessionException if the server has no resources capability, cannot be reached or refuses
     */
    public List<McpSchema.Resource> listResources() {
        List<McpSchema.Resource> resources = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            McpSchema.ListResourcesResult result = request("resources/list", c -> c.listResources(page), null);
            resources.addAll(result.resources());
            cursor = result.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return resources;
    }

    /**
     * The server's resource templates, every page.
     *
     * @throws McpSessionException if the server has no resources capability, cannot be reached or refuses
     */
    public List<McpSchema.ResourceTemplate> listResourceTemplates() {
        List<McpSchema.ResourceTemplate> templates = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            McpSchema.ListResourceTemplatesResult result =
                    request("resources/templates/list", c -> c.listResourceTemplates(page), null);
            templates.addAll(result.resourceTemplates());
            cursor = result.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return templates;
    }

    /**
     * Reads a resource.
     *
     * @throws McpSessionException if the server does not know the URI, cannot be reached or refuses
     */
    public McpSchema.ReadResourceResult readResource(String uri) {
        Objects.requireNonNull(uri, "uri");
        return request("resources/read", c -> c.readResource(new McpSchema.ReadResourceRequest(uri)), null);
    }

    /**
     * The server's prompts, every page.
     *
     * @throws McpSessionException if the server has no prompts capability, cannot be reached or refuses
     */
    public List<McpSchema.Prompt> listPrompts() {
        List<McpSchema.Prompt> prompts = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            McpSchema.ListPromptsResult result = request("prompts/list", c -> c.listPrompts(page), null);
            prompts.addAll(result.prompts());
            cursor = result.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return prompts;
    }

    /**
     * Gets a prompt filled in with arguments.
     *
     * @throws McpSessionException if the prompt is unknown, a required argument is missing, or the
     *     server cannot be reached
     */
    public McpSchema.GetPromptResult getPrompt(String name, Map<String, String> arguments) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> args = new LinkedHashMap<>(arguments);
        return request("prompts/get", c -> c.getPrompt(new McpSchema.GetPromptRequest(name, args)), null);
    }

    /** {@link #getPrompt(String, Map)} without arguments. */
    public McpSchema.GetPromptResult getPrompt(String name) {
        return getPrompt(name, Map.of());
    }

    /** Python's state of an MCP workbench, which has none: {@code {"type": "McpWorkBenchState"}}. */
    @Override
    public Map<String, Object> saveState() {
        return Map.of("type", "McpWorkBenchState");
    }

    /** Does nothing: there is no state to restore. */
    @Override
    public void loadState(Map<String, Object> state) {
    }

    @Override
    public ComponentProvider<?, McpWorkbenchConfig> componentProvider() {
        return new Provider();
    }

    /**
     * The server parameters, overrides and model client.
     *
     * @throws UnsupportedOperationException if the model client has no component config
     */
    @Override
    public McpWorkbenchConfig toConfig() {
        return new McpWorkbenchConfig(serverParams, toolOverrides, modelClient == null ? null : modelClient.dumpComponent());
    }

    @Override
    public ComponentModel dumpComponent() {
        return Component.super.dumpComponent();
    }

    @Override
    public String toString() {
        return "McpWorkbench[" + serverParams.describe() + (isRunning() ? ", running" : "") + "]";
    }

    /** Loads and dumps {@code autogen_ext.tools.mcp.McpWorkbench} components. */
    public static final class Provider extends AbstractComponentProvider<McpWorkbench, McpWorkbenchConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.WORKBENCH, McpWorkbench.class, McpWorkbenchConfig.class,
                    "A workbench that wraps an MCP server and provides an interface\n    to list and call tools provided by the server.");
            withAliases("autogen_ext.tools.mcp._workbench.McpWorkbench", McpWorkbench.class.getName());
        }

        @Override
        public McpWorkbench fromConfig(McpWorkbenchConfig config, ComponentContext context) {
            ChatCompletionClient client = config.modelClient() == null ? null
                    : context.load(config.modelClient(), ChatCompletionClient.class, "model_client");
            ProcessGate gate = McpSession.gate(config.serverParams(), context);
            try {
                return new McpWorkbench(config.serverParams(), config.toolOverrides(), client, gate);
            } catch (IllegalArgumentException e) {
                throw context.invalid("tool_overrides", e.getMessage());
            }
        }
    }
}
