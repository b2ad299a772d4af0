package dev.autogen.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.Image;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.component.ConsentRefusedException;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.utils.Concurrency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workbench over a fixed list of tools, optionally shown to the model under other names or
 * descriptions. Each call runs on its own virtual thread so that cancelling the token interrupts
 * it. {@link StaticStreamWorkbench} adds streaming of {@link StreamTool} items.
 *
 * <!-- java-context: List<Tool> tools; -->
 * <pre>{@code
 * var workbench = new StaticWorkbench(tools, Map.of("getWeather", new ToolOverride("weather", null)));
 * }</pre>
 */
public class StaticWorkbench implements Workbench, Component<StaticWorkbenchConfig> {
    /** The provider name Python writes in component configs. */
    public static final String PROVIDER = "autogen_core.tools.StaticWorkbench";

    private static final Logger LOG = LoggerFactory.getLogger(StaticWorkbench.class);

    private final List<Tool> tools;
    /** Immutable (an agent without tools shares the empty map): agents keep their workbench while idle. */
    private final Map<String, Tool> byName;
    private final Map<String, ToolOverride> overrides;
    private final Map<String, String> overrideNameToOriginal;

    /** A workbench over {@code tools}, shown as they are. */
    public StaticWorkbench(List<? extends Tool> tools) {
        this(tools, Map.of());
    }

    /**
     * A workbench over {@code tools} with overrides keyed by original tool name.
     *
     * @throws IllegalArgumentException if two tools share a name, an override names an unknown tool,
     *     or an override name clashes with a tool name or another override
     */
    public StaticWorkbench(List<? extends Tool> tools, Map<String, ToolOverride> toolOverrides) {
        this.tools = List.copyOf(tools);
        Map<String, Tool> byName = new HashMap<>();
        Map<String, String> overrideNameToOriginal = new HashMap<>();
        for (Tool tool : this.tools) {
            if (byName.put(tool.name(), tool) != null) {
                throw new IllegalArgumentException("duplicate tool name '" + tool.name()
                        + "': tool names in a workbench must be unique; rename one or use a ToolOverride");
            }
        }
        this.overrides = Map.copyOf(toolOverrides);
        for (var e : new java.util.TreeMap<>(toolOverrides).entrySet()) {
            String original = e.getKey();
            if (!byName.containsKey(original)) {
                throw new IllegalArgumentException("tool override for '" + original + "' names no tool of this workbench; tools: "
                        + byName.keySet());
            }
            String newName = e.getValue().name();
            if (newName == null || newName.equals(original)) {
                continue;
            }
            if (byName.containsKey(newName)) {
                throw new IllegalArgumentException("Tool override name '" + newName
                        + "' conflicts with existing tool name. Override names must not conflict with any tool names.");
            }
            String previous = overrideNameToOriginal.putIfAbsent(newName, original);
            if (previous != null) {
                throw new IllegalArgumentException("Tool override name '" + newName + "' is used by multiple tools: '"
                        + previous + "' and '" + original + "'. Override names must be unique.");
            }
        }
        this.byName = Map.copyOf(byName);
        this.overrideNameToOriginal = Map.copyOf(overrideNameToOriginal);
    }

    @Override
    public ComponentProvider<?, StaticWorkbenchConfig> componentProvider() {
        return new Provider();
    }

    /**
     * The tools' component models and the overrides.
     *
     * @throws UnsupportedOperationException if a tool has no component config (e.g. a Java {@link FunctionTool})
     */
    @Override
    public StaticWorkbenchConfig toConfig() {
        return new StaticWorkbenchConfig(tools.stream().map(Tool::dumpComponent).toList(), overrides);
    }

    @Override
    public ComponentModel dumpComponent() {
        return Component.super.dumpComponent();
    }

    /** The tools, in the order given. */
    public List<Tool> tools() {
        return tools;
    }

    /** The overrides, keyed by original tool name. */
    public Map<String, ToolOverride> toolOverrides() {
        return overrides;
    }

    @Override
    public List<ToolSchema> listTools() {
        List<ToolSchema> schemas = new ArrayList<>();
        for (Tool tool : tools) {
            ToolSchema schema = tool.schema();
            ToolOverride o = overrides.get(tool.name());
            if (o != null) {
                schema = schema.withNameAndDescription(o.name() != null ? o.name() : schema.name(),
                        o.description() != null ? o.description() : schema.description());
            }
            schemas.add(schema);
        }
        return List.copyOf(schemas);
    }

    @Override
    public ToolResult callTool(String name, @Nullable JsonNode arguments, @Nullable CancellationToken cancellationToken,
            @Nullable String callId) {
        return run(name, arguments, cancellationToken, callId, null);
    }

    /**
     * Runs a call; {@code events} receives a {@link StreamTool}'s intermediate items, null to run
     * every tool plainly.
     */
    protected final ToolResult run(String name, @Nullable JsonNode arguments, @Nullable CancellationToken cancellationToken,
            @Nullable String callId, @Nullable Consumer<Object> events) {
        Tool tool = byName.get(overrideNameToOriginal.getOrDefault(name, name));
        if (tool == null) {
            return ToolResult.error(name, "Tool " + name + " not found. Available tools: " + listTools().stream().map(ToolSchema::name).toList());
        }
        CancellationToken token = cancellationToken != null ? cancellationToken : new CancellationToken();
        token.throwIfCancelled();
        JsonNode args = arguments != null ? arguments : AutogenJson.mapper().createObjectNode();
        Object value;
        try {
            value = Concurrency.callOnNewThread("autogen-tool-" + tool.name(), token,
                    () -> events != null && tool instanceof StreamTool st
                            ? st.runJsonStream(args, token, callId, events)
                            : tool.runJson(args, token, callId));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ConsentRefusedException refused) {
                throw refused;
            }
            LOG.debug("tool '{}' (call {}) failed", name, callId, cause);
            return ToolResult.error(name, formatError(cause));
        }
        return toResult(name, tool, value);
    }

    private static ToolResult toResult(String name, Tool tool, @Nullable Object value) {
        if (value instanceof ToolResult r) {
            return new ToolResult(name, r.result(), r.isError());
        }
        if (value instanceof Image image) {
            return new ToolResult(name, List.of(new ResultContent.ImageContent(image)), false);
        }
        try {
            return ToolResult.text(name, tool.returnValueAsString(value));
        } catch (RuntimeException e) {
            return ToolResult.error(name, "tool '" + name + "' returned a value that cannot be turned into text: " + formatError(e));
        }
    }

    /** The error text for a failure: its message, or its type when it has none. */
    static String formatError(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message.strip();
    }

    /** The tools' states keyed by tool name, as Python's {@code StaticWorkbench} saves them. */
    @Override
    public Map<String, Object> saveState() {
        Map<String, Object> states = new LinkedHashMap<>();
        for (Tool tool : tools) {
            states.put(tool.name(), tool.saveStateJson());
        }
        return Map.of("type", "StaticWorkbenchState", "tools", states);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void loadState(Map<String, Object> state) {
        if (state.get("tools") instanceof Map<?, ?> states) {
            for (Tool tool : tools) {
                if (states.get(tool.name()) instanceof Map<?, ?> s) {
                    tool.loadStateJson((Map<String, Object>) s);
                }
            }
        }
    }

    /** Loads and dumps {@code autogen_core.tools.StaticWorkbench} components. */
    public static final class Provider extends AbstractComponentProvider<StaticWorkbench, StaticWorkbenchConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.WORKBENCH,
                    StaticWorkbench.class, StaticWorkbenchConfig.class,
                    "A workbench that provides a static set of tools that do not change after\n    each tool execution.");
        }

        @Override
        public StaticWorkbench fromConfig(StaticWorkbenchConfig config, ComponentContext context) {
            List<Tool> loaded = context.loadAll(config.tools(), Tool.class);
            try {
                return new StaticWorkbench(loaded, config.toolOverrides());
            } catch (IllegalArgumentException e) {
                throw context.invalid("tools", e.getMessage());
            }
        }
    }
}
