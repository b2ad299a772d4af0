package dev.autogen.ext.code_executors.jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.serialization.AutogenJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WireCodecTest {
    private final WireCodec codec = new WireCodec("secret-key");

    @Test
    void signsTheFourJsonFramesWithHmacSha256AndReadsThemBack() throws Exception {
        JupyterMessage message = JupyterMessage.request("session-1", "execute_request",
                AutogenJson.mapper().createObjectNode().put("code", "print(1)"));

        List<byte[]> frames = codec.encode(message);

        assertThat(new String(frames.get(0), StandardCharsets.US_ASCII)).isEqualTo("<IDS|MSG>");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("secret-key".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        for (int i = 2; i < 6; i++) {
            mac.update(frames.get(i));
        }
        assertThat(new String(frames.get(1), StandardCharsets.US_ASCII))
                .isEqualTo(java.util.HexFormat.of().formatHex(mac.doFinal()));
        assertThat(message.header().path("version").asText()).isEqualTo("5.3");

        List<byte[]> routed = new ArrayList<>(frames);
        routed.add(0, "identity".getBytes(StandardCharsets.US_ASCII));
        JupyterMessage decoded = codec.decode(routed);
        assertThat(decoded.msgType()).isEqualTo("execute_request");
        assertThat(decoded.msgId()).isEqualTo(message.msgId());
        assertThat(decoded.get("code").asText()).isEqualTo("print(1)");
    }

    @Test
    void rejectsTamperedAndMalformedMessages() {
        List<byte[]> frames = new ArrayList<>(codec.encode(JupyterMessage.request("s", "kernel_info_request",
                AutogenJson.mapper().createObjectNode())));
        frames.set(5, "{\"code\": \"import os\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> codec.decode(frames)).hasMessageContaining("invalid HMAC signature");
        assertThatThrownBy(() -> codec.decode(List.of("x".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("not a Jupyter message");
    }
}
