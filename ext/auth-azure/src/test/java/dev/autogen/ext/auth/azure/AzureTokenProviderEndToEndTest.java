package dev.autogen.ext.auth.azure;

import static dev.autogen.ext.models.openai.FakeOpenAIServer.completion;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.openai.FakeOpenAIServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A config's {@code azure_ad_token_provider} ({@code DefaultAzureCredential}) gets a real token from a
 * loopback managed-identity endpoint, and the Azure OpenAI and Azure AI clients send it as
 * {@code Authorization: Bearer}.
 *
 * <p><b>Why a second JVM.</b> The brief was to point {@code DefaultAzureCredential} at loopback through
 * azure-core's {@code Configuration}, not the process environment. The credentials that read it
 * (environment, workload identity) log in through MSAL against an authority host that must be https
 * ("Authority host must use https scheme", see {@code AzureTokenProviderTest}), which a plain-http
 * loopback server is not. The one that takes plain http, managed identity (App Service:
 * {@code IDENTITY_ENDPOINT} and {@code IDENTITY_HEADER}), is in azure-identity 1.18 delegated to MSAL4J's
 * {@code ManagedIdentityApplication}, and MSAL reads those two variables with {@code System.getenv}
 * (its {@code EnvironmentVariables}), not from the {@code Configuration}; its only override is a
 * package-private test hook. So the test runs the client in a child JVM whose real environment is
 * that of an App Service, with both endpoints on loopback here: what a deployed application sees.
 */
class AzureTokenProviderEndToEndTest {
    private static final String SCOPE = "https://cognitiveservices.azure.com/.default";

    private FakeOpenAIServer identity;
    private FakeOpenAIServer models;

    @BeforeEach
    void start() throws IOException {
        identity = new FakeOpenAIServer();
        models = new FakeOpenAIServer();
    }

    @AfterEach
    void stop() {
        identity.close();
        models.close();
    }

    private static String tokenAnswer(String token) {
        long expiresOn = Instant.now().getEpochSecond() + 3600;
        return """
                {"access_token": "%s", "expires_on": "%d", "resource": "https://cognitiveservices.azure.com",
                 "token_type": "Bearer", "client_id": "00000000-0000-0000-0000-000000000000"}
                """.formatted(token, expiresOn);
    }

    private static String tokenProvider() {
        return """
                {"provider": "autogen_ext.auth.azure.AzureTokenProvider", "component_type": "token_provider",
                 "config": {"provider_kind": "DefaultAzureCredential", "scopes": ["%s"]}}""".formatted(SCOPE);
    }

    @Test
    void bothAzureClientsSendTheManagedIdentitysToken() throws Exception {
        identity.enqueue(json(200, tokenAnswer("mi-token-1"))).enqueue(json(200, tokenAnswer("mi-token-2")));
        models.enqueue(json(200, completion("You are the managed identity.", 3, 5)))
                .enqueue(json(200, completion("Still you.", 3, 2)));
        String azureOpenAI = """
                {"provider": "autogen_ext.models.openai.AzureOpenAIChatCompletionClient", "component_type": "model",
                 "config": {"model": "gpt-4o", "azure_endpoint": "%s", "azure_deployment": "gpt-4o",
                            "api_version": "2024-06-01", "max_retries": 0, "azure_ad_token_provider": %s}}
                """.formatted(models.root(), tokenProvider());
        String azureAI = """
                {"provider": "autogen_ext.models.azure.AzureAIChatCompletionClient", "component_type": "model",
                 "config": {"endpoint": "%s/models", "model": "Phi-4", "max_retries": 0,
                            "model_info": {"vision": false, "function_calling": true, "json_output": false,
                                           "family": "unknown", "structured_output": false},
                            "azure_ad_token_provider": %s}}
                """.formatted(models.root(), tokenProvider());

        Child child = runChild(Map.of("IDENTITY_ENDPOINT", identity.root() + "/msi/token",
                "IDENTITY_HEADER", "loopback-identity-header"), azureOpenAI, azureAI);

        assertThat(child.exitCode).as(child.output).isZero();
        assertThat(child.output).contains("ANSWER You are the managed identity.", "ANSWER Still you.");

        var tokenRequest = identity.requests.get(0);
        assertThat(tokenRequest.method()).isEqualTo("GET");
        assertThat(tokenRequest.path()).isEqualTo("/msi/token");
        assertThat(tokenRequest.header("X-IDENTITY-HEADER")).isEqualTo("loopback-identity-header");
        assertThat(tokenRequest.query()).contains("resource=https://cognitiveservices.azure.com");

        assertThat(models.requests).hasSize(2);
        assertThat(models.requests.get(0).path()).isEqualTo("/openai/deployments/gpt-4o/chat/completions");
        assertThat(models.requests.get(0).header("Authorization")).isEqualTo("Bearer mi-token-1");
        assertThat(models.requests.get(0).header("api-key")).isNull();
        assertThat(models.requests.get(1).path()).isEqualTo("/models/chat/completions");
        assertThat(models.requests.get(1).header("Authorization")).startsWith("Bearer mi-token-");

        // Each client dumps its token provider back as Python's component.
        List<JsonNode> dumped = new ArrayList<>();
        for (String line : child.output.split("\n")) {
            if (line.startsWith("DUMPED ")) {
                dumped.add(AutogenJson.mapper().readTree(line.substring("DUMPED ".length())));
            }
        }
        assertThat(dumped).hasSize(2).allSatisfy(config -> {
            assertThat(config.at("/config/azure_ad_token_provider/provider").asText())
                    .isEqualTo("autogen_ext.auth.azure.AzureTokenProvider");
            assertThat(config.at("/config/azure_ad_token_provider/config/scopes/0").asText()).isEqualTo(SCOPE);
        });
        assertThat(child.output).doesNotContain("mi-token-1\"");
    }

    private record Child(int exitCode, String output) {
    }

    /** Runs {@link TokenProviderChild} on this test's class path with {@code env} as its Azure environment. */
    private static Child runChild(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                TokenProviderChild.class.getName()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Only the environment an App Service gives: no other Azure credential may answer first.
        builder.environment().keySet().removeIf(name -> name.startsWith("AZURE_") || name.startsWith("IDENTITY_")
                || name.startsWith("MSI_") || name.startsWith("IMDS_") || name.equals("OPENAI_API_VERSION"));
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not end: " + new String(out, StandardCharsets.UTF_8));
        }
        return new Child(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
