package dev.autogen.ext.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.StaticWorkbench;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor;
import dev.autogen.ext.tools.code_execution.PythonCodeExecutionTool;
import dev.autogen.ext.tools.http.HttpTool;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of docs/tools-http-code-langchain4j.md, run as written (local server for httpbin.org). */
class DocExamplesTest {
    @TempDir
    Path tempDir;

    @Test
    void httpToolExample() throws Exception {
        HttpServer httpbin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        httpbin.createContext("/base64/", ex -> {
            String value = ex.getRequestURI().getPath().substring("/base64/".length());
            byte[] body = Base64.getDecoder().decode(value);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        httpbin.start();
        try {
            HttpTool decode = HttpTool.builder()
                    .name("base64_decode")
                    .description("base64 decode a value")
                    .scheme("http").host("127.0.0.1").port(httpbin.getAddress().getPort())
                    .path("/base64/{value}")
                    .method(HttpTool.Method.GET)
                    .jsonSchema("""
                        {"type": "object",
                         "properties": {"value": {"type": "string", "description": "The base64 value to decode"}},
                         "required": ["value"]}""")
                    .build();

            var workbench = new StaticWorkbench(List.of(decode));
            ToolResult result = workbench.callTool("base64_decode",
                    AutogenJson.mapper().readTree("{\"value\": \"YWJjZGU=\"}"), null, "call-1");

            assertThat(result.toText()).isEqualTo(new String(Base64.getDecoder().decode("YWJjZGU="), StandardCharsets.UTF_8))
                    .isEqualTo("abcde");
        } finally {
            httpbin.stop(0);
        }
    }

    @Test
    void codeExecutionToolExample() throws Exception {
        try (var executor = LocalCommandLineCodeExecutor.builder().workDir(tempDir.resolve("coding")).build()) {
            executor.start();
            var tool = new PythonCodeExecutionTool(executor);
            var workbench = new StaticWorkbench(List.of(tool));
            ToolResult result = workbench.callTool("CodeExecutor",
                    AutogenJson.mapper().readTree("{\"code\": \"print(sum(range(10)))\"}"), null, "call-1");

            assertThat(result.toText().strip()).isEqualTo("45");
        }
    }
}
