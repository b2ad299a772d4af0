package dev.autogen.ext.tools.mcp;

import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ProcessGate;
import io.modelcontextprotocol.spec.McpSchema;
import org.jspecify.annotations.Nullable;

/**
 * An MCP tool of a server reached over SSE, as Python's {@code SseMcpToolAdapter}; made by
 * {@link McpServerTools}.
 */
public final class SseMcpToolAdapter extends McpToolAdapter<SseServerParams> {
    /** The provider name Python writes in component configs. */
    public static final String PROVIDER = "autogen_ext.tools.mcp.SseMcpToolAdapter";

    SseMcpToolAdapter(SseServerParams serverParams, McpSchema.Tool tool, @Nullable McpWorkbench workbench) {
        super(serverParams, tool, workbench);
    }

    /** An adapter for {@code tool} that opens a session with the server for each call, as Python's default. */
    public SseMcpToolAdapter(SseServerParams serverParams, McpSchema.Tool tool) {
        this(serverParams, tool, null);
    }

    @Override
    public ComponentProvider<?, McpToolAdapterConfig> componentProvider() {
        return new Provider();
    }

    /** Loads and dumps {@code SseMcpToolAdapter} components. */
    public static final class Provider extends AdapterProvider<SseMcpToolAdapter, SseServerParams> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, SseMcpToolAdapter.class, SseServerParams.class,
                    "Allows you to wrap an MCP tool running over SSE and make it available to AutoGen.");
        }

        @Override
        SseMcpToolAdapter create(SseServerParams params, McpSchema.Tool tool, ProcessGate gate) {
            return new SseMcpToolAdapter(params, tool);
        }
    }
}
