package dev.autogen.core.component.fakes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentBase;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.model_context.ChatCompletionContext;
import dev.autogen.core.tools.StaticStreamWorkbench;
import dev.autogen.core.tools.Workbench;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Stand-ins for the Python components in the fixtures (same provider strings, descriptions and
 * config fields), registered through META-INF/services in test resources, so loading and dumping
 * can be checked against JSON written by Python AutoGen.
 */
public final class PythonLikeComponents {
    private PythonLikeComponents() {
    }

    public interface Agent extends ComponentBase {
        String name();
    }

    public interface ModelClient extends ComponentBase {
    }

    public interface Termination extends ComponentBase {
    }

    public interface Team extends ComponentBase {
    }

    // ---- model client

    public record OpenAIClientConfig(@JsonProperty(required = true) String model, @Nullable String apiKey) {
    }

    public record OpenAIClient(OpenAIClientConfig config) implements ModelClient, Component<OpenAIClientConfig> {
        public ComponentProvider<?, OpenAIClientConfig> componentProvider() {
            return new OpenAIClientProvider();
        }

        public OpenAIClientConfig toConfig() {
            return config;
        }
    }

    public static final class OpenAIClientProvider extends AbstractComponentProvider<OpenAIClient, OpenAIClientConfig> {
        public OpenAIClientProvider() {
            super("autogen_ext.models.openai.OpenAIChatCompletionClient", ComponentTypes.MODEL,
                    OpenAIClient.class, OpenAIClientConfig.class,
                    "Chat completion client for OpenAI hosted models.");
        }

        @Override
        public OpenAIClient fromConfig(OpenAIClientConfig config, ComponentContext context) {
            return new OpenAIClient(config);
        }
    }

    // ---- model context (workbenches are the real dev.autogen.core.tools ones)

    // ---- agent (component_version 2, upgrades version 1 configs that had "tools")

    public record AssistantConfig(
            @JsonProperty(required = true) String name,
            @JsonProperty(required = true) ComponentModel modelClient,
            @Nullable List<ComponentModel> workbench,
            @Nullable ComponentModel modelContext,
            @Nullable String description,
            @Nullable String systemMessage,
            boolean modelClientStream,
            @Nullable Boolean reflectOnToolUse,
            @Nullable String toolCallSummaryFormat,
            int maxToolIterations,
            @Nullable Map<String, String> metadata) {
    }

    public record Assistant(String name, ModelClient modelClient, List<Workbench> workbench,
            @Nullable ChatCompletionContext modelContext, AssistantConfig settings)
            implements Agent, Component<AssistantConfig> {
        public ComponentProvider<?, AssistantConfig> componentProvider() {
            return new AssistantProvider();
        }

        public AssistantConfig toConfig() {
            return new AssistantConfig(name, modelClient.dumpComponent(),
                    workbench.stream().map(Workbench::dumpComponent).toList(),
                    modelContext == null ? null : modelContext.dumpComponent(), settings.description(),
                    settings.systemMessage(), settings.modelClientStream(), settings.reflectOnToolUse(),
                    settings.toolCallSummaryFormat(), settings.maxToolIterations(), settings.metadata());
        }
    }

    public static final class AssistantProvider extends AbstractComponentProvider<Assistant, AssistantConfig> {
        public AssistantProvider() {
            super("autogen_agentchat.agents.AssistantAgent", ComponentTypes.AGENT,
                    Assistant.class, AssistantConfig.class,
                    "An agent that provides assistance with tool use.\n    The :meth:`on_messages` returns a"
                            + " :class:`~autogen_agentchat.base.Response`\n    in which"
                            + " :attr:`~autogen_agentchat.base.Response.chat_message` is the final\n    response message.");
            withComponentVersion(2);
        }

        @Override
        public Assistant fromConfig(AssistantConfig config, ComponentContext context) {
            List<Workbench> workbench = config.workbench() == null ? List.of()
                    : context.loadAll(config.workbench(), Workbench.class);
            ChatCompletionContext modelContext = config.modelContext() == null ? null
                    : context.load(config.modelContext(), ChatCompletionContext.class);
            return new Assistant(config.name(), context.load(config.modelClient(), ModelClient.class), workbench,
                    modelContext, config);
        }

        /** Version 1 listed tools directly; version 2 puts them in a workbench. */
        @Override
        public ObjectNode upgradeConfig(ObjectNode config, int fromVersion) {
            if (fromVersion != 1) {
                return super.upgradeConfig(config, fromVersion);
            }
            ArrayNode tools = config.has("tools") ? (ArrayNode) config.remove("tools") : JsonNodeFactory.instance.arrayNode();
            ObjectNode workbench = new StaticStreamWorkbench(List.of()).dumpComponent().toJsonNode();
            ((ObjectNode) workbench.get("config")).set("tools", tools);
            config.putArray("workbench").add(workbench);
            return config;
        }
    }

    // ---- terminations

    public record TextMentionConfig(@JsonProperty(required = true) String text, @Nullable List<String> sources) {
        public TextMentionConfig {
            if (text != null && text.isEmpty()) {
                throw new IllegalArgumentException("text must not be empty");
            }
        }
    }

    public record TextMention(String text) implements Termination, Component<TextMentionConfig> {
        public ComponentProvider<?, TextMentionConfig> componentProvider() {
            return new TextMentionProvider();
        }

        public TextMentionConfig toConfig() {
            return new TextMentionConfig(text, null);
        }
    }

    public static final class TextMentionProvider extends AbstractComponentProvider<TextMention, TextMentionConfig> {
        public TextMentionProvider() {
            super("autogen_agentchat.conditions.TextMentionTermination", ComponentTypes.TERMINATION,
                    TextMention.class, TextMentionConfig.class,
                    "Terminate the conversation if a specific text is mentioned.");
        }

        @Override
        public TextMention fromConfig(TextMentionConfig config, ComponentContext context) {
            return new TextMention(config.text());
        }
    }

    public record MaxMessageConfig(@JsonProperty(required = true) int maxMessages, boolean includeAgentEvent) {
    }

    public record MaxMessage(int maxMessages, boolean includeAgentEvent)
            implements Termination, Component<MaxMessageConfig> {
        public MaxMessage {
            if (maxMessages < 1) {
                throw new IllegalArgumentException("max_messages must be at least 1, got " + maxMessages);
            }
        }

        public ComponentProvider<?, MaxMessageConfig> componentProvider() {
            return new MaxMessageProvider();
        }

        public MaxMessageConfig toConfig() {
            return new MaxMessageConfig(maxMessages, includeAgentEvent);
        }
    }

    public static final class MaxMessageProvider extends AbstractComponentProvider<MaxMessage, MaxMessageConfig> {
        public MaxMessageProvider() {
            super("autogen_agentchat.conditions.MaxMessageTermination", ComponentTypes.TERMINATION,
                    MaxMessage.class, MaxMessageConfig.class,
                    "Terminate the conversation after a maximum number of messages have been exchanged.");
        }

        @Override
        public MaxMessage fromConfig(MaxMessageConfig config, ComponentContext context) {
            return new MaxMessage(config.maxMessages(), config.includeAgentEvent());
        }
    }

    public record OrConfig(@JsonProperty(required = true) List<ComponentModel> conditions) {
    }

    public record Or(List<Termination> conditions) implements Termination, Component<OrConfig> {
        public ComponentProvider<?, OrConfig> componentProvider() {
            return new OrProvider();
        }

        public OrConfig toConfig() {
            return new OrConfig(conditions.stream().map(ComponentBase::dumpComponent).toList());
        }
    }

    public static final class OrProvider extends AbstractComponentProvider<Or, OrConfig> {
        public OrProvider() {
            super("autogen_agentchat.base.OrTerminationCondition", ComponentTypes.TERMINATION,
                    Or.class, OrConfig.class);
        }

        @Override
        public Or fromConfig(OrConfig config, ComponentContext context) {
            return new Or(context.loadAll(config.conditions(), Termination.class));
        }
    }

    // ---- team

    public record RoundRobinConfig(
            @Nullable String name,
            @Nullable String description,
            @JsonProperty(required = true) List<ComponentModel> participants,
            @Nullable ComponentModel terminationCondition,
            @Nullable Integer maxTurns,
            boolean emitTeamEvents) {
    }

    public record RoundRobin(String name, String description, List<Agent> participants,
            @Nullable Termination termination) implements Team, Component<RoundRobinConfig> {
        public ComponentProvider<?, RoundRobinConfig> componentProvider() {
            return new RoundRobinProvider();
        }

        public RoundRobinConfig toConfig() {
            return new RoundRobinConfig(name, description,
                    participants.stream().map(ComponentBase::dumpComponent).toList(),
                    termination == null ? null : termination.dumpComponent(), null, false);
        }
    }

    public static final class RoundRobinProvider extends AbstractComponentProvider<RoundRobin, RoundRobinConfig> {
        public RoundRobinProvider() {
            super("autogen_agentchat.teams.RoundRobinGroupChat", ComponentTypes.TEAM,
                    RoundRobin.class, RoundRobinConfig.class,
                    "A team that runs a group chat with participants taking turns in a round-robin fashion\n"
                            + "    to publish a message to all.");
            withAliases("autogen_agentchat.teams._group_chat._round_robin_group_chat.RoundRobinGroupChat");
        }

        @Override
        public RoundRobin fromConfig(RoundRobinConfig config, ComponentContext context) {
            List<Agent> participants = context.loadAll(config.participants(), Agent.class);
            Set<String> names = new HashSet<>();
            for (Agent agent : participants) {
                if (!names.add(agent.name())) {
                    throw context.invalid("participants", "participant names must be unique: '" + agent.name()
                            + "' appears twice");
                }
            }
            Termination termination = config.terminationCondition() == null ? null
                    : context.load(config.terminationCondition(), Termination.class);
            return new RoundRobin(config.name() == null ? "RoundRobinGroupChat" : config.name(),
                    config.description() == null ? "A team of agents." : config.description(), participants, termination);
        }
    }
}
