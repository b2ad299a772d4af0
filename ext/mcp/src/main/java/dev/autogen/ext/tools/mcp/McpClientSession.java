package dev.autogen.ext.tools.mcp;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ProcessGate;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One MCP client session with a server, for programs that show a server's raw protocol (AutoGen
 * Studio's MCP playground): the server's own tools, resources and prompts as the SDK's types, with
 * the server's requests and notifications going to {@link McpClientHandlers}. Agents use
 * {@link McpWorkbench} instead. Requests block the calling (virtual) thread and may run concurrently.
 *
 * <p>Opening a session with {@link StdioServerParams} starts that program with this process's rights:
 * a caller that takes parameters from a request or a file must have the user's consent first.
 */
public final class McpClientSession implements AutoCloseable {
    private final McpSession session;

    private McpClientSession(McpSession session) {
        this.session = session;
    }

    /**
     * Connects (starting a stdio server's program) and initializes the session.
     *
     * @throws McpSessionException if the server cannot be started or reached, or initialization fails;
     *     the message names the server
     */
    public static McpClientSession open(McpServerParams params, McpClientHandlers handlers) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(handlers, "handlers");
        return new McpClientSession(McpSession.open(params, handlers, ProcessGate.OPEN, new CancellationToken()));
    }

    /** What the server said about itself: name, version, capabilities, instructions. */
    public McpSchema.InitializeResult initializeResult() {
        return session.initializeResult();
    }

    /** Whether the session can still be used: not closed, and a stdio server still running. */
    public boolean isAlive() {
        return session.isAlive();
    }

    /** The server process of a stdio session. */
    public Optional<ProcessHandle> process() {
        return session.process();
    }

    /**
     * The server's tools, every page.
     *
     * @throws McpSessionException if the server refuses, does not answer in time or the session ended
     */
    public List<McpSchema.Tool> listTools() {
        return pages("tools/list", McpAsyncClient::listTools, McpSchema.ListToolsResult::tools,
                McpSchema.ListToolsResult::nextCursor);
    }

    /**
     * Calls a tool; a tool that fails answers normally, with {@code isError}.
     *
     * @throws McpSessionException if the server refuses the call (e.g. an unknown tool), does not answer in
     *     time or the session ended
     */
    public McpSchema.CallToolResult callTool(String name, @Nullable Map<String, Object> arguments) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> args = arguments == null ? Map.of() : new LinkedHashMap<>(arguments);
        return session.request("tools/call", c -> c.callTool(new McpSchema.CallToolRequest(name, args)), null);
    }

    /**
     * The server's resources, every page.
     *
     * @throws McpSessionException if the server has no resources, refuses, or the session ended
     */
    public List<McpSchema.Resource> listResources() {
        return pages("resources/list", McpAsyncClient::listResources, McpSchema.ListResourcesResult::resources,
                McpSchema.ListResourcesResult::nextCursor);
    }

    /**
     * Reads a resource.
     *
     * @throws McpSessionException if the server does not know the URI, refuses, or the session ended
     */
    public McpSchema.ReadResourceResult readResource(String uri) {
        Objects.requireNonNull(uri, "uri");
        return session.request("resources/read", c -> c.readResource(new McpSchema.ReadResourceRequest(uri)), null);
    }

    /**
     * The server's prompts, every page.
     *
     * @throws McpSessionException if the server has no prompts, refuses, or the session ended
     */
    public List<McpSchema.Prompt> listPrompts() {
        return pages("prompts/list", McpAsyncClient::listPrompts, McpSchema.ListPromptsResult::prompts,
                McpSchema.ListPromptsResult::nextCursor);
    }

    /**
     * Gets a prompt filled in with {@code arguments}.
     *
     * @throws McpSessionException if the prompt is unknown, an argument is missing, or the session ended
     */
    public McpSchema.GetPromptResult getPrompt(String name, @Nullable Map<String, Object> arguments) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> args = arguments == null ? Map.of() : new LinkedHashMap<>(arguments);
        return session.request("prompts/get", c -> c.getPrompt(new McpSchema.GetPromptRequest(name, args)), null);
    }

    private <R, T> List<T> pages(String method, BiFunction<McpAsyncClient, String, Mono<R>> call,
            Function<R, List<T>> items, Function<R, @Nullable String> next) {
        List<T> all = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            R result = session.request(method, c -> call.apply(c, page), null);
            List<T> some = items.apply(result);
            if (some != null) {
                all.addAll(some);
            }
            cursor = next.apply(result);
        } while (cursor != null && !cursor.isEmpty());
        return all;
    }

    /** Ends the session; for stdio, ends the server process and the processes it started. */
    @Override
    public void close() {
        session.close();
    }
}
