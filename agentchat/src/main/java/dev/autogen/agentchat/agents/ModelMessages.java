package dev.autogen.agentchat.agents;

import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import java.util.ArrayList;
import java.util.List;

/** Helpers for the messages agents send to models. */
final class ModelMessages {
    private ModelMessages() {
    }

    /** Replaces images by {@code <image>} for models without vision, as Python's {@code remove_images}. */
    static List<LLMMessage> compatible(ChatCompletionClient client, List<LLMMessage> messages) {
        if (client.modelInfo().vision()) {
            return messages;
        }
        List<LLMMessage> result = new ArrayList<>(messages.size());
        for (LLMMessage message : messages) {
            if (message instanceof UserMessage user && user.content() instanceof UserContent.Multi multi) {
                List<String> parts = multi.parts().stream().map(p -> p instanceof String s ? s : "<image>").toList();
                result.add(new UserMessage(String.join("\n", parts), user.source()));
            } else {
                result.add(message);
            }
        }
        return result;
    }
}
