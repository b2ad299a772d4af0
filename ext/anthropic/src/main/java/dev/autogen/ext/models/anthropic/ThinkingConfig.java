package dev.autogen.ext.models.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Claude's extended thinking, sent as the request's {@code thinking} field; the thinking text comes
 * back as {@link dev.autogen.core.models.CreateResult#thought()}. JSON as Python's
 * {@code ThinkingConfig}: {@code {"type": "enabled", "budget_tokens": 2000}}.
 *
 * <pre>{@code
 * var client = AnthropicChatCompletionClient.builder("claude-sonnet-4-20250514")
 *         .thinking(ThinkingConfig.enabled(2000))
 *         .build();
 * }</pre>
 *
 * @param type {@code enabled} or {@code disabled}
 * @param budgetTokens how many tokens the model may spend thinking; required when enabled (the API
 *     wants at least 1024, less than {@code max_tokens})
 */
@JsonPropertyOrder({"type", "budget_tokens"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThinkingConfig(@JsonProperty(required = true) String type, @Nullable Integer budgetTokens) {
    public ThinkingConfig {
        Objects.requireNonNull(type, "type");
        if (!type.equals("enabled") && !type.equals("disabled")) {
            throw new IllegalArgumentException("thinking.type must be 'enabled' or 'disabled', got '" + type + "'");
        }
        if (type.equals("enabled") && budgetTokens == null) {
            throw new IllegalArgumentException("thinking.budget_tokens is required when thinking.type is 'enabled'");
        }
        if (budgetTokens != null && budgetTokens <= 0) {
            throw new IllegalArgumentException("thinking.budget_tokens must be positive, got " + budgetTokens);
        }
    }

    /** Thinking on, with a budget of {@code budgetTokens}. */
    public static ThinkingConfig enabled(int budgetTokens) {
        return new ThinkingConfig("enabled", budgetTokens);
    }

    /** Thinking off. */
    public static ThinkingConfig disabled() {
        return new ThinkingConfig("disabled", null);
    }

    /** Whether thinking is on. */
    @JsonIgnore
    public boolean isEnabled() {
        return type.equals("enabled");
    }
}
