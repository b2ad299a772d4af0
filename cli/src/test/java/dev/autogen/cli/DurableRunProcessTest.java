package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.autogen.agentchat.checkpoint.Checkpoint;
import dev.autogen.agentchat.checkpoint.RunStatus;
import dev.autogen.agentchat.checkpoint.RunSummary;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.checkpoint.jdbc.JdbcCheckpointStore;
import dev.autogen.ext.checkpoint.jdbc.PostgresServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Durable runs of {@code autogen run --checkpoint} with real processes: a run killed with SIGKILL after
 * turn k, or in the middle of writing a checkpoint, is continued by a new process with {@code --resume},
 * and ends with the same {@code --output json} as a run that was never stopped, every turn checkpointed
 * exactly once. On a SQLite file and on a real PostgreSQL server.
 */
class DurableRunProcessTest {
    /** The task plus seven replies. */
    private static final int TURNS = 7;

    @TempDir
    static Path dir;

    private static HttpServer model;
    private static final AtomicInteger answered = new AtomicInteger();
    private static volatile JsonNode lastRequest;
    private static PostgresServer postgres;
    private static Path config;

    /**
     * A model server whose reply depends only on the conversation it is sent (so a resumed process gets
     * the same replies), and which takes a moment to answer, as real ones do.
     */
    @BeforeAll
    static void startModelServer() throws IOException {
        model = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        model.createContext("/", exchange -> {
            try (exchange) {
                JsonNode request = AutogenJson.mapper().readTree(exchange.getRequestBody());
                lastRequest = request;
                int seen = 0;
                for (JsonNode message : request.get("messages")) {
                    seen += message.path("role").asText().equals("system") ? 0 : 1;
                }
                boolean handOff = seen == 1 && request.path("tools").toString().contains("transfer_to_user");
                sleep(150);
                String message = handOff
                        ? """
                          {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                           "function":{"name":"transfer_to_user","arguments":"{}"}}]}"""
                        : "{\"role\":\"assistant\",\"content\":\"reply to " + seen + " messages\"}";
                byte[] body = """
                        {"id":"chatcmpl-%d","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                         "choices":[{"index":0,"message":%s,"finish_reason":"%s"}],
                         "usage":{"prompt_tokens":%d,"completion_tokens":4,"total_tokens":%d}}"""
                        .formatted(seen, message, handOff ? "tool_calls" : "stop", seen * 10, seen * 10 + 4)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                answered.incrementAndGet();
            }
        });
        model.start();
        config = dir.resolve("team.json");
        Files.writeString(config, teamConfig("http://127.0.0.1:" + model.getAddress().getPort() + "/v1"));
    }

    @AfterAll
    static void stop() throws Exception {
        model.stop(0);
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String store(String kind) throws Exception {
        if (kind.equals("sqlite")) {
            return dir.resolve("runs-" + System.nanoTime() + ".db").toString();
        }
        if (postgres == null) {
            postgres = PostgresServer.start();
        }
        return postgres.createDatabase("runs_" + System.nanoTime());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aRunKilledAfterAnyTurnOrMidCheckpointIsResumedByANewProcessAsIfNeverStopped(String kind) throws Exception {
        String uri = store(kind);
        try (var store = JdbcCheckpointStore.open(uri)) {
            Cli uninterrupted = CliProcess.run(Map.of(), "run", config.toString(), "--task", "go", "--output", "json",
                    "--checkpoint", uri);
            assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
            JsonNode expected = comparable(uninterrupted.out());
            assertThat(expected.get("messages")).hasSize(TURNS + 1);
            assertThat(uninterrupted.err()).contains("autogen: run ").contains("--resume ");

            for (int k : List.of(1, 4)) {
                String runId = killAfterTurn(store, uri, k, null);
                assertResumesToTheSameEnd(store, uri, runId, k, expected);
            }
            String runId = killAfterTurn(store, uri, 2, kind);
            assertResumesToTheSameEnd(store, uri, runId, 2, expected);

            Cli listed = Cli.run("runs", "--checkpoint", uri);
            assertThat(listed.exitCode()).isZero();
            assertThat(listed.out()).contains("RUN ID").contains(runId).contains("completed")
                    .contains("Maximum number of messages 8 reached");
        }
    }

    @Test
    void aRunWaitingForAPersonIsContinuedByAnotherProcessWithTheirAnswer() throws Exception {
        String uri = store("sqlite");
        Path swarm = dir.resolve("swarm.json");
        Files.writeString(swarm, """
                {"provider": "autogen_agentchat.teams.Swarm", "component_type": "team",
                 "config": {"participants": [
                   {"provider": "autogen_agentchat.agents.AssistantAgent", "component_type": "agent",
                    "config": {"name": "assistant", "handoffs": ["user"],
                     "model_client": {"provider": "autogen_ext.models.openai.OpenAIChatCompletionClient",
                      "component_type": "model",
                      "config": {"model": "gpt-4o-mini", "api_key": "sk-test", "base_url": "%s"}}}}],
                  "max_turns": 1,
                  "termination_condition": {"provider": "autogen_agentchat.conditions.HandoffTermination",
                   "component_type": "termination", "config": {"target": "user"}}}}"""
                .formatted("http://127.0.0.1:" + model.getAddress().getPort() + "/v1"));

        Cli asking = CliProcess.run(Map.of(), "run", swarm.toString(), "--task", "Book me a flight.", "--output", "json",
                "--checkpoint", uri);
        assertThat(asking.exitCode()).as(asking.err()).isZero();
        assertThat(AutogenJson.mapper().readTree(asking.out()).get("stop_reason").asText()).as(asking.out())
                .isEqualTo("Handoff to user from assistant detected.");
        String runId;
        try (var store = JdbcCheckpointStore.open(uri)) {
            RunSummary run = store.runs().get(0);
            assertThat(run.status()).isEqualTo(RunStatus.WAITING_FOR_INPUT);
            runId = run.runId();
        }
        Cli incomplete = CliProcess.run(Map.of(), "run", swarm.toString(), "--checkpoint", uri, "--resume", runId);
        assertThat(incomplete.exitCode()).isEqualTo(1);
        assertThat(incomplete.err()).contains("waits for input").contains("resume it with the answer as the task");

        Cli answered = CliProcess.run(Map.of(), "run", swarm.toString(), "--task", "To Paris, on Friday.",
                "--output", "json", "--checkpoint", uri, "--resume", runId);

        assertThat(answered.exitCode()).as(answered.err()).isZero();
        JsonNode messages = AutogenJson.mapper().readTree(answered.out()).get("messages");
        assertThat(messages.get(0).get("type").asText()).isEqualTo("HandoffMessage");
        assertThat(messages.get(0).get("source").asText()).isEqualTo("user");
        assertThat(messages.get(0).get("content").asText()).isEqualTo("To Paris, on Friday.");
        assertThat(messages.get(messages.size() - 1).get("content").asText()).startsWith("reply to ");
        assertThat(lastRequest.get("messages").toString()).contains("Book me a flight.").contains("To Paris, on Friday.");
        try (var store = JdbcCheckpointStore.open(uri)) {
            assertThat(store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        }
    }

    /**
     * Starts a run and kills it (SIGKILL) once turn {@code k} is checkpointed; with {@code blockWrites},
     * only once it is inside writing checkpoint {@code k + 1}, held there by a lock the test takes.
     * Returns the killed run's id.
     */
    private static String killAfterTurn(JdbcCheckpointStore store, String uri, int k, String blockWrites) throws Exception {
        Set<String> before = new HashSet<>(store.runs().stream().map(RunSummary::runId).toList());
        Process process = CliProcess.start(Map.of(), "run", config.toString(), "--task", "go", "--output", "json",
                "--checkpoint", uri);
        try {
            awaitCondition(() -> newRun(store, before) != null && store.latest(newRun(store, before)).orElseThrow().turn() >= k,
                    "turn " + k + " checkpointed", process);
            String runId = newRun(store, before);
            if (blockWrites == null) {
                process.destroyForcibly().waitFor();
            } else {
                try (Connection lock = DriverManager.getConnection(jdbc(uri))) {
                    try (Statement statement = lock.createStatement()) {
                        int committed;
                        if (blockWrites.equals("postgresql")) {
                            lock.setAutoCommit(false);
                            // blocks every checkpoint insert, still lets the test read the checkpoints
                            statement.execute("LOCK TABLE autogen_checkpoints IN EXCLUSIVE MODE");
                            committed = store.latest(runId).orElseThrow().turn(); // no checkpoint commits from here on
                            awaitCondition(() -> waitingForALock(lock), "the next checkpoint's write to wait", process);
                        } else {
                            statement.execute("BEGIN IMMEDIATE"); // holds SQLite's write lock
                            committed = store.latest(runId).orElseThrow().turn(); // no checkpoint commits from here on
                            int asked = answered.get();
                            awaitCondition(() -> answered.get() > asked, "the next turn's model reply", process);
                            sleep(300); // best effort to kill inside the write; the check below holds either way
                        }
                        process.destroyForcibly().waitFor();
                        if (blockWrites.equals("postgresql")) {
                            lock.rollback();
                        } else {
                            statement.execute("ROLLBACK");
                        }
                        assertThat(store.latest(runId).orElseThrow().turn()).as("the interrupted write left nothing")
                                .isEqualTo(committed).isGreaterThanOrEqualTo(k);
                    }
                }
            }
            assertThat(store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
            return runId;
        } finally {
            process.destroyForcibly();
        }
    }

    private static void assertResumesToTheSameEnd(JdbcCheckpointStore store, String uri, String runId, int k,
            JsonNode expected) throws Exception {
        Cli resumed = CliProcess.run(Map.of(), "run", config.toString(), "--output", "json", "--checkpoint", uri,
                "--resume", runId);
        assertThat(resumed.exitCode()).as("killed after turn " + k + ": " + resumed.err()).isZero();
        assertThat(comparable(resumed.out())).as("killed after turn " + k).isEqualTo(expected);
        List<Checkpoint> checkpoints = store.checkpoints(runId);
        assertThat(checkpoints).extracting(Checkpoint::turn).containsExactlyElementsOf(
                IntStream.rangeClosed(0, TURNS).boxed().toList());
        assertThat(checkpoints).extracting(c -> String.valueOf(c.messages().get(0).get("content")))
                .containsExactlyElementsOf(expected.get("messages").findValuesAsText("content"));
        assertThat(store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    private static String newRun(JdbcCheckpointStore store, Set<String> before) {
        return store.runs().stream().map(RunSummary::runId).filter(id -> !before.contains(id)).findFirst().orElse(null);
    }

    private static boolean waitingForALock(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
            rows.next();
            return rows.getInt(1) > 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitCondition(BooleanSupplier condition, String what, Process process) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("waited in vain for " + what + " (process alive: " + process.isAlive() + ")");
            }
            sleep(20);
        }
    }

    private static String jdbc(String uri) {
        return uri.startsWith("jdbc:") ? uri : "jdbc:sqlite:" + uri;
    }

    /** The result without what differs between any two runs: message ids and times. */
    private static JsonNode comparable(String json) throws IOException {
        JsonNode result = AutogenJson.mapper().readTree(json);
        for (JsonNode message : (ArrayNode) result.get("messages")) {
            ((ObjectNode) message).remove(List.of("id", "created_at"));
        }
        return result;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String teamConfig(String baseUrl) {
        List<String> agents = new ArrayList<>();
        for (String name : List.of("writer", "critic")) {
            agents.add("""
                    {"provider": "autogen_agentchat.agents.AssistantAgent", "component_type": "agent",
                     "config": {"name": "%s", "system_message": "You are the %s.",
                      "model_client": {"provider": "autogen_ext.models.openai.OpenAIChatCompletionClient",
                       "component_type": "model",
                       "config": {"model": "gpt-4o-mini", "api_key": "sk-test", "base_url": "%s"}}}}"""
                    .formatted(name, name, baseUrl));
        }
        return """
                {"provider": "autogen_agentchat.teams.RoundRobinGroupChat", "component_type": "team",
                 "config": {"participants": [%s],
                  "termination_condition": {"provider": "autogen_agentchat.conditions.MaxMessageTermination",
                   "component_type": "termination", "config": {"max_messages": %d}}}}"""
                .formatted(String.join(",", agents), TURNS + 1);
    }
}
