package dev.autogen.ext.tools.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.StaticWorkbench;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolArgumentsException;
import dev.autogen.core.tools.ToolResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpToolTest {
    private static final String ID_SCHEMA = """
            {"type": "object",
             "properties": {"id": {"type": "string", "description": "The user id"},
                            "verbose": {"type": "boolean"},
                            "tags": {"type": "array", "items": {"type": "string"}}},
             "required": ["id"]}""";

    private HttpServer server;
    private int port;
    private final CountDownLatch releaseSlow = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/echo", this::echo);
        server.createContext("/text", ex -> reply(ex, 200, "text/plain", "plain words"));
        server.createContext("/missing", ex -> reply(ex, 404, "text/plain", "no such user"));
        server.createContext("/broken", ex -> reply(ex, 500, "text/plain", "database is down"));
        server.createContext("/html", ex -> reply(ex, 200, "text/html", "<html>hi</html>"));
        server.createContext("/slow", ex -> {
            try {
                releaseSlow.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, "text/plain", "late");
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        releaseSlow.countDown();
        server.stop(0);
    }

    private void echo(HttpExchange ex) throws IOException {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("method", ex.getRequestMethod());
        seen.put("path", ex.getRequestURI().getRawPath());
        seen.put("query", ex.getRequestURI().getRawQuery());
        seen.put("content_type", ex.getRequestHeaders().getFirst("Content-Type"));
        seen.put("x_api_key", ex.getRequestHeaders().getFirst("X-Api-Key"));
        seen.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        reply(ex, 200, "application/json", AutogenJson.mapper().writeValueAsString(seen));
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private HttpTool.Builder tool(String path, HttpTool.Method method) {
        return HttpTool.builder().name("users").description("Looks up users").host("127.0.0.1").port(port)
                .path(path).method(method).jsonSchema(ID_SCHEMA);
    }

    private static JsonNode json(String text) throws IOException {
        return AutogenJson.mapper().readTree(text);
    }

    private static JsonNode call(Tool tool, String args) throws Exception {
        Object result = tool.runJson(json(args), new CancellationToken(), "call-1");
        return result instanceof JsonNode node ? node : json((String) result);
    }

    @Test
    void getFillsThePathParameterAndSendsTheRestAsQuery() throws Exception {
        HttpTool tool = tool("/echo/users/{id}", HttpTool.Method.GET).returnType(HttpTool.ReturnType.JSON).build();

        JsonNode seen = call(tool, "{\"id\": \"a b/c\", \"verbose\": true, \"tags\": [\"x\", \"y\"], \"unknown\": 1}");

        assertThat(seen.get("method").asText()).isEqualTo("GET");
        assertThat(seen.get("path").asText()).isEqualTo("/echo/users/a%20b%2Fc");
        assertThat(seen.get("query").asText()).isEqualTo("verbose=true&tags=x&tags=y");
        assertThat(seen.get("body").asText()).isEmpty();
    }

    @Test
    void deleteSendsArgumentsAsQuery() throws Exception {
        JsonNode seen = call(tool("/echo/{id}", HttpTool.Method.DELETE).build(), "{\"id\": \"7\", \"verbose\": false}");

        assertThat(seen.get("method").asText()).isEqualTo("DELETE");
        assertThat(seen.get("path").asText()).isEqualTo("/echo/7");
        assertThat(seen.get("query").asText()).isEqualTo("verbose=false");
    }

    @Test
    void postPutAndPatchSendTheRestAsJsonBody() throws Exception {
        for (HttpTool.Method method : List.of(HttpTool.Method.POST, HttpTool.Method.PUT, HttpTool.Method.PATCH)) {
            JsonNode seen = call(tool("/echo/{id}", method).build(), "{\"id\": \"7\", \"verbose\": true, \"tags\": [\"x\"]}");

            assertThat(seen.get("method").asText()).isEqualTo(method.name());
            assertThat(seen.get("path").asText()).isEqualTo("/echo/7");
            assertThat(seen.get("query").isNull()).isTrue();
            assertThat(seen.get("content_type").asText()).isEqualTo("application/json");
            assertThat(json(seen.get("body").asText())).isEqualTo(json("{\"verbose\": true, \"tags\": [\"x\"]}"));
        }
    }

    @Test
    void sendsConfiguredHeaders() throws Exception {
        HttpTool tool = tool("/echo/{id}", HttpTool.Method.GET).headers(Map.of("X-Api-Key", "secret-1")).build();

        assertThat(call(tool, "{\"id\": \"1\"}").get("x_api_key").asText()).isEqualTo("secret-1");
    }

    @Test
    void textReturnGivesTheBodyAndJsonReturnParsesIt() throws Exception {
        Object text = tool("/text", HttpTool.Method.GET).build().runJson(json("{\"id\": \"1\"}"), new CancellationToken(), null);
        assertThat(text).isEqualTo("plain words");

        HttpTool jsonTool = tool("/echo/{id}", HttpTool.Method.GET).returnType(HttpTool.ReturnType.JSON).build();
        Object parsed = jsonTool.runJson(json("{\"id\": \"1\"}"), new CancellationToken(), null);
        assertThat(parsed).isInstanceOf(ObjectNode.class);
        assertThat(((JsonNode) parsed).get("path").asText()).isEqualTo("/echo/1");

        ToolResult result = new StaticWorkbench(List.of(jsonTool)).callTool("users", json("{\"id\": \"1\"}"), null, "c");
        assertThat(result.isError()).isFalse();
        assertThat(json(result.toText()).get("method").asText()).isEqualTo("GET");
    }

    @Test
    void jsonReturnOfANonJsonBodyIsAClearError() {
        HttpTool tool = tool("/html", HttpTool.Method.GET).returnType(HttpTool.ReturnType.JSON).build();

        assertThatThrownBy(() -> tool.runJson(json("{\"id\": \"1\"}"), new CancellationToken(), null))
                .isInstanceOf(HttpToolException.class)
                .hasMessageContaining("GET http://127.0.0.1:" + port + "/html")
                .hasMessageContaining("not JSON")
                .hasMessageContaining("<html>hi</html>");
    }

    @Test
    void statusOutside2xxIsAnErrorResultNamingStatusAndUrl() throws Exception {
        var workbench = new StaticWorkbench(List.of(
                tool("/missing/{id}", HttpTool.Method.GET).name("missing").build(),
                tool("/broken", HttpTool.Method.POST).name("broken").build()));

        ToolResult missing = workbench.callTool("missing", json("{\"id\": \"42\"}"), null, "c1");
        assertThat(missing.isError()).isTrue();
        assertThat(missing.toText()).isEqualTo("GET http://127.0.0.1:" + port + "/missing/42 failed with HTTP status 404: no such user");

        ToolResult broken = workbench.callTool("broken", json("{\"id\": \"42\"}"), null, "c2");
        assertThat(broken.isError()).isTrue();
        assertThat(broken.toText()).contains("POST http://127.0.0.1:" + port + "/broken", "HTTP status 500", "database is down");
    }

    @Test
    void statusIsAvailableOnTheException() {
        HttpTool tool = tool("/missing/{id}", HttpTool.Method.GET).build();

        assertThatThrownBy(() -> tool.runJson(json("{\"id\": \"1\"}"), new CancellationToken(), null))
                .isInstanceOfSatisfying(HttpToolException.class, e -> {
                    assertThat(e.status()).hasValue(404);
                    assertThat(e.uri().getPath()).isEqualTo("/missing/1");
                });
    }

    @Test
    void connectionRefusedIsAnErrorResult() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpTool tool = tool("/echo/{id}", HttpTool.Method.GET).port(closedPort).build();

        ToolResult result = new StaticWorkbench(List.of(tool)).callTool("users", json("{\"id\": \"1\"}"), null, "c");

        assertThat(result.isError()).isTrue();
        assertThat(result.toText()).contains("GET http://127.0.0.1:" + closedPort + "/echo/1 failed", "could not connect");
    }

    @Test
    void slowServerIsATimeoutErrorResult() throws Exception {
        HttpTool tool = tool("/slow", HttpTool.Method.GET).timeout(Duration.ofMillis(300)).build();

        ToolResult result = new StaticWorkbench(List.of(tool)).callTool("users", json("{\"id\": \"1\"}"), null, "c");

        assertThat(result.isError()).isTrue();
        assertThat(result.toText()).isEqualTo("GET http://127.0.0.1:" + port + "/slow?id=1 timed out after 300ms");
    }

    @Test
    void cancellingTheTokenStopsTheCall() throws Exception {
        HttpTool tool = tool("/slow", HttpTool.Method.GET).timeout(Duration.ofMinutes(5)).build();
        var token = new CancellationToken();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            token.cancel();
        });

        assertThatThrownBy(() -> tool.runJson(json("{\"id\": \"1\"}"), token, null))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void badArgumentsAreReportedByName() throws Exception {
        HttpTool tool = tool("/echo/{id}", HttpTool.Method.GET).build();

        assertThatThrownBy(() -> tool.runJson(json("{\"verbose\": true}"), new CancellationToken(), null))
                .isInstanceOf(ToolArgumentsException.class)
                .hasMessage("missing required argument 'id' for tool 'users'; given: {\"verbose\":true}");
        assertThatThrownBy(() -> tool.runJson(json("{\"id\": \"1\", \"verbose\": \"yes\"}"), new CancellationToken(), null))
                .isInstanceOf(ToolArgumentsException.class)
                .hasMessage("invalid argument 'verbose' for tool 'users': expected boolean, got string \"yes\"");
        assertThatThrownBy(() -> tool.runJson(json("[1]"), new CancellationToken(), null))
                .isInstanceOf(ToolArgumentsException.class)
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void schemaIsTheJsonSchemaWithoutAdditionalProperties() throws Exception {
        HttpTool tool = tool("/echo/{id}", HttpTool.Method.GET).build();

        JsonNode schema = AutogenJson.mapper().valueToTree(tool.schema());

        assertThat(schema).isEqualTo(json("""
                {"name": "users", "description": "Looks up users",
                 "parameters": {"type": "object",
                                "properties": {"id": {"type": "string", "description": "The user id"},
                                               "verbose": {"type": "boolean"},
                                               "tags": {"type": "array", "items": {"type": "string"}}},
                                "required": ["id"], "additionalProperties": false},
                 "strict": false}"""));
    }

    @Test
    void invalidSettingsFailWhenBuilt() {
        assertThatThrownBy(() -> tool("/users/{user_id}", HttpTool.Method.GET).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path parameter '{user_id}'")
                .hasMessageContaining("json_schema.properties");
        assertThatThrownBy(() -> tool("/x", HttpTool.Method.GET).scheme("ftp").build())
                .hasMessageContaining("scheme must be 'http' or 'https', got 'ftp'");
        assertThatThrownBy(() -> tool("/x", HttpTool.Method.GET).headers(Map.of("Host", "evil")).build())
                .hasMessageContaining("header 'Host' cannot be set");
        assertThatThrownBy(() -> HttpTool.builder().name("x").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("HttpTool.builder(): set host, port, jsonSchema before build()");
    }

    @Test
    void loadsPythonsConfigAndDumpsTheSame() throws Exception {
        String python = """
                {"provider": "autogen_ext.tools.http.HttpTool", "component_type": "tool", "version": 1,
                 "component_version": 1, "description": "A wrapper for using an HTTP server as a tool.",
                 "label": "HttpTool",
                 "config": {"name": "base64_decode", "description": "base64 decode a value", "scheme": "http",
                            "host": "127.0.0.1", "port": %d, "path": "/echo/{value}", "method": "GET",
                            "headers": {"X-Api-Key": "k"},
                            "json_schema": {"type": "object",
                                            "properties": {"value": {"type": "string",
                                                                     "description": "The base64 value to decode"}},
                                            "required": ["value"]},
                            "return_type": "json"}}""".formatted(port);

        Tool tool = ComponentLoader.loadComponent(python, Tool.class);

        assertThat(tool).isInstanceOf(HttpTool.class);
        JsonNode seen = (JsonNode) tool.runJson(json("{\"value\": \"YWJjZGU=\"}"), new CancellationToken(), null);
        assertThat(seen.get("path").asText()).isEqualTo("/echo/YWJjZGU%3D");
        assertThat(seen.get("x_api_key").asText()).isEqualTo("k");
        ComponentModel dumped = tool.dumpComponent();
        assertThat(dumped.toJsonNode()).isEqualTo(json(python));
    }

    @Test
    void pythonDefaultsApplyAndTimeoutIsWrittenOnlyWhenSet() throws Exception {
        Tool tool = ComponentLoader.loadComponent("""
                {"provider": "autogen_ext.tools.http.HttpTool", "component_type": "tool",
                 "config": {"name": "t", "description": null, "host": "example.com", "port": 80,
                            "headers": null, "json_schema": {"type": "object", "properties": {}}}}""", Tool.class);
        HttpTool http = (HttpTool) tool;
        assertThat(http.method()).isEqualTo(HttpTool.Method.POST);
        assertThat(http.returnType()).isEqualTo(HttpTool.ReturnType.TEXT);
        assertThat(http.timeout()).isEqualTo(HttpTool.DEFAULT_TIMEOUT);
        assertThat(http.dumpComponent().config().has("timeout")).isFalse();

        HttpTool timed = tool("/echo/{id}", HttpTool.Method.GET).timeout(Duration.ofMillis(2500)).build();
        assertThat(timed.dumpComponent().config().get("timeout").asDouble()).isEqualTo(2.5);
    }

    @Test
    void badConfigIsReportedWithItsPath() {
        assertThatThrownBy(() -> ComponentLoader.loadComponent("""
                {"provider": "autogen_ext.tools.http.HttpTool", "component_type": "tool",
                 "config": {"name": "t", "host": "example.com", "port": 80, "method": "FETCH",
                            "json_schema": {"type": "object", "properties": {}}}}""", Tool.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("tool.config")
                .hasMessageContaining("method must be one of [GET, POST, PUT, DELETE, PATCH], got 'FETCH'");
    }
}
