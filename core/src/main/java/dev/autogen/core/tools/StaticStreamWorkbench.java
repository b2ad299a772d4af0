package dev.autogen.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StaticWorkbench} whose calls stream the intermediate items of {@link StreamTool}s (other
 * tools just return their result). The default workbench of Python's {@code AssistantAgent}.
 *
 * <!-- java-context: import dev.autogen.core.CancellationToken; import org.slf4j.Logger;
 *      CancellationToken token; List<Tool> tools; JsonNode args; Logger log; -->
 * <pre>{@code
 * var workbench = new StaticStreamWorkbench(tools);
 * ToolResult r = workbench.callToolStream("count", args, token, "call_1", item -> log.info("progress {}", item));
 * }</pre>
 */
public class StaticStreamWorkbench extends StaticWorkbench implements StreamWorkbench {
    /** The provider name Python writes in component configs. */
    public static final String PROVIDER = "autogen_core.tools.StaticStreamWorkbench";

    /** A workbench over {@code tools}, shown as they are. */
    public StaticStreamWorkbench(List<? extends Tool> tools) {
        super(tools);
    }

    /**
     * A workbench over {@code tools} with overrides keyed by original tool name.
     *
     * @throws IllegalArgumentException as {@link StaticWorkbench#StaticWorkbench(List, Map)}
     */
    public StaticStreamWorkbench(List<? extends Tool> tools, Map<String, ToolOverride> toolOverrides) {
        super(tools, toolOverrides);
    }

    @Override
    public ComponentProvider<?, StaticWorkbenchConfig> componentProvider() {
        return new Provider();
    }

    @Override
    public ToolResult callToolStream(String name, @Nullable JsonNode arguments, @Nullable CancellationToken cancellationToken,
            @Nullable String callId, Consumer<Object> events) {
        return run(name, arguments, cancellationToken, callId, events);
    }

    /** Loads and dumps {@code autogen_core.tools.StaticStreamWorkbench} components. */
    public static final class Provider extends AbstractComponentProvider<StaticStreamWorkbench, StaticWorkbenchConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.WORKBENCH,
                    StaticStreamWorkbench.class, StaticWorkbenchConfig.class,
                    "A workbench that provides a static set of tools that do not change after\n"
                            + "    each tool execution, and supports streaming results.");
        }

        @Override
        public StaticStreamWorkbench fromConfig(StaticWorkbenchConfig config, ComponentContext context) {
            List<Tool> loaded = context.loadAll(config.tools(), Tool.class);
            try {
                return new StaticStreamWorkbench(loaded, config.toolOverrides());
            } catch (IllegalArgumentException e) {
                throw context.invalid("tools", e.getMessage());
            }
        }
    }
}
