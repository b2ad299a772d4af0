package dev.autogen.ext.code_executors.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.code_executor.CodeBlock;
import dev.autogen.core.code_executor.CodeExecutor;
import dev.autogen.core.code_executor.CodeResult;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentRegistry;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.component.ConsentRefusedException;
import dev.autogen.core.component.ConsentRequest;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.testing.LocalHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dynamic sessions REST API against a loopback server: requests checked, answers and errors read. */
class ACADynamicSessionsCodeExecutorTest {
    private static final String PACKAGES = "{\"properties\": {\"status\": \"Success\", \"stdout\": \"\", \"stderr\": \"\","
            + " \"result\": \"['numpy',\\n 'pandas']\"}}";
    private static final String CWD = "{\"properties\": {\"status\": \"Success\", \"stdout\": \"\", \"stderr\": \"\", \"result\": null}}";

    private LocalHttpServer server;
    /** The query of every request, in order (the server records paths only). */
    private final List<String> queries = new CopyOnWriteArrayList<>();

    @TempDir
    Path workDir;

    @BeforeEach
    void start() throws Exception {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(int status, String json) {
        server.then(exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            LocalHttpServer.send(exchange, status, "application/json", json, Map.of());
        });
    }

    private static String executed(String status, String stdout, String stderr, String resultJson) {
        return "{\"properties\": {\"status\": \"" + status + "\", \"stdout\": " + AutogenJson.mapper().valueToTree(stdout)
                + ", \"stderr\": " + AutogenJson.mapper().valueToTree(stderr) + ", \"result\": " + resultJson
                + ", \"executionTimeInMilliseconds\": 12}}";
    }

    private ACADynamicSessionsCodeExecutor.Builder executor() {
        return ACADynamicSessionsCodeExecutor.builder(server.url() + "/pools/p1", () -> "aca-token")
                .workDir(workDir).sessionId("session-1").timeout(Duration.ofSeconds(30));
    }

    @Test
    void aBlockRunsAfterThePackageListingAndTheMoveToMntData() {
        answer(200, PACKAGES);
        answer(200, CWD);
        answer(200, executed("Success", "42\n", "", "\"'done'\""));
        try (var executor = executor().build()) {
            executor.start();
            CodeResult result = executor.executeCodeBlocks(List.of(new CodeBlock("print(6 * 7)\n'done'", "Python")),
                    new CancellationToken());
            assertThat(result.exitCode()).isZero();
            assertThat(result.output()).isEqualTo("42\n'done'");
            assertThat(executor.getAvailablePackages(new CancellationToken())).containsExactly("numpy", "pandas");
        }
        assertThat(server.requests()).hasSize(3).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/pools/p1/code/execute");
            assertThat(r.header("Authorization")).isEqualTo("Bearer aca-token");
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
        });
        assertThat(queries).containsOnly("api-version=2024-02-02-preview&identifier=session-1");
        assertThat(server.requests().get(0).json().at("/properties/code").asText()).contains("pkg_resources.working_set");
        assertThat(server.requests().get(1).json().at("/properties/code").asText()).isEqualTo("import os; os.chdir('/mnt/data')");
        assertThat(server.requests().get(2).json()).isEqualTo(AutogenJson.mapper().createObjectNode().set("properties",
                AutogenJson.mapper().createObjectNode().put("codeInputType", "inline").put("executionType", "synchronous")
                        .put("code", "print(6 * 7)\n'done'")));
    }

    @Test
    void aFailureStopsTheRunAndOtherLanguagesOrMissingPackagesAreRefused() {
        answer(200, PACKAGES);
        answer(200, CWD);
        answer(200, executed("Failure", "", "NameError: name 'x' is not defined\n", "null"));
        try (var executor = executor().suppressResultOutput(true).build()) {
            CodeResult failed = executor.executeCodeBlocks(List.of(new CodeBlock("x", "py"),
                    new CodeBlock("print('never')", "python")), new CancellationToken());
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.output()).isEqualTo("NameError: name 'x' is not defined\n");
            assertThat(server.requests()).hasSize(3);

            CodeResult bash = executor.executeCodeBlocks(List.of(new CodeBlock("ls", "bash")), new CancellationToken());
            assertThat(bash.exitCode()).isEqualTo(1);
            assertThat(bash.output()).isEqualTo("\nunknown language bash");

            CodeResult torch = executor.executeCodeBlocks(List.of(new CodeBlock("! pip install torch, numpy\nimport torch",
                    "python")), new CancellationToken());
            assertThat(torch.exitCode()).isEqualTo(1);
            assertThat(torch.output()).isEqualTo("\nPython packages unavailable in environment: [torch]");
        }
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void filesAreListedUploadedAndDownloadedInTheWorkDir() throws Exception {
        Files.writeString(workDir.resolve("data.csv"), "a,b\n1,2\n");
        answer(200, "{}");
        answer(200, "{\"value\": [{\"properties\": {\"filename\": \"data.csv\", \"size\": 8}},"
                + " {\"properties\": {\"filename\": \"plot.png\", \"size\": 3}}]}");
        server.then(exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            LocalHttpServer.send(exchange, 200, "application/octet-stream", "PNG", Map.of());
        });
        try (var executor = executor().build()) {
            executor.uploadFiles(List.of("data.csv"), new CancellationToken());
            List<Path> written = executor.downloadFiles(List.of("plot.png"), new CancellationToken());
            assertThat(written).containsExactly(workDir.resolve("plot.png"));
            assertThat(Files.readString(workDir.resolve("plot.png"))).isEqualTo("PNG");

            assertThatThrownBy(() -> executor.uploadFiles(List.of("missing.txt"), new CancellationToken()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.txt does not exist");
            assertThatThrownBy(() -> executor.uploadFiles(List.of("../etc/passwd"), new CancellationToken()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the working directory");
        }
        var upload = server.requests().get(0);
        assertThat(upload.path()).isEqualTo("/pools/p1/files/upload");
        assertThat(upload.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(upload.body()).contains("Content-Disposition: form-data; name=\"file\"; filename=\"data.csv\"")
                .contains("a,b\n1,2\n");
        assertThat(server.requests().get(1).path()).isEqualTo("/pools/p1/files");
        assertThat(server.requests().get(2).path()).isEqualTo("/pools/p1/files/content/plot.png");
        assertThat(queries).containsOnly("api-version=2024-02-02-preview&identifier=session-1");
    }

    @Test
    void errorsNameTheRequestTheStatusAndTheServicesMessage() {
        answer(401, "{\"error\": {\"code\": \"Unauthorized\", \"message\": \"Token audience is invalid\"}}");
        try (var executor = executor().build()) {
            assertThatThrownBy(() -> executor.executeCodeBlocks(List.of(new CodeBlock("1", "python")), new CancellationToken()))
                    .isInstanceOf(ACADynamicSessionsException.class)
                    .hasMessageContaining("POST " + server.url() + "/pools/p1/code/execute?api-version=2024-02-02-preview")
                    .hasMessageContaining("failed with HTTP 401: Token audience is invalid")
                    .hasMessageContaining("https://dynamicsessions.io/.default")
                    .hasMessageNotContaining("aca-token");
        }
        server.close();
        try (var executor = executor().build()) {
            assertThatThrownBy(() -> executor.getFileList(new CancellationToken()))
                    .isInstanceOf(ACADynamicSessionsException.class).hasMessageContaining("/pools/p1/files");
        }
    }

    @Test
    void malformedJsonIsAClearError() {
        answer(200, "{\"properties\": ");
        try (var executor = executor().build()) {
            assertThatThrownBy(() -> executor.getAvailablePackages(new CancellationToken()))
                    .isInstanceOf(ACADynamicSessionsException.class).hasMessageContaining("malformed JSON");
        }
    }

    @Test
    void restartMovesToANewSession() {
        try (var executor = executor().build()) {
            executor.restart();
            assertThat(executor.sessionId()).isNotEqualTo("session-1");
        }
        assertThatThrownBy(() -> ACADynamicSessionsCodeExecutor.builder("my-pool", () -> "t"))
                .hasMessageContaining("pool_management_endpoint must be an http(s) URL");
        assertThatThrownBy(() -> executor().timeout(Duration.ofMillis(500)))
                .hasMessageContaining("Timeout must be greater than or equal to 1 second");
    }

    /** A token provider component for the config tests. */
    public static final class StaticTokens implements Supplier<String>, Component<StaticTokens.Config> {
        public record Config(String token) {
        }

        private final String token;

        StaticTokens(String token) {
            this.token = token;
        }

        @Override
        public String get() {
            return token;
        }

        @Override
        public ComponentProvider<?, Config> componentProvider() {
            return new Provider();
        }

        @Override
        public Config toConfig() {
            return new Config(token);
        }

        static final class Provider extends AbstractComponentProvider<StaticTokens, Config> {
            Provider() {
                super("test.StaticTokens", "token_provider", StaticTokens.class, Config.class);
            }

            @Override
            public StaticTokens fromConfig(Config config, ComponentContext context) {
                return new StaticTokens(config.token());
            }
        }
    }

    private String config() {
        return """
                {"provider": "autogen_ext.code_executors.azure.ACADynamicSessionsCodeExecutor", "component_type": "code_executor",
                 "config": {"pool_management_endpoint": "%s/pools/p1", "timeout": 20, "work_dir": "%s",
                            "session_id": "session-1",
                            "credential": {"provider": "test.StaticTokens", "component_type": "token_provider",
                                           "config": {"token": "from-config"}}}}
                """.formatted(server.url(), workDir.toString().replace("\\", "\\\\"));
    }

    private static ComponentRegistry registry() {
        return ComponentRegistry.builder().addServiceLoaderProviders().add(new StaticTokens.Provider()).build();
    }

    @Test
    void aConfigLoadsWithConsentAndItsCredentialComponentAndDumpsBack() throws Exception {
        answer(200, "{\"value\": []}");
        CodeExecutor loaded = ComponentLoader.using(registry()).withConsent(ConsentPolicy.allowAll())
                .load(config(), CodeExecutor.class);
        try (var executor = (ACADynamicSessionsCodeExecutor) loaded) {
            assertThat(executor.timeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(executor.getFileList(new CancellationToken())).isEmpty();
            JsonNode dumped = executor.dumpComponent().toJsonNode();
            assertThat(dumped.path("provider").asText()).isEqualTo(ACADynamicSessionsCodeExecutor.PROVIDER);
            assertThat(dumped.at("/config/credential/provider").asText()).isEqualTo("test.StaticTokens");
            assertThat(dumped.at("/config/timeout").asInt()).isEqualTo(20);
        }
        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer from-config");
    }

    @Test
    void withoutConsentALoadedExecutorSendsNothing() {
        assertThatThrownBy(() -> ComponentLoader.using(registry()).load(config(), CodeExecutor.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("Azure Container Apps session pool").hasMessageContaining("consent");

        ConsentPolicy askAndRefuse = new ConsentPolicy() {
            @Override
            public Decision decide(ConsentRequest request) {
                return Decision.ASK;
            }
        };
        try (CodeExecutor executor = ComponentLoader.using(registry()).withConsent(askAndRefuse)
                .load(config(), CodeExecutor.class)) {
            assertThatThrownBy(() -> executor.executeCodeBlocks(List.of(new CodeBlock("print(1)", "python")),
                    new CancellationToken())).isInstanceOf(ConsentRefusedException.class);
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anAzureTokenProviderWithoutTheAuthModuleNamesTheModule() {
        String json = config().replace("\"test.StaticTokens\"", "\"autogen_ext.auth.azure.AzureTokenProvider\"");
        assertThatThrownBy(() -> ComponentLoader.using(registry()).withConsent(ConsentPolicy.allowAll())
                .load(json, CodeExecutor.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("credential").hasMessageContaining("dev.autogen:autogen-ext-auth-azure");
        String none = config().replaceAll("(?s),\\s*\"credential\": \\{.*?\\}\\}", "");
        assertThatThrownBy(() -> ComponentLoader.using(registry()).withConsent(ConsentPolicy.allowAll())
                .load(none, CodeExecutor.class))
                .isInstanceOf(ComponentLoadException.class).hasMessageContaining("a token_provider component is required");
    }
}
