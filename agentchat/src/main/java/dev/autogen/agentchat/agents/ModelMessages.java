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

    /**
     * Replaces images by {@code <image>} for models without vision, as Python's {@code remove_images};
     * {@code messages} itself when there is nothing to replace.
     */
    static List<LLMMessage> compatible(ChatCompletionClient client, List<LLMMessage> messages) {
        if (client.modelInfo().vision() || !anyImages(messages)) {
            return messages;
        }
        List<LLMMessage> result = new ArrayList<>(messages.size());
        for (LLMMessage message : messages) {
            if (hasImages(message)) {
                UserMessage user = (UserMessage) message;
                UserContent.Multi multi = (UserContent.Multi) user.content();
                List<String> parts = multi.parts().stream().map(p -> p instanceof String s ? s : "<image>").toList();
                result.add(new UserMessage(String.join("\n", parts), user.source()));
            } else {
                result.add(message);
            }
        }
        return result;
    }

    private static boolean anyImages(List<LLMMessage> messages) {
        for (LLMMessage message : messages) {
            if (hasImages(message)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasImages(LLMMessage message) {
        return message instanceof UserMessage user && user.content() instanceof UserContent.Multi;
    }
}
