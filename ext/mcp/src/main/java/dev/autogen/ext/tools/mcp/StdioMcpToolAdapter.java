package dev.autogen.ext.tools.mcp;

import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ProcessGate;
import io.modelcontextprotocol.spec.McpSchema;
import org.jspecify.annotations.Nullable;

/**
 * An MCP tool of a server reached over STDIO, as Python's {@code StdioMcpToolAdapter}; made by
 * {@link McpServerTools}.
 */
public final class StdioMcpToolAdapter extends McpToolAdapter<StdioServerParams> {
    /** The provider name Python writes in component configs. */
    public static final String PROVIDER = "autogen_ext.tools.mcp.StdioMcpToolAdapter";

    StdioMcpToolAdapter(StdioServerParams serverParams, McpSchema.Tool tool, @Nullable McpWorkbench workbench) {
        super(serverParams, tool, workbench);
    }

    private StdioMcpToolAdapter(StdioServerParams serverParams, McpSchema.Tool tool, ProcessGate gate) {
        super(serverParams, tool, null, gate);
    }

    /** An adapter for {@code tool} that opens a session with the server for each call, as Python's default. */
    public StdioMcpToolAdapter(StdioServerParams serverParams, McpSchema.Tool tool) {
        this(serverParams, tool, ProcessGate.OPEN);
    }

    @Override
    public ComponentProvider<?, McpToolAdapterConfig> componentProvider() {
        return new Provider();
    }

    /** Loads and dumps {@code StdioMcpToolAdapter} components. */
    public static final class Provider extends AdapterProvider<StdioMcpToolAdapter, StdioServerParams> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, StdioMcpToolAdapter.class, StdioServerParams.class,
                    "Allows you to wrap an MCP tool running over STDIO and make it available to AutoGen.");
        }

        @Override
        StdioMcpToolAdapter create(StdioServerParams params, McpSchema.Tool tool, ProcessGate gate) {
            return new StdioMcpToolAdapter(params, tool, gate);
        }
    }
}
