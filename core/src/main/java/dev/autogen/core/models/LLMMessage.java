package dev.autogen.core.models;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message in a model's context: the union of {@link SystemMessage}, {@link UserMessage},
 * {@link AssistantMessage} and {@link FunctionExecutionResultMessage}, told apart in JSON by the
 * {@code "type"} field holding the Python class name.
 *
 * <!-- java-context: import java.util.List; -->
 * <pre>{@code
 * List<LLMMessage> context = List.of(
 *         new SystemMessage("You are a helpful assistant."),
 *         new UserMessage("What is the capital of France?", "user"));
 * String asked = switch (context.get(1)) {
 *     case UserMessage u -> u.content().toString();
 *     default -> "";
 * };
 * }</pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SystemMessage.class, name = "SystemMessage"),
    @JsonSubTypes.Type(value = UserMessage.class, name = "UserMessage"),
    @JsonSubTypes.Type(value = AssistantMessage.class, name = "AssistantMessage"),
    @JsonSubTypes.Type(value = FunctionExecutionResultMessage.class, name = "FunctionExecutionResultMessage")
})
public sealed interface LLMMessage
        permits SystemMessage, UserMessage, AssistantMessage, FunctionExecutionResultMessage {

    /** The discriminator written to JSON: the Python class name, e.g. {@code "UserMessage"}. */
    String type();
}
