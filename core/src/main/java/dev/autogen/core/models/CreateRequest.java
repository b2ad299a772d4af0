package dev.autogen.core.models;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.core.utils.AppendOnlyList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of one {@link ChatCompletionClient#create} or {@link ChatCompletionClient#createStream}
 * call, which Python passes as keyword arguments.
 *
 * <!-- java-context: import dev.autogen.core.CancellationToken; import dev.autogen.core.tools.Tool;
 *      CancellationToken token; List<LLMMessage> messages; Tool weatherTool; -->
 * <pre>{@code
 * var request = CreateRequest.builder(messages)
 *         .tools(List.of(weatherTool))
 *         .toolChoice(ToolChoice.REQUIRED)
 *         .extraCreateArg("temperature", 0.2)
 *         .cancellationToken(token)
 *         .build();
 * }</pre>
 *
 * @param messages the context to send, oldest first
 * @param tools the tools the model may call
 * @param toolChoice whether and which tool the model must call
 * @param jsonOutput JSON mode or structured output; null to use the client's default
 * @param extraCreateArgs provider-specific arguments passed through to the underlying API
 * @param cancellationToken cancels the call; null if not cancellable
 */
public record CreateRequest(
        List<LLMMessage> messages,
        List<ToolSchema> tools,
        ToolChoice toolChoice,
        @Nullable JsonOutput jsonOutput,
        Map<String, Object> extraCreateArgs,
        @Nullable CancellationToken cancellationToken) {

    public CreateRequest {
        messages = AppendOnlyList.immutable(messages);
        tools = List.copyOf(tools);
        Objects.requireNonNull(toolChoice, "toolChoice");
        extraCreateArgs = extraCreateArgs.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extraCreateArgs));
        if (toolChoice instanceof ToolChoice.Named named
                && tools.stream().noneMatch(t -> t.name().equals(named.name()))) {
            throw new IllegalArgumentException("tool_choice names tool '" + named.name()
                    + "', which is not among the request's tools " + tools.stream().map(ToolSchema::name).toList());
        }
    }

    /** A request with only messages. */
    public static CreateRequest of(List<? extends LLMMessage> messages) {
        return builder(messages).build();
    }

    /** A builder starting from {@code messages}. */
    public static Builder builder(List<? extends LLMMessage> messages) {
        return new Builder(messages);
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        return new Builder(messages).toolSchemas(tools).toolChoice(toolChoice).jsonOutput(jsonOutput)
                .extraCreateArgs(extraCreateArgs).cancellationToken(cancellationToken);
    }

    /** The {@link CancellationToken} to honour, or a fresh one that is never cancelled. */
    public CancellationToken cancellationTokenOrNew() {
        return cancellationToken != null ? cancellationToken : new CancellationToken();
    }

    /** Builds a {@link CreateRequest}; every value but the messages is optional. */
    public static final class Builder {
        private final List<LLMMessage> messages;
        private final List<ToolSchema> tools = new ArrayList<>();
        private ToolChoice toolChoice = ToolChoice.AUTO;
        private @Nullable JsonOutput jsonOutput;
        private final Map<String, Object> extraCreateArgs = new LinkedHashMap<>();
        private @Nullable CancellationToken cancellationToken;

        private Builder(List<? extends LLMMessage> messages) {
            this.messages = AppendOnlyList.immutable(messages);
        }

        /** Adds tools (their schemas are sent). */
        public Builder tools(Collection<? extends Tool> newTools) {
            newTools.forEach(t -> tools.add(t.schema()));
            return this;
        }

        /** Adds tool schemas. */
        public Builder toolSchemas(Collection<ToolSchema> schemas) {
            tools.addAll(schemas);
            return this;
        }

        /** Sets the tool choice (default {@link ToolChoice#AUTO}). */
        public Builder toolChoice(ToolChoice choice) {
            this.toolChoice = Objects.requireNonNull(choice, "toolChoice");
            return this;
        }

        /** Requires the model to call {@code tool}, adding it to the tools if absent. */
        public Builder toolChoice(Tool tool) {
            if (tools.stream().noneMatch(t -> t.name().equals(tool.name()))) {
                tools.add(tool.schema());
            }
            this.toolChoice = ToolChoice.tool(tool.name());
            return this;
        }

        /** Sets JSON mode or structured output; null means the client's default. */
        public Builder jsonOutput(@Nullable JsonOutput output) {
            this.jsonOutput = output;
            return this;
        }

        /** Turns JSON mode on or off. */
        public Builder jsonOutput(boolean jsonMode) {
            this.jsonOutput = jsonMode ? JsonOutput.JSON_MODE : JsonOutput.TEXT;
            return this;
        }

        /** Asks for structured output matching {@code type}'s JSON schema. */
        public Builder jsonOutput(Class<?> type) {
            this.jsonOutput = JsonOutput.structured(type);
            return this;
        }

        /** Adds one provider-specific argument, e.g. {@code temperature}. */
        public Builder extraCreateArg(String name, Object value) {
            extraCreateArgs.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds provider-specific arguments. */
        public Builder extraCreateArgs(Map<String, ?> args) {
            extraCreateArgs.putAll(args);
            return this;
        }

        /** Sets the token that cancels the call. */
        public Builder cancellationToken(@Nullable CancellationToken token) {
            this.cancellationToken = token;
            return this;
        }

        /**
         * Builds the request.
         *
         * @throws IllegalArgumentException if the tool choice names a tool not among the tools
         */
        public CreateRequest build() {
            return new CreateRequest(messages, tools, toolChoice, jsonOutput, extraCreateArgs, cancellationToken);
        }
    }
}
