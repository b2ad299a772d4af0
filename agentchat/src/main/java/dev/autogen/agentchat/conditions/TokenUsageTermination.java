package dev.autogen.agentchat.conditions;

import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.models.RequestUsage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Stops the run once the tokens reported in messages' {@link BaseMessage#modelsUsage()} reach a
 * limit: total (prompt + completion), prompt or completion tokens, summed since the last reset.
 * Messages without usage count nothing, so the agents must report usage (AssistantAgent does).
 *
 * <pre>{@code
 * var budget = TokenUsageTermination.builder().maxTotalToken(10_000).build();
 * // stop reason: "Token usage limit reached, total token count: 10240, prompt token count: 9000, completion token count: 1240."
 * }</pre>
 *
 * <p>Component provider {@code autogen_agentchat.conditions.TokenUsageTermination}, config
 * {@code {"max_total_token": 10000}} (unset limits are left out, as Python writes them).
 */
public final class TokenUsageTermination implements TerminationCondition, Component<TokenUsageTermination.Config> {
    /** The provider string Python AutoGen uses. */
    public static final String PROVIDER = "autogen_agentchat.conditions.TokenUsageTermination";

    private static final ComponentProvider<TokenUsageTermination, Config> COMPONENT_PROVIDER = new Provider();

    private final @Nullable Integer maxTotalToken;
    private final @Nullable Integer maxPromptToken;
    private final @Nullable Integer maxCompletionToken;
    private volatile long totalTokenCount;
    private volatile long promptTokenCount;
    private volatile long completionTokenCount;

    /**
     * A condition with the given limits; null means no limit of that kind.
     *
     * @throws IllegalArgumentException if all limits are null, or one is below 1
     */
    public TokenUsageTermination(@Nullable Integer maxTotalToken, @Nullable Integer maxPromptToken,
            @Nullable Integer maxCompletionToken) {
        if (maxTotalToken == null && maxPromptToken == null && maxCompletionToken == null) {
            throw new IllegalArgumentException(
                    "At least one of max_total_token, max_prompt_token, or max_completion_token must be provided");
        }
        this.maxTotalToken = positive(maxTotalToken, "max_total_token");
        this.maxPromptToken = positive(maxPromptToken, "max_prompt_token");
        this.maxCompletionToken = positive(maxCompletionToken, "max_completion_token");
    }

    /** A builder; set at least one limit. */
    public static Builder builder() {
        return new Builder();
    }

    /** The total (prompt + completion) token limit, or null. */
    public @Nullable Integer maxTotalToken() {
        return maxTotalToken;
    }

    /** The prompt token limit, or null. */
    public @Nullable Integer maxPromptToken() {
        return maxPromptToken;
    }

    /** The completion token limit, or null. */
    public @Nullable Integer maxCompletionToken() {
        return maxCompletionToken;
    }

    @Override
    public boolean terminated() {
        return (maxTotalToken != null && totalTokenCount >= maxTotalToken)
                || (maxPromptToken != null && promptTokenCount >= maxPromptToken)
                || (maxCompletionToken != null && completionTokenCount >= maxCompletionToken);
    }

    @Override
    public @Nullable StopMessage check(List<? extends BaseMessage> messages) {
        if (terminated()) {
            throw Conditions.alreadyReached();
        }
        long prompt = promptTokenCount;
        long completion = completionTokenCount;
        for (BaseMessage message : messages) {
            RequestUsage usage = message.modelsUsage();
            if (usage != null) {
                prompt += usage.promptTokens();
                completion += usage.completionTokens();
            }
        }
        promptTokenCount = prompt;
        completionTokenCount = completion;
        totalTokenCount = prompt + completion;
        if (terminated()) {
            return new StopMessage("Token usage limit reached, total token count: " + (prompt + completion)
                    + ", prompt token count: " + prompt + ", completion token count: " + completion + ".",
                    "TokenUsageTermination");
        }
        return null;
    }

    @Override
    public void reset() {
        totalTokenCount = 0;
        promptTokenCount = 0;
        completionTokenCount = 0;
    }

    @Override
    public ComponentProvider<?, Config> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    @Override
    public Config toConfig() {
        return new Config(maxTotalToken, maxPromptToken, maxCompletionToken);
    }

    @Override
    public String toString() {
        return "TokenUsageTermination[maxTotalToken=" + maxTotalToken + ", maxPromptToken=" + maxPromptToken
                + ", maxCompletionToken=" + maxCompletionToken + "]";
    }

    private static @Nullable Integer positive(@Nullable Integer limit, String name) {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 (or null for no limit), got " + limit);
        }
        return limit;
    }

    /** Builds a {@link TokenUsageTermination}; unset limits mean no limit of that kind. */
    public static final class Builder {
        private @Nullable Integer maxTotalToken;
        private @Nullable Integer maxPromptToken;
        private @Nullable Integer maxCompletionToken;

        private Builder() {
        }

        /** Stops once prompt plus completion tokens reach {@code limit}. */
        public Builder maxTotalToken(int limit) {
            this.maxTotalToken = positive(limit, "max_total_token");
            return this;
        }

        /** Stops once prompt tokens reach {@code limit}. */
        public Builder maxPromptToken(int limit) {
            this.maxPromptToken = positive(limit, "max_prompt_token");
            return this;
        }

        /** Stops once completion tokens reach {@code limit}. */
        public Builder maxCompletionToken(int limit) {
            this.maxCompletionToken = positive(limit, "max_completion_token");
            return this;
        }

        /**
         * The condition.
         *
         * @throws IllegalArgumentException if no limit was set
         */
        public TokenUsageTermination build() {
            return new TokenUsageTermination(maxTotalToken, maxPromptToken, maxCompletionToken);
        }
    }

    /**
     * The config, Python's {@code TokenUsageTerminationConfig}; at least one limit must be set.
     *
     * @param maxTotalToken the total token limit, or null
     * @param maxPromptToken the prompt token limit, or null
     * @param maxCompletionToken the completion token limit, or null
     */
    public record Config(@Nullable Integer maxTotalToken, @Nullable Integer maxPromptToken,
            @Nullable Integer maxCompletionToken) {
    }

    /** Loads and writes {@code autogen_agentchat.conditions.TokenUsageTermination} configs. */
    public static final class Provider extends AbstractComponentProvider<TokenUsageTermination, Config> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.TERMINATION, TokenUsageTermination.class, Config.class,
                    "Terminate the conversation if a token usage limit is reached.");
            withAliases("autogen_agentchat.conditions._terminations.TokenUsageTermination",
                    TokenUsageTermination.class.getName());
        }

        @Override
        public TokenUsageTermination fromConfig(Config config, ComponentContext context) {
            if (config.maxTotalToken() == null && config.maxPromptToken() == null
                    && config.maxCompletionToken() == null) {
                throw context.invalid("", "set at least one of max_total_token, max_prompt_token, "
                        + "max_completion_token");
            }
            return new TokenUsageTermination(config.maxTotalToken(), config.maxPromptToken(),
                    config.maxCompletionToken());
        }
    }
}
