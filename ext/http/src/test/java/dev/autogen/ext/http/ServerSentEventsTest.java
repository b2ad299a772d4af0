package dev.autogen.ext.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {
    @Test
    void readsNamedEventsMultiLineDataAndSkipsComments() throws IOException {
        String body = ": keep-alive\nevent: message_start\ndata: {\"a\":1}\n\ndata: one\ndata:two\n\n\nevent: ping\n\ndata: last";
        var events = new ServerSentEvents(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(events.next()).isEqualTo(new ServerSentEvents.Event("message_start", "{\"a\":1}"));
        assertThat(events.next()).isEqualTo(new ServerSentEvents.Event(null, "one\ntwo"));
        assertThat(events.next()).as("a name without data is no event; the trailing event needs no blank line")
                .isEqualTo(new ServerSentEvents.Event(null, "last"));
        assertThat(events.next()).isNull();
    }
}
