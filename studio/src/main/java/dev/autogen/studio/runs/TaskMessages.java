package dev.autogen.studio.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.MultiModalMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.Image;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The task of a {@code start} frame as messages, as Python Studio builds it: the text as a
 * {@link TextMessage} from {@code user}, then one message per attached file (an image as a
 * {@link MultiModalMessage}, a text or application file as a {@link TextMessage} of its decoded text).
 */
final class TaskMessages {
    private TaskMessages() {
    }

    /**
     * The messages of {@code task} and {@code files}.
     *
     * @throws IllegalArgumentException if a file is not base64 or not a JSON object
     */
    static List<BaseChatMessage> of(String task, JsonNode files) {
        List<BaseChatMessage> messages = new ArrayList<>();
        messages.add(new TextMessage(task, "user"));
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            String name = file.path("name").asText("file " + (i + 1));
            String type = file.path("type").asText("");
            byte[] content;
            try {
                content = Base64.getDecoder().decode(file.path("content").asText(""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("file '" + name + "' is not base64-encoded", e);
            }
            if (type.startsWith("image/")) {
                messages.add(new MultiModalMessage(List.of("Image: " + name, Image.fromBytes(content, type)), "user"));
            } else {
                messages.add(new TextMessage(new String(content, StandardCharsets.UTF_8), "user"));
            }
        }
        return messages;
    }

    /** The run's {@code task} field: {@code {"source": "user", "content": [dumps], "message_type": "text"}}. */
    static ObjectNode json(List<BaseChatMessage> messages) {
        ObjectNode task = JsonNodeFactory.instance.objectNode().put("source", "user");
        var content = task.putArray("content");
        messages.forEach(m -> content.add(Frames.dump(m)));
        return task.put("message_type", "text");
    }
}
