package dev.autogen.ext.tools.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.component.ProcessGate;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.core.tools.ToolSchema;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One MCP server tool as a plain {@link Tool}, as Python's {@code McpToolAdapter}. Made by
 * {@link McpServerTools}. An adapter bound to an {@link McpWorkbench} calls through the
 * workbench's session; an unbound one (Python's default) opens a session for each call, which for
 * a stdio server means starting the program each time.
 *
 * <p>{@link #runJson} returns a {@link ToolResult}, whose {@code isError} is set when the tool
 * reported an error; session failures are thrown as {@link McpSessionException}. A workbench turns
 * both into error results for the model.
 *
 * @param <P> the kind of server parameters
 */
public abstract sealed class McpToolAdapter<P extends McpServerParams> implements Tool, Component<McpToolAdapterConfig>
        permits StdioMcpToolAdapter, SseMcpToolAdapter, StreamableHttpMcpToolAdapter {

    private final P serverParams;
    private final McpSchema.Tool tool;
    private final @Nullable McpWorkbench workbench;
    private final ToolSchema schema;
    private final ProcessGate gate;

    McpToolAdapter(P serverParams, McpSchema.Tool tool, @Nullable McpWorkbench workbench) {
        this(serverParams, tool, workbench, ProcessGate.OPEN);
    }

    McpToolAdapter(P serverParams, McpSchema.Tool tool, @Nullable McpWorkbench workbench, ProcessGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.serverParams = Objects.requireNonNull(serverParams, "serverParams");
        this.tool = Objects.requireNonNull(tool, "tool");
        this.workbench = workbench;
        this.schema = McpConversions.toolSchema(tool, null);
    }

    /** The adapter kind for {@code params}: stdio, SSE or Streamable HTTP. */
    static McpToolAdapter<?> of(McpServerParams params, McpSchema.Tool tool, @Nullable McpWorkbench workbench) {
        return switch (params) {
            case StdioServerParams p -> new StdioMcpToolAdapter(p, tool, workbench);
            case SseServerParams p -> new SseMcpToolAdapter(p, tool, workbench);
            case StreamableHttpServerParams p -> new StreamableHttpMcpToolAdapter(p, tool, workbench);
        };
    }

    /** How the server is reached. */
    public P serverParams() {
        return serverParams;
    }

    /** The tool as the server described it. */
    public McpSchema.Tool mcpTool() {
        return tool;
    }

    @Override
    public String name() {
        return tool.name();
    }

    @Override
    public String description() {
        return schema.description() == null ? "" : schema.description();
    }

    @Override
    public ToolSchema schema() {
        return schema;
    }

    /**
     * Calls the tool on the server.
     *
     * @return the server's result as a {@link ToolResult}
     * @throws McpSessionException if the session cannot be opened or the server refuses the call
     */
    @Override
    public ToolResult runJson(JsonNode args, CancellationToken cancellationToken, @Nullable String callId) {
        Map<String, Object> arguments = McpConversions.arguments(name(), args);
        var request = new McpSchema.CallToolRequest(tool.name(), arguments);
        if (workbench != null) {
            return McpConversions.toolResult(name(), workbench.session().request("tools/call",
                    c -> c.callTool(request), cancellationToken));
        }
        try (McpSession session = McpSession.open(serverParams, McpClientHandlers.NONE, gate, cancellationToken)) {
            return McpConversions.toolResult(name(), session.request("tools/call", c -> c.callTool(request), cancellationToken));
        }
    }

    /** The text of a {@link ToolResult}; other values as {@link Tool} does. */
    @Override
    public String returnValueAsString(@Nullable Object value) {
        return value instanceof ToolResult r ? r.toText() : Tool.super.returnValueAsString(value);
    }

    @Override
    public McpToolAdapterConfig toConfig() {
        return new McpToolAdapterConfig(serverParams, McpConversions.tree(tool));
    }

    @Override
    public ComponentModel dumpComponent() {
        return Component.super.dumpComponent();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name() + " on " + serverParams.describe() + "]";
    }

    /** The provider shared by the three adapter kinds. */
    abstract static class AdapterProvider<T extends McpToolAdapter<P>, P extends McpServerParams>
            extends AbstractComponentProvider<T, McpToolAdapterConfig> {
        private final Class<P> paramsClass;

        AdapterProvider(String provider, Class<T> adapterClass, Class<P> paramsClass, String description) {
            super(provider, ComponentTypes.TOOL, adapterClass, McpToolAdapterConfig.class, description);
            this.paramsClass = paramsClass;
            withAliases(adapterClass.getName());
        }

        /** The adapter; {@code gate} is what a stdio server's start asks first. */
        abstract T create(P params, McpSchema.Tool tool, ProcessGate gate);

        @Override
        public final T fromConfig(McpToolAdapterConfig config, ComponentContext context) {
            if (!paramsClass.isInstance(config.serverParams())) {
                throw context.invalid("server_params", provider() + " needs server_params of type "
                        + paramsClass.getSimpleName() + ", got " + config.serverParams().type());
            }
            McpSchema.Tool tool;
            try {
                tool = McpJsonDefaults.getMapper().readValue(config.tool().toString(), McpSchema.Tool.class);
            } catch (IOException | RuntimeException e) {
                throw context.invalid("tool", "not an MCP tool description: " + e.getMessage());
            }
            if (tool.name() == null || tool.name().isBlank()) {
                throw context.invalid("tool.name", "an MCP tool needs a name");
            }
            return create(paramsClass.cast(config.serverParams()), tool, McpSession.gate(config.serverParams(), context));
        }
    }
}
