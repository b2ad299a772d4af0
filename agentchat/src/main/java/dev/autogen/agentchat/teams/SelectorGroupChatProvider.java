package dev.autogen.agentchat.teams;

import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.model_context.ChatCompletionContext;
import dev.autogen.core.models.ChatCompletionClient;

/** Loads and writes {@link SelectorGroupChat} configs ({@code autogen_agentchat.teams.SelectorGroupChat}). */
public final class SelectorGroupChatProvider
        extends AbstractComponentProvider<SelectorGroupChat, SelectorGroupChatConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public SelectorGroupChatProvider() {
        super(SelectorGroupChat.PROVIDER, ComponentTypes.TEAM, SelectorGroupChat.class, SelectorGroupChatConfig.class,
                "A group chat team that have participants takes turn to publish a message\n    to all, using a "
                        + "ChatCompletion model to select the next speaker after each message.");
    }

    @Override
    public SelectorGroupChat fromConfig(SelectorGroupChatConfig config, ComponentContext context) {
        if (config.modelClient() == null) {
            throw context.invalid("model_client", "a SelectorGroupChat needs the model client that selects speakers");
        }
        if (config.selectorPrompt() == null) {
            throw context.invalid("selector_prompt", "is required (Python's default prompt is "
                    + "SelectorGroupChat.DEFAULT_SELECTOR_PROMPT)");
        }
        if (config.allowRepeatedSpeaker() == null) {
            throw context.invalid("allow_repeated_speaker", "is required (true or false)");
        }
        var builder = SelectorGroupChat.builder(TeamComponents.loadParticipants(config.participants(), context),
                        context.load(config.modelClient(), ChatCompletionClient.class, "model_client"))
                .terminationCondition(TeamComponents.loadTermination(config.terminationCondition(), context))
                .maxTurns(config.maxTurns())
                .selectorPrompt(config.selectorPrompt())
                .allowRepeatedSpeaker(config.allowRepeatedSpeaker())
                .emitTeamEvents(Boolean.TRUE.equals(config.emitTeamEvents()))
                .modelClientStreaming(Boolean.TRUE.equals(config.modelClientStreaming()));
        if (config.maxSelectorAttempts() != null) {
            builder.maxSelectorAttempts(config.maxSelectorAttempts());
        }
        if (config.modelContext() != null) {
            builder.modelContext(context.load(config.modelContext(), ChatCompletionContext.class, "model_context"));
        }
        if (config.name() != null) {
            builder.name(config.name());
        }
        if (config.description() != null) {
            builder.description(config.description());
        }
        return TeamComponents.build(context, builder, builder::build);
    }
}
