package dev.autogen.ext.code_executors.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.http.HttpErrorDecoder;
import dev.autogen.ext.http.HttpStatusError;
import dev.autogen.ext.http.HttpTransport;
import dev.autogen.ext.http.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The session pool's REST API (version {@value #API_VERSION}), as Python's executor calls it: run
 * code ({@code POST code/execute}), list files ({@code GET files}), upload ({@code POST files/upload},
 * multipart) and download ({@code GET files/content/{name}}), each with {@code identifier} naming the
 * session and a fresh bearer token. Sent through {@link HttpTransport} without retries: code that was
 * sent may have run, so it is never sent twice.
 */
final class DynamicSessionsApi implements HttpErrorDecoder, AutoCloseable {
    static final String API_VERSION = "2024-02-02-preview";

    private final String endpoint;
    private final Supplier<String> token;
    private final Duration timeout;
    private final HttpTransport transport;

    DynamicSessionsApi(String endpoint, Supplier<String> token, Duration timeout) {
        this.endpoint = endpoint.endsWith("/") ? endpoint : endpoint + "/";
        this.token = token;
        this.timeout = timeout;
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0
                ? timeout : Duration.ofSeconds(10)).build();
        this.transport = new HttpTransport(client, RetryPolicy.none(), this,
                "Azure Container Apps dynamic sessions request", timeout);
    }

    URI url(String path, String sessionId) {
        return URI.create(endpoint + path + "?api-version=" + API_VERSION + "&identifier="
                + URLEncoder.encode(sessionId, StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(URI uri) {
        String bearer = token.get();
        if (bearer == null || bearer.isBlank()) {
            throw new IllegalStateException("the token provider of the session pool at " + endpoint + " returned no token");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + bearer).header("User-Agent", "autogen-java");
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        return builder;
    }

    /** Runs {@code code} synchronously in the session; the answer's {@code properties}. */
    JsonNode execute(String code, String sessionId, CancellationToken cancellation) {
        ObjectNode body = AutogenJson.mapper().createObjectNode();
        body.putObject("properties").put("codeInputType", "inline").put("executionType", "synchronous").put("code", code);
        URI uri = url("code/execute", sessionId);
        HttpResponse<byte[]> response = transport.send(() -> request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofByteArray(), timeout, cancellation);
        JsonNode properties = json(uri, response).path("properties");
        if (!properties.isObject()) {
            throw new ACADynamicSessionsException("the session pool at " + uri + " answered without \"properties\": "
                    + abbreviate(new String(response.body(), StandardCharsets.UTF_8)), response.statusCode());
        }
        return properties;
    }

    /** The names of the files in the session's {@code /mnt/data}. */
    List<String> listFiles(String sessionId, CancellationToken cancellation) {
        URI uri = url("files", sessionId);
        HttpResponse<byte[]> response = transport.send(() -> request(uri).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray(), timeout, cancellation);
        List<String> names = new ArrayList<>();
        for (JsonNode value : json(uri, response).path("value")) {
            names.add(value.path("properties").path("filename").asText());
        }
        return names;
    }

    /** Uploads {@code content} as {@code filename} (multipart field {@code file}, as Python sends it). */
    void upload(String filename, byte[] content, String sessionId, CancellationToken cancellation) {
        URI uri = url("files/upload", sessionId);
        String boundary = "autogen-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename.replace("\"", "%22") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        transport.send(() -> request(uri).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.discarding(), timeout, cancellation);
    }

    /** The content of the session's file {@code filename}. */
    byte[] download(String filename, String sessionId, CancellationToken cancellation) {
        URI uri = url("files/content/" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"),
                sessionId);
        return transport.send(() -> request(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray(), timeout,
                cancellation).body();
    }

    private static JsonNode json(URI uri, HttpResponse<byte[]> response) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        try {
            JsonNode node = AutogenJson.mapper().readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new ACADynamicSessionsException("the session pool at " + uri + " answered HTTP "
                        + response.statusCode() + " with an empty body where JSON was expected", response.statusCode());
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ACADynamicSessionsException("the session pool at " + uri + " answered HTTP " + response.statusCode()
                    + " with malformed JSON: " + e.getOriginalMessage() + "; the body starts with: " + abbreviate(text),
                    response.statusCode(), e);
        }
    }

    @Override
    public RuntimeException status(HttpStatusError error) {
        String message = null;
        try {
            JsonNode node = AutogenJson.mapper().readTree(error.body());
            if (node != null && node.path("error").isObject()) {
                message = node.path("error").path("message").asText(null);
            } else if (node != null && node.has("message")) {
                message = node.path("message").asText();
            }
        } catch (JsonProcessingException notJson) {
            // show the body itself
        }
        if (message == null) {
            message = error.body().isBlank() ? "(empty body)" : abbreviate(error.body());
        }
        String hint = error.status() == 401 || error.status() == 403
                ? "; the identity needs the Azure ContainerApps Session Executor role on the pool, and tokens for"
                        + " scope " + ACADynamicSessionsCodeExecutor.SCOPE
                : "";
        return new ACADynamicSessionsException("Azure Container Apps dynamic sessions " + error.method() + " "
                + error.uri() + " failed with HTTP " + error.status() + ": " + message + hint, error.status());
    }

    @Override
    public RuntimeException failure(URI uri, IOException cause, int attempts) {
        if (cause instanceof HttpTimeoutException) {
            return new ACADynamicSessionsException("the request to " + uri + " timed out after "
                    + HttpTransport.seconds(timeout) + "; raise the executor's timeout if the code needs longer", 0, cause);
        }
        if (cause instanceof ConnectException) {
            return new ACADynamicSessionsException("cannot connect to " + uri + ": " + cause.getMessage()
                    + "; check pool_management_endpoint", 0, cause);
        }
        return new ACADynamicSessionsException("connection error talking to " + uri + ": " + cause, 0, cause);
    }

    private static String abbreviate(String text) {
        String t = text.strip();
        return t.length() > 500 ? t.substring(0, 500) + "..." : t;
    }

    @Override
    public void close() {
        transport.close();
    }
}
