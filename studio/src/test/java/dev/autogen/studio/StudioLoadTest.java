package dev.autogen.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.ext.models.openai.OpenAIChatCompletionClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 concurrent WebSocket runs of a two-agent team (a writer and a critic on an OpenAI-format model
 * server with 50 ms per call) against one Studio on loopback. It checks that nothing is lost: every
 * run ends with a result, and every run's stored messages equal the message frames its socket
 * received. It prints throughput, frame latency (message creation to receipt) and the JVM's peak
 * heap (server and clients share it) for docs/benchmarks.md; it asserts no timing.
 */
class StudioLoadTest {
    static final int RUNS = 200;

    @TempDir
    Path dir;

    /** The server's config: SQLite in the app dir here, PostgreSQL in {@link PostgresStudioTest}. */
    StudioConfig config() throws Exception {
        return StudioConfig.defaults(dir);
    }

    /** One run's socket: its frames, and when each message frame arrived. */
    static final class RunClient implements WebSocket.Listener {
        final List<JsonNode> frames = Collections.synchronizedList(new ArrayList<>());
        final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                Instant now = Instant.now();
                try {
                    JsonNode frame = dev.autogen.core.serialization.AutogenJson.mapper().readTree(partial.toString());
                    frames.add(frame);
                    String type = frame.path("type").asText();
                    if (type.equals("message")) {
                        Instant created = Instant.parse(frame.at("/data/created_at").asText());
                        latenciesMicros.add(Duration.between(created, now).toNanos() / 1000);
                    } else if (type.equals("result") || type.equals("completion") || type.equals("error")) {
                        done.complete(null);
                    }
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            done.completeExceptionally(error);
        }
    }

    @Test
    void twoHundredConcurrentRunsLoseNothing() throws Exception {
        try (var model = new FakeOpenAI(Duration.ofMillis(50));
                var studio = new TestStudio(config())) {
            var client = OpenAIChatCompletionClient.builder().model("gpt-4o-mini").apiKey("sk-test")
                    .baseUrl(model.baseUrl()).build();
            ObjectNode team = TestStudio.team(List.of(
                    AssistantAgent.builder("writer", client).systemMessage("You are a writer.").build(),
                    AssistantAgent.builder("critic", client).systemMessage("You are a critic. Say APPROVE when done.").build()));
            long[] first = studio.newRun(team);
            List<Long> runIds = new ArrayList<>();
            runIds.add(first[2]);
            for (int i = 1; i < RUNS; i++) {
                runIds.add(studio.post("/api/runs/", Map.of("session_id", first[1], "user_id", TestStudio.USER)).data()
                        .get("run_id").asLong());
            }
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);

            HttpClient http = HttpClient.newHttpClient();
            List<RunClient> clients = new ArrayList<>();
            List<WebSocket> sockets = new ArrayList<>();
            long started = System.nanoTime();
            var connecting = new ConcurrentLinkedQueue<CompletableFuture<WebSocket>>();
            for (long runId : runIds) {
                var listener = new RunClient();
                clients.add(listener);
                connecting.add(http.newWebSocketBuilder().buildAsync(
                        URI.create(studio.server.url().replace("http:", "ws:") + "/api/ws/runs/" + runId), listener));
            }
            for (var future : connecting) {
                sockets.add(future.get(2, TimeUnit.MINUTES));
            }
            String start = TestStudio.json(Map.of("type", "start", "task", "Write about the sea.", "team_config", team));
            for (WebSocket socket : sockets) {
                socket.sendText(start, true);
            }
            CompletableFuture.allOf(clients.stream().map(c -> c.done).toArray(CompletableFuture[]::new))
                    .get(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - started) / 1e9;
            long peakHeap = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));

            List<Long> latencies = new ArrayList<>();
            long messages = 0;
            for (int i = 0; i < RUNS; i++) {
                RunClient run = clients.get(i);
                List<JsonNode> received = run.frames.stream().filter(f -> f.path("type").asText().equals("message"))
                        .map(f -> f.get("data")).toList();
                assertThat(run.frames.get(run.frames.size() - 1).path("type").asText()).as("run %d ends", i).isEqualTo("result");
                assertThat(received).as("run %d: task, writer, critic", i).hasSize(3);
                List<JsonNode> stored = new ArrayList<>();
                studio.get("/api/runs/" + runIds.get(i) + "/messages").data().forEach(m -> stored.add(m.get("config")));
                assertThat(stored).as("run %d: stored = received", i).isEqualTo(received);
                latencies.addAll(run.latenciesMicros);
                messages += received.size();
            }
            Collections.sort(latencies);
            long p50 = latencies.get(latencies.size() / 2);
            long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
            System.out.printf("studio load (%s): %d runs, %d messages in %.2f s: %.1f runs/s, %.0f messages/s; frame latency "
                    + "p50 %.1f ms, p99 %.1f ms; %d model calls; peak heap %d MiB%n",
                    studio.config.databaseUri() == null ? "SQLite" : "PostgreSQL", RUNS, messages, seconds,
                    RUNS / seconds, messages / seconds, p50 / 1000.0, p99 / 1000.0, model.calls.get(), peakHeap >> 20);
            assertThat(model.calls.get()).isEqualTo(2L * RUNS);
        }
    }
}
