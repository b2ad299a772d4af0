package dev.autogen.agentchat.agents;

import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.utils.AppendOnlyList;
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
        return compatible(client, messages, new ImageScan());
    }

    /** As {@link #compatible(ChatCompletionClient, List)}, looking only at what {@code scan} has not seen. */
    static List<LLMMessage> compatible(ChatCompletionClient client, List<LLMMessage> messages, ImageScan scan) {
        if (client.modelInfo().vision() || !scan.anyImages(messages)) {
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

    /**
     * Remembers the longest history known to hold no image, so that an agent's growing history (a
     * snapshot that only gains messages) is looked at once, not on every call.
     */
    static final class ImageScan {
        private List<LLMMessage> imageFree = List.of();

        boolean anyImages(List<LLMMessage> messages) {
            int from = AppendOnlyList.extendsSnapshot(messages, imageFree) ? imageFree.size() : 0;
            for (int i = from; i < messages.size(); i++) {
                if (hasImages(messages.get(i))) {
                    imageFree = List.of();
                    return true;
                }
            }
            imageFree = messages;
            return false;
        }
    }

    private static boolean hasImages(LLMMessage message) {
        return message instanceof UserMessage user && user.content() instanceof UserContent.Multi;
    }
}
