package dev.autogen.ext.tools.mcp;

import dev.autogen.core.Image;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Answers an MCP server's {@code sampling/createMessage} requests with a chat completion client, as
 * Python's workbench does when given a {@code model_client}: the system prompt and messages go to
 * the model, and its text comes back as the assistant's message.
 */
final class McpSampler implements Function<McpSchema.CreateMessageRequest, McpSchema.CreateMessageResult> {
    private final ChatCompletionClient modelClient;

    McpSampler(ChatCompletionClient modelClient) {
        this.modelClient = modelClient;
    }

    @Override
    public McpSchema.CreateMessageResult apply(McpSchema.CreateMessageRequest request) {
        List<LLMMessage> messages = new ArrayList<>();
        if (request.systemPrompt() != null && !request.systemPrompt().isBlank()) {
            messages.add(new SystemMessage(request.systemPrompt()));
        }
        for (McpSchema.SamplingMessage message : request.messages()) {
            messages.add(toLlm(message));
        }
        CreateResult result = modelClient.create(messages);
        if (!(result.content() instanceof ModelContent.Text text)) {
            throw new IllegalStateException("the model answered the MCP server's sampling request with function calls,"
                    + " which MCP sampling cannot carry");
        }
        McpSchema.CreateMessageResult.StopReason stop = switch (result.finishReason()) {
            case STOP -> McpSchema.CreateMessageResult.StopReason.END_TURN;
            case LENGTH -> McpSchema.CreateMessageResult.StopReason.MAX_TOKENS;
            default -> McpSchema.CreateMessageResult.StopReason.UNKNOWN;
        };
        return new McpSchema.CreateMessageResult(McpSchema.Role.ASSISTANT, new McpSchema.TextContent(text.text()),
                modelClient.modelInfo().family(), stop);
    }

    private static LLMMessage toLlm(McpSchema.SamplingMessage message) {
        Object part = switch (message.content()) {
            case McpSchema.TextContent t -> t.text();
            case McpSchema.ImageContent i -> Image.fromBytes(Base64.getMimeDecoder().decode(i.data()), i.mimeType());
            default -> McpConversions.json(message.content());
        };
        if (message.role() == McpSchema.Role.ASSISTANT) {
            return new AssistantMessage(part instanceof String s ? s : McpConversions.json(message.content()), "assistant");
        }
        return part instanceof String s ? new UserMessage(s, "user") : UserMessage.of("user", part);
    }
}
