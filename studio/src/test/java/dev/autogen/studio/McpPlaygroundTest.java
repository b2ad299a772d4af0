package dev.autogen.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/mcp/*}, the MCP playground, against a real MCP server on loopback (Streamable HTTP, in
 * this JVM) and over stdio (a process of its own, once code execution is enabled).
 */
class McpPlaygroundTest {
    @TempDir
    Path dir;
    TestMcpServer mcp;

    @BeforeEach
    void startServer() throws Exception {
        mcp = TestMcpServer.startHttp();
    }

    @AfterEach
    void stopServer() throws Exception {
        mcp.close();
    }

    private Map<String, Object> http() {
        return Map.of("type", "StreamableHttpServerParams", "url", mcp.url(), "timeout", 10, "sse_read_timeout", 30);
    }

    /** POST /api/mcp/ws/connect with {@code params}; the reply. */
    private static TestStudio.Reply connect(TestStudio studio, Object params) {
        return studio.post("/api/mcp/ws/connect", Map.of("server_params", params));
    }

    private static WsClient socket(TestStudio studio, String websocketUrl) {
        return new WsClient(studio.http, studio.server.url().replace("http:", "ws:") + websocketUrl);
    }

    /** Connects and waits for {@code initialized}. */
    private static WsClient open(TestStudio studio, Object params) throws InterruptedException {
        var reply = connect(studio, params);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        WsClient ws = socket(studio, reply.body().get("websocket_url").asText());
        assertThat(ws.next().get("type").asText()).isEqualTo("initialized");
        return ws;
    }

    /** Sends an operation and returns its {@code operation_result} or {@code operation_error}; other frames go to {@code others}. */
    private static JsonNode operate(WsClient ws, List<JsonNode> others, String operation, Object... fields)
            throws InterruptedException {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "operation");
        frame.put("operation", operation);
        for (int i = 0; i < fields.length; i += 2) {
            frame.put((String) fields[i], fields[i + 1]);
        }
        ws.send(frame);
        while (true) {
            JsonNode next = ws.next();
            String type = next.get("type").asText();
            if (type.equals("operation_result") || type.equals("operation_error")) {
                return next;
            }
            others.add(next);
        }
    }

    @Test
    void connectsOverStreamableHttpAndListsCallsReadsAndPrompts() throws Exception {
        try (var studio = new TestStudio(StudioConfig.defaults(dir))) {
            var reply = connect(studio, http());
            assertThat(reply.status()).isEqualTo(200);
            JsonNode body = reply.body();
            String id = body.get("session_id").asText();
            assertThat(body.get("status").asBoolean()).isTrue();
            assertThat(body.get("message").asText()).isEqualTo("WebSocket connection URL created");
            assertThat(body.get("websocket_url").asText()).isEqualTo("/api/mcp/ws/" + id);
            assertThat(body.get("timestamp").asText()).isNotEmpty();
            assertThat(studio.get("/api/mcp/ws/status/" + id).body().get("status").asBoolean())
                    .as("not connected before its socket opens").isFalse();

            try (var ws = socket(studio, body.get("websocket_url").asText())) {
                JsonNode initialized = ws.next();
                assertThat(initialized.get("type").asText()).isEqualTo("initialized");
                assertThat(initialized.get("session_id").asText()).isEqualTo(id);
                assertThat(initialized.get("capabilities").has("tools")).isTrue();
                assertThat(initialized.get("capabilities").has("resources")).isTrue();

                JsonNode status = studio.get("/api/mcp/ws/status/" + id).body();
                assertThat(status.get("status").asBoolean()).isTrue();
                assertThat(status.get("message").asText()).isEqualTo("Session active");
                assertThat(status.get("connected").asBoolean()).isTrue();
                assertThat(status.get("capabilities").has("prompts")).isTrue();
                assertThat(status.fieldNames()).toIterable().contains("created_at", "last_activity", "session_id");

                List<JsonNode> others = new ArrayList<>();
                JsonNode tools = operate(ws, others, "list_tools");
                assertThat(tools.get("type").asText()).isEqualTo("operation_result");
                assertThat(tools.get("operation").asText()).isEqualTo("list_tools");
                assertThat(tools.at("/data/tools").findValuesAsText("name")).contains("echo", "ask_name", "fail");
                assertThat(tools.at("/data/tools/0/inputSchema/type").asText()).isEqualTo("object");

                JsonNode echo = operate(ws, others, "call_tool", "tool_name", "echo", "arguments", Map.of("message", "hi"));
                assertThat(echo.at("/data/tool_name").asText()).isEqualTo("echo");
                assertThat(echo.at("/data/result/content/0/text").asText()).isEqualTo("Echo: hi");
                assertThat(echo.at("/data/result/isError").asBoolean()).isFalse();
                JsonNode failed = operate(ws, others, "call_tool", "tool_name", "fail");
                assertThat(failed.get("type").asText()).as("a failing tool is a result").isEqualTo("operation_result");
                assertThat(failed.at("/data/result/isError").asBoolean()).isTrue();

                JsonNode resources = operate(ws, others, "list_resources");
                assertThat(resources.at("/data/resources/0/uri").asText()).isEqualTo("test://greeting");
                assertThat(resources.at("/data/resources/0/mimeType").asText()).isEqualTo("text/plain");
                JsonNode read = operate(ws, others, "read_resource", "uri", "test://greeting");
                assertThat(read.at("/data/contents/0/text").asText()).isEqualTo("Hello from the test server");

                JsonNode prompts = operate(ws, others, "list_prompts");
                assertThat(prompts.at("/data/prompts/0/name").asText()).isEqualTo("greet");
                JsonNode prompt = operate(ws, others, "get_prompt", "name", "greet", "arguments", Map.of("name", "Ada"));
                assertThat(prompt.at("/data/messages/0/content/text").asText()).isEqualTo("Please greet Ada");

                ws.send(Map.of("type", "ping"));
                JsonNode pong = ws.until("pong").getLast();
                assertThat(pong.get("timestamp").asText()).isNotEmpty();

                // the echo tool's log message came as an mcp_activity frame
                JsonNode log = others.stream().filter(f -> f.get("type").asText().equals("mcp_activity")).findFirst()
                        .orElseThrow(() -> new AssertionError("no mcp_activity frame in " + others));
                assertThat(log.get("activity_type").asText()).isEqualTo("protocol");
                assertThat(log.get("message").asText()).isEqualTo("MCP notifications/message");
                assertThat(log.at("/details/params/data").asText()).isEqualTo("echoing hi");
                assertThat(log.get("session_id").asText()).isEqualTo(id);
            }
            await(() -> !studio.get("/api/mcp/ws/status/" + id).body().get("status").asBoolean(),
                    "the session ends with its socket");
            await(() -> studio.server.mcpSessions() == 0, "no MCP session open after the socket closed");
        }
    }

    @Test
    void badOperationsAndFramesGetErrorsAndTheSocketStaysOpen() throws Exception {
        try (var studio = new TestStudio(StudioConfig.defaults(dir)); var ws = open(studio, http())) {
            List<JsonNode> others = new ArrayList<>();
            JsonNode unknown = operate(ws, others, "delete_everything");
            assertThat(unknown.get("type").asText()).isEqualTo("operation_error");
            assertThat(unknown.get("operation").asText()).isEqualTo("delete_everything");
            assertThat(unknown.get("error").asText()).startsWith("Unknown operation: delete_everything").contains("list_tools");

            JsonNode noName = operate(ws, others, "call_tool", "arguments", Map.of());
            assertThat(noName.get("error").asText()).isEqualTo("Tool name is required");
            assertThat(operate(ws, others, "read_resource").get("error").asText()).isEqualTo("Resource URI is required");
            assertThat(operate(ws, others, "get_prompt").get("error").asText()).isEqualTo("Prompt name is required");
            JsonNode badArguments = operate(ws, others, "call_tool", "tool_name", "echo", "arguments", List.of(1));
            assertThat(badArguments.get("error").asText()).contains("arguments must be a JSON object");

            JsonNode noSuchTool = operate(ws, others, "call_tool", "tool_name", "nope");
            assertThat(noSuchTool.get("type").asText()).isEqualTo("operation_error");
            assertThat(noSuchTool.get("error").asText()).contains(mcp.url()).contains("nope").doesNotContain("Exception");

            ws.send(Map.of("type", "hello"));
            assertThat(ws.until("error").getLast().get("error").asText()).startsWith("Unknown message type: hello");
            ws.socket.sendText("not json{", true).join();
            assertThat(ws.until("error").getLast().get("error").asText()).isEqualTo("Invalid message format");

            JsonNode still = operate(ws, others, "list_prompts");
            assertThat(still.get("type").asText()).isEqualTo("operation_result");
        }
    }

    @Test
    void anUnknownOrAlreadyUsedSessionIsClosedWith4004() throws Exception {
        try (var studio = new TestStudio(StudioConfig.defaults(dir))) {
            try (var unknown = socket(studio, "/api/mcp/ws/00000000-0000-0000-0000-000000000000")) {
                assertThat(unknown.awaitClosed()).isEqualTo(4004);
            }
            String url = connect(studio, http()).body().get("websocket_url").asText();
            try (var first = socket(studio, url)) {
                assertThat(first.next().get("type").asText()).isEqualTo("initialized");
                try (var second = socket(studio, url)) {
                    assertThat(second.awaitClosed()).as("a session id is used once").isEqualTo(4004);
                }
            }
            assertThat(studio.get("/api/mcp/ws/status/nope").body()).isEqualTo(dev.autogen.core.serialization.AutogenJson
                    .mapper().readTree("{\"status\":false,\"message\":\"Session not found\",\"session_id\":\"nope\"}"));
        }
    }

    @Test
    void theServerAsksThePersonThroughElicitation() throws Exception {
        try (var studio = new TestStudio(StudioConfig.defaults(dir)); var ws = open(studio, http())) {
            ws.send(Map.of("type", "operation", "operation", "call_tool", "tool_name", "ask_name"));
            JsonNode request = ws.until("elicitation_request").getLast();
            assertThat(request.get("message").asText()).isEqualTo("What is your name?");
            assertThat(request.at("/requestedSchema/properties/name/type").asText()).isEqualTo("string");
            ws.send(Map.of("type", "elicitation_response", "request_id", request.get("request_id").asText(),
                    "action", "accept", "data", Map.of("name", "Ada")));
            JsonNode result = ws.until("operation_result").getLast();
            assertThat(result.at("/data/result/content/0/text").asText()).isEqualTo("Hello, Ada");

            ws.send(Map.of("type", "operation", "operation", "call_tool", "tool_name", "ask_name"));
            JsonNode again = ws.until("elicitation_request").getLast();
            ws.send(Map.of("type", "elicitation_response", "request_id", again.get("request_id").asText(), "action", "decline"));
            assertThat(ws.until("operation_result").getLast().at("/data/result/content/0/text").asText())
                    .isEqualTo("No name: decline");

            ws.send(Map.of("type", "elicitation_response", "request_id", "not-asked", "action", "accept"));
            assertThat(ws.until("operation_error").getLast().get("error").asText())
                    .isEqualTo("Unknown elicitation request_id: not-asked");
            ws.send(Map.of("type", "elicitation_response", "action", "accept"));
            assertThat(ws.until("error").getLast().get("error").asText()).isEqualTo("Missing request_id in elicitation response");
        }
    }

    @Test
    void aSamplingRequestGetsPythonsPlaceholderAnnouncedAsSuch() throws Exception {
        try (var studio = new TestStudio(StudioConfig.defaults(dir)); var ws = open(studio, http())) {
            List<JsonNode> others = new ArrayList<>();
            JsonNode result = operate(ws, others, "call_tool", "tool_name", "summarize");
            assertThat(result.at("/data/result/content/0/text").asText())
                    .startsWith("model said: [AutoGen Studio Default Sampling Response");
            List<JsonNode> sampling = others.stream()
                    .filter(f -> f.path("activity_type").asText().equals("sampling")).toList();
            assertThat(sampling).extracting(f -> f.get("message").asText()).containsExactly(
                    "Tool requested AI sampling for 1 message(s)", "Provided default sampling response to tool");
            assertThat(sampling.get(0).at("/details/params/messages/0/content/text").asText()).isEqualTo("Summarize this.");
            assertThat(sampling.get(1).at("/details/note").asText()).contains("placeholder");
        }
    }

    @Test
    void atMost32OperationsOfASocketWaitAtOnce() throws Exception {
        try (var studio = new TestStudio(StudioConfig.defaults(dir)); var ws = open(studio, http())) {
            for (int i = 0; i < 33; i++) {
                ws.send(Map.of("type", "operation", "operation", "call_tool", "tool_name", "ask_name"));
            }
            int asked = 0;
            JsonNode refused = null;
            while (asked < 32 || refused == null) {
                JsonNode frame = ws.next();
                switch (frame.get("type").asText()) {
                    case "elicitation_request" -> asked++;
                    case "operation_error" -> {
                        assertThat(refused).as("one refusal").isNull();
                        refused = frame;
                    }
                    default -> { }
                }
            }
            assertThat(refused.get("error").asText()).startsWith("Too many operations at once (32)");
        }
    }

    /** A stdio server of this test's classes that writes its process id to {@code pidFile}. */
    private static Map<String, Object> stdio(Path pidFile) {
        return Map.of("type", "StdioServerParams",
                "command", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "args", List.of("-cp", System.getProperty("java.class.path"), TestMcpServer.class.getName(),
                        pidFile.toString()),
                "read_timeout_seconds", 60);
    }

    private static void allowCodeExecution(TestStudio studio, boolean allow) {
        ObjectNode settings = (ObjectNode) studio.get("/api/settings/?user_id=" + TestStudio.USER).data().get("config");
        settings.put("allow_code_execution", allow);
        studio.put("/api/settings/", Map.of("user_id", TestStudio.USER, "config", settings));
    }

    @Test
    void stoppingTheStudioEndsItsStdioServers() throws Exception {
        Path pidFile = dir.resolve("server.pid");
        ProcessHandle server;
        try (var studio = new TestStudio(StudioConfig.defaults(dir))) {
            allowCodeExecution(studio, true);
            open(studio, stdio(pidFile)); // its socket stays open: stopping the Studio must end the server
            server = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).orElseThrow();
            assertThat(studio.server.mcpSessions()).isEqualTo(1);
        }
        server.onExit().get(1, TimeUnit.MINUTES);
        assertThat(server.isAlive()).isFalse();
    }

    @Test
    void aStdioServerStartsOnlyOnceCodeExecutionIsEnabledAndStopsWithTheSocket() throws Exception {
        Path pidFile = dir.resolve("server.pid");
        Map<String, Object> stdio = stdio(pidFile);
        try (var studio = new TestStudio(StudioConfig.defaults(dir))) {
            var refused = connect(studio, stdio);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body().get("detail").asText()).contains("program")
                    .contains("Enable code execution in the Studio's settings (allow_code_execution)");
            assertThat(pidFile).as("nothing was started").doesNotExist();

            allowCodeExecution(studio, true);
            String url = connect(studio, stdio).body().get("websocket_url").asText();
            long pid;
            try (var ws = socket(studio, url)) {
                assertThat(ws.next().get("type").asText()).isEqualTo("initialized");
                JsonNode echo = operate(ws, new ArrayList<>(), "call_tool", "tool_name", "echo",
                        "arguments", Map.of("message", "over stdio"));
                assertThat(echo.at("/data/result/content/0/text").asText()).isEqualTo("Echo: over stdio");
                pid = Long.parseLong(Files.readString(pidFile).strip());
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
            }
            var process = ProcessHandle.of(pid);
            if (process.isPresent()) {
                process.get().onExit().get(1, TimeUnit.MINUTES);
            }
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("closing the socket ends the stdio server").isFalse();

            // consent withdrawn between the connect and the socket: the socket refuses too
            String later = connect(studio, stdio).body().get("websocket_url").asText();
            allowCodeExecution(studio, false);
            Files.deleteIfExists(pidFile);
            try (var ws = socket(studio, later)) {
                assertThat(ws.next().get("error").asText()).contains("Enable code execution");
                assertThat(ws.awaitClosed()).isEqualTo(4003);
            }
            assertThat(pidFile).doesNotExist();
        }
    }

    @Test
    void badServerParamsAre422AndAnUnreachableServerAConnectionError() throws Exception {
        try (var studio = new TestStudio(StudioConfig.defaults(dir))) {
            var missing = studio.post("/api/mcp/ws/connect", Map.of());
            assertThat(missing.status()).isEqualTo(422);
            assertThat(missing.body().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"server_params\"]");
            var badType = connect(studio, Map.of("type", "CarrierPigeonParams", "url", "http://x"));
            assertThat(badType.status()).isEqualTo(422);
            assertThat(badType.body().at("/detail/0/msg").asText()).contains("CarrierPigeonParams").contains("StdioServerParams");
            var badUrl = connect(studio, Map.of("type", "StreamableHttpServerParams", "url", "ftp://example.com/mcp"));
            assertThat(badUrl.status()).isEqualTo(422);
            assertThat(badUrl.body().at("/detail/0/msg").asText()).contains("StreamableHttpServerParams.url")
                    .doesNotContain("dev.autogen");
            var noUrl = connect(studio, Map.of("type", "SseServerParams"));
            assertThat(noUrl.status()).isEqualTo(422);
            assertThat(noUrl.body().at("/detail/0/msg").asText()).contains("url").doesNotContain("dev.autogen");

            int port;
            try (var free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            var nowhere = connect(studio, Map.of("type", "StreamableHttpServerParams",
                    "url", "http://127.0.0.1:" + port + "/mcp", "timeout", 2, "sse_read_timeout", 5));
            try (var ws = socket(studio, nowhere.body().get("websocket_url").asText())) {
                JsonNode error = ws.until("error").getLast();
                assertThat(error.get("error").asText()).startsWith("Connection error: ").contains("127.0.0.1:" + port)
                        .contains("the connection was refused or closed").doesNotContain("Exception");
                assertThat(ws.awaitClosed()).isEqualTo(1011);
            }
        }
    }

    @Test
    void theTokenOriginAndFrameLimitApplyToTheRoutesAndTheSocket() throws Exception {
        var config = new StudioConfig("127.0.0.1", 0, dir, null, "s3cret", 1 << 20, 2048, java.time.Duration.ofMinutes(3));
        try (var studio = new TestStudio(config)) {
            var anonymous = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    URI.create(studio.url("/api/mcp/ws/connect"))).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                    TestStudio.json(Map.of("server_params", http())))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);

            String url = connect(studio, http()).body().get("websocket_url").asText();
            try (var denied = socket(studio, url)) {
                assertThat(denied.next().get("error").asText()).isEqualTo("Authentication failed");
                assertThat(denied.awaitClosed()).isEqualTo(4001);
            }
            var foreign = studio.http.newWebSocketBuilder().header("Origin", "https://evil.example")
                    .buildAsync(URI.create(studio.server.url().replace("http:", "ws:") + url + "?token=s3cret"),
                            new java.net.http.WebSocket.Listener() { });
            assertThatThrownBy(foreign::join).isInstanceOf(CompletionException.class);

            try (var ws = socket(studio, url + "?token=s3cret")) {
                assertThat(ws.next().get("type").asText()).as("a refused socket did not use the session up")
                        .isEqualTo("initialized");
                ws.send(Map.of("type", "operation", "operation", "call_tool", "tool_name", "echo",
                        "arguments", Map.of("message", "z".repeat(5000))));
                assertThat(ws.awaitClosed()).isEqualTo(1009);
            }
            await(() -> studio.server.mcpSessions() == 0, "the oversized frame's socket closed its MCP session");
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
