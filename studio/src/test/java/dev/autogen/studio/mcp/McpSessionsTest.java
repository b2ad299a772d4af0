package dev.autogen.studio.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.ext.tools.mcp.StreamableHttpServerParams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registered MCP servers are taken once, expire, and cannot pile up. */
class McpSessionsTest {
    private static final StreamableHttpServerParams PARAMS = new StreamableHttpServerParams("http://127.0.0.1:1/mcp");

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRegistrationIsTakenOnceAndExpires() {
        var clock = new TestClock();
        var sessions = new McpSessions(clock);
        String id = sessions.register(PARAMS, "u");
        assertThat(sessions.take(id)).hasValueSatisfying(p -> {
            assertThat(p.params()).isEqualTo(PARAMS);
            assertThat(p.userId()).isEqualTo("u");
        });
        assertThat(sessions.take(id)).as("taken once").isEmpty();

        String late = sessions.register(PARAMS, "u");
        clock.now = clock.now.plus(McpSessions.PENDING_TTL).plus(Duration.ofSeconds(1));
        assertThat(sessions.take(late)).as("expired").isEmpty();
    }

    @Test
    void atMostMaxPendingWaitTheOldestDropped() {
        var sessions = new McpSessions(new TestClock());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= McpSessions.MAX_PENDING; i++) {
            ids.add(sessions.register(PARAMS, "u"));
        }
        assertThat(sessions.take(ids.get(0))).as("the oldest was dropped").isEmpty();
        assertThat(sessions.take(ids.get(1))).isPresent();
        assertThat(sessions.take(ids.getLast())).isPresent();
    }

    @Test
    void statusFollowsTheSocket() {
        var clock = new TestClock();
        var sessions = new McpSessions(clock);
        assertThat(sessions.status("s")).isEmpty();
        sessions.connected("s", null);
        clock.now = clock.now.plusSeconds(5);
        assertThat(sessions.status("s")).hasValueSatisfying(a ->
                assertThat(Duration.between(a.createdAt(), a.lastActivity())).isEqualTo(Duration.ofSeconds(5)));
        sessions.ended("s");
        assertThat(sessions.status("s")).isEmpty();
    }
}
