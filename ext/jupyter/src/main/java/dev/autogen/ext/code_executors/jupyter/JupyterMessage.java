package dev.autogen.ext.code_executors.jupyter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One message of the Jupyter messaging protocol (version 5.3): header, parent header, metadata and
 * content, each a JSON object.
 */
record JupyterMessage(ObjectNode header, ObjectNode parentHeader, ObjectNode metadata, ObjectNode content) {
    static final String PROTOCOL_VERSION = "5.3";

    JupyterMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(parentHeader, "parentHeader");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(content, "content");
    }

    /** A new request of {@code msgType} from {@code session}, with a fresh message id. */
    static JupyterMessage request(String session, String msgType, ObjectNode content) {
        ObjectNode header = AutogenJson.mapper().createObjectNode()
                .put("msg_id", UUID.randomUUID().toString())
                .put("username", "autogen")
                .put("session", session)
                .put("date", Instant.now().toString())
                .put("msg_type", msgType)
                .put("version", PROTOCOL_VERSION);
        return new JupyterMessage(header, AutogenJson.mapper().createObjectNode(),
                AutogenJson.mapper().createObjectNode(), content);
    }

    String msgId() {
        return header.path("msg_id").asText();
    }

    String msgType() {
        return header.path("msg_type").asText();
    }

    /** The id of the request this message answers; empty when it answers none. */
    String parentMsgId() {
        return parentHeader.path("msg_id").asText();
    }

    JsonNode get(String contentField) {
        return content.path(contentField);
    }
}
