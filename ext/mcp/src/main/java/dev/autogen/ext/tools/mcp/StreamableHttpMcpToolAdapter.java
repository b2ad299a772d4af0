package dev.autogen.ext.tools.mcp;

import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ProcessGate;
import io.modelcontextprotocol.spec.McpSchema;
import org.jspecify.annotations.Nullable;

/**
 * An MCP tool of a server reached over Streamable HTTP, as Python's {@code StreamableHttpMcpToolAdapter}; made by
 * {@link McpServerTools}.
 */
public final class StreamableHttpMcpToolAdapter extends McpToolAdapter<StreamableHttpServerParams> {
    /** The provider name Python writes in component configs. */
    public static final String PROVIDER = "autogen_ext.tools.mcp.StreamableHttpMcpToolAdapter";

    StreamableHttpMcpToolAdapter(StreamableHttpServerParams serverParams, McpSchema.Tool tool, @Nullable McpWorkbench workbench) {
        super(serverParams, tool, workbench);
    }

    /** An adapter for {@code tool} that opens a session with the server for each call, as Python's default. */
    public StreamableHttpMcpToolAdapter(StreamableHttpServerParams serverParams, McpSchema.Tool tool) {
        this(serverParams, tool, null);
    }

    @Override
    public ComponentProvider<?, McpToolAdapterConfig> componentProvider() {
        return new Provider();
    }

    /** Loads and dumps {@code StreamableHttpMcpToolAdapter} components. */
    public static final class Provider extends AdapterProvider<StreamableHttpMcpToolAdapter, StreamableHttpServerParams> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, StreamableHttpMcpToolAdapter.class, StreamableHttpServerParams.class,
                    "Allows you to wrap an MCP tool running over Streamable HTTP and make it available to AutoGen.");
        }

        @Override
        StreamableHttpMcpToolAdapter create(StreamableHttpServerParams params, McpSchema.Tool tool, ProcessGate gate) {
            return new StreamableHttpMcpToolAdapter(params, tool);
        }
    }
}
