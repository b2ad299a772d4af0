package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.utils.PythonText;
import org.jspecify.annotations.Nullable;

/**
 * Prints messages the way the documentation's {@code print(message)} lines show them
 * ({@code source='assistant' models_usage=None content='Two' type='ModelClientStreamingChunkEvent'}),
 * so the examples' output can be compared with Python AutoGen's docs.
 */
final class PythonRepr {
    private PythonRepr() {
    }

    /** The message as Python 0.4 prints it: source, usage, text content and type. */
    static String of(BaseMessage message) {
        return "source=" + PythonText.repr(message.source())
                + " models_usage=" + usage(message.modelsUsage())
                + " content=" + PythonText.repr(message.toText())
                + " type=" + PythonText.repr(message.type());
    }

    static String usage(@Nullable RequestUsage usage) {
        return usage == null ? "None" : PythonText.reprObject("RequestUsage",
                "prompt_tokens", usage.promptTokens(), "completion_tokens", usage.completionTokens());
    }
}
