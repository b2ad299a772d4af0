package dev.autogen.ext.code_executors.jupyter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns {@link JupyterMessage}s into ZeroMQ frames and back, as the Jupyter wire protocol says:
 * {@code [identities..., "<IDS|MSG>", hmac, header, parent_header, metadata, content, buffers...]},
 * where {@code hmac} is the hex HMAC-SHA256, keyed with the connection key, of the four JSON
 * frames. Received messages with a wrong signature are rejected.
 */
final class WireCodec {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = AutogenJson.mapper();

    private final SecretKeySpec key;

    WireCodec(String key) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
    }

    /** The frames to send for {@code message} (no identities: clients use DEALER sockets). */
    List<byte[]> encode(JupyterMessage message) {
        byte[] header = bytes(message.header());
        byte[] parent = bytes(message.parentHeader());
        byte[] metadata = bytes(message.metadata());
        byte[] content = bytes(message.content());
        byte[] signature = sign(header, parent, metadata, content).getBytes(StandardCharsets.US_ASCII);
        return List.of(DELIMITER, signature, header, parent, metadata, content);
    }

    /**
     * The message in {@code frames}.
     *
     * @throws IllegalArgumentException if the frames are not a Jupyter message or the signature is
     *     wrong
     */
    JupyterMessage decode(List<byte[]> frames) {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            throw new IllegalArgumentException("not a Jupyter message: " + frames.size() + " frames, delimiter at "
                    + delimiter);
        }
        byte[] signature = frames.get(delimiter + 1);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        byte[] expected = sign(header, parent, metadata, content).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new IllegalArgumentException("Jupyter message with an invalid HMAC signature");
        }
        return new JupyterMessage(object(header), object(parent), object(metadata), object(content));
    }

    String sign(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(part);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON object node", e);
        }
    }

    private static ObjectNode object(byte[] frame) {
        try {
            JsonNode node = JSON.readTree(frame);
            if (node instanceof ObjectNode object) {
                return object;
            }
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JSON.createObjectNode();
            }
            throw new IllegalArgumentException("Jupyter message part is not a JSON object: " + node);
        } catch (IOException e) {
            throw new IllegalArgumentException("Jupyter message part is not JSON: " + e.getMessage(), e);
        }
    }
}
