package dev.autogen.ext.tools.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link McpClientSession} answers when its server asks, and whom it tells what the server
 * announces. Each handler is optional: without a sampler or an elicitation handler the client does not
 * offer that capability; without a listener notifications are only logged at debug level. Handlers are
 * called on the SDK's threads and may block.
 *
 * @param sampler answers {@code sampling/createMessage}; null to not offer sampling
 * @param elicitation answers {@code elicitation/create} (form mode); null to not offer elicitation
 * @param notifications hears the server's notifications; null for none
 */
public record McpClientHandlers(
        @Nullable Function<McpSchema.CreateMessageRequest, McpSchema.CreateMessageResult> sampler,
        @Nullable Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> elicitation,
        @Nullable NotificationListener notifications) {

    /** No sampling, no elicitation, notifications only logged. */
    public static final McpClientHandlers NONE = new McpClientHandlers(null, null, null);

    /** Hears a server's notifications. */
    @FunctionalInterface
    public interface NotificationListener {
        /**
         * One notification.
         *
         * @param method the MCP method, e.g. {@code notifications/message} (a log message),
         *     {@code notifications/progress}, {@code notifications/tools/list_changed}
         * @param params what came with it: the SDK's notification record, or for a list change the new
         *     list (of tools, resources or prompts)
         */
        void onNotification(String method, Object params);
    }
}
