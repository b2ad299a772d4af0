package dev.autogen.ext.code_executors.docker_jupyter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.utils.Concurrency;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A client for a Jupyter server's kernel API, as Python's {@code JupyterClient}: kernelspecs, kernels
 * (start, interrupt, restart, delete) over REST, and a {@link JupyterKernelClient} on a kernel's
 * WebSocket channel. Works with {@code jupyter server} and with Jupyter Kernel Gateway. Thread-safe;
 * close it to release its connections.
 *
 * <!-- java-context: import java.util.List; -->
 * <pre>{@code
 * var info = new JupyterConnectionInfo("127.0.0.1", false, 8888, "my-token");
 * try (var jupyter = new JupyterClient(info)) {
 *     String kernelId = jupyter.startKernel("python3");
 *     try (JupyterKernelClient kernel = jupyter.kernelClient(kernelId)) {
 *         kernel.waitForReady(Duration.ofSeconds(60));
 *         JupyterKernelClient.ExecutionResult r = kernel.execute("print(6 * 7)", Duration.ofSeconds(60));
 *     }
 *     jupyter.deleteKernel(kernelId);
 * }
 * }</pre>
 */
public final class JupyterClient implements AutoCloseable {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final JupyterConnectionInfo info;
    private final HttpClient http;

    /** A client for the server {@code info} describes; nothing is contacted yet. */
    public JupyterClient(JupyterConnectionInfo info) {
        this.info = Objects.requireNonNull(info, "info");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The server this client talks to. */
    public JupyterConnectionInfo connectionInfo() {
        return info;
    }

    /**
     * {@code GET /api/kernelspecs}: {@code {"default": "python3", "kernelspecs": {"python3": {...}}}}.
     *
     * @throws JupyterServerException if the server cannot be reached or answers with an error
     */
    public JsonNode listKernelSpecs() {
        return request("GET", "/api/kernelspecs", null);
    }

    /** The names of the server's kernelspecs. */
    public List<String> kernelSpecNames() {
        List<String> names = new ArrayList<>();
        listKernelSpecs().path("kernelspecs").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code GET /api/kernels}: the running kernels, each {@code {"id", "name", "execution_state", ...}}. */
    public JsonNode listKernels() {
        return request("GET", "/api/kernels", null);
    }

    /**
     * Starts a kernel of {@code kernelSpecName} ({@code POST /api/kernels}) and returns its id.
     *
     * @throws JupyterServerException if the server refuses or answers without an id
     */
    public String startKernel(String kernelSpecName) {
        JsonNode kernel = request("POST", "/api/kernels",
                AutogenJson.mapper().createObjectNode().put("name", kernelSpecName).toString());
        String id = kernel.path("id").asText("");
        if (id.isBlank()) {
            throw new JupyterServerException("the Jupyter server at " + info.apiBaseUrl() + " started a kernel of '"
                    + kernelSpecName + "' but answered without its id: " + abbreviate(kernel.toString()), 0);
        }
        return id;
    }

    /** Shuts a kernel down ({@code DELETE /api/kernels/{id}}). */
    public void deleteKernel(String kernelId) {
        request("DELETE", "/api/kernels/" + encode(kernelId), null);
    }

    /** Restarts a kernel, losing its state ({@code POST /api/kernels/{id}/restart}). */
    public void restartKernel(String kernelId) {
        request("POST", "/api/kernels/" + encode(kernelId) + "/restart", null);
    }

    /** Interrupts what a kernel is running ({@code POST /api/kernels/{id}/interrupt}); its state stays. */
    public void interruptKernel(String kernelId) {
        request("POST", "/api/kernels/" + encode(kernelId) + "/interrupt", null);
    }

    /**
     * Opens the kernel's WebSocket channel ({@code /api/kernels/{id}/channels}).
     *
     * @throws JupyterServerException if the channel cannot be opened
     */
    public JupyterKernelClient kernelClient(String kernelId) {
        URI uri = URI.create(info.wsBaseUrl() + "/api/kernels/" + encode(kernelId) + "/channels");
        return JupyterKernelClient.connect(http, uri, headers());
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (info.token() != null && !info.token().isEmpty()) {
            headers.put("Authorization", "token " + info.token());
        }
        return headers;
    }

    private JsonNode request(String method, String path, String body) {
        URI uri = URI.create(info.apiBaseUrl() + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        headers().forEach(builder::header);
        HttpResponse<String> response;
        try {
            response = Concurrency.await(http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString()),
                    new CancellationToken(), REQUEST_TIMEOUT, "the Jupyter request " + method + " " + uri);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new JupyterServerException("cannot reach the Jupyter server at " + info.apiBaseUrl() + " (" + method + " "
                    + path + "): " + describe(cause) + "; check that it is running and its host and port", 0, cause);
        } catch (TimeoutException e) {
            throw new JupyterServerException("the Jupyter server at " + info.apiBaseUrl() + " did not answer " + method
                    + " " + path + " within " + REQUEST_TIMEOUT.toSeconds() + " s", 0, e);
        } catch (CancellationException e) {
            throw e;
        }
        int status = response.statusCode();
        String text = response.body() == null ? "" : response.body();
        if (status < 200 || status >= 300) {
            String hint = status == 403 || status == 401 ? "; check the token" : status == 404 ? "; no such kernel or path" : "";
            throw new JupyterServerException("the Jupyter server at " + info.apiBaseUrl() + " answered HTTP " + status
                    + " to " + method + " " + path + hint + ": " + abbreviate(message(text)), status);
        }
        if (text.isBlank()) {
            return AutogenJson.mapper().createObjectNode();
        }
        try {
            return AutogenJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new JupyterServerException("the Jupyter server at " + info.apiBaseUrl() + " answered " + method + " "
                    + path + " with something that is not JSON: " + abbreviate(text), status, e);
        }
    }

    /** The {@code message} of a Jupyter error body ({@code {"message": ..., "reason": ...}}), else the body. */
    private static String message(String body) {
        try {
            JsonNode node = AutogenJson.mapper().readTree(body);
            if (node != null && node.path("message").isTextual() && !node.path("message").asText().isBlank()) {
                return node.path("message").asText();
            }
        } catch (IOException notJson) {
            // show the body itself
        }
        return body.isBlank() ? "(empty body)" : body.strip();
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    static String describe(Throwable t) {
        return t.getMessage() != null && !t.getMessage().isBlank() ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Releases the HTTP client. */
    @Override
    public void close() {
        http.close();
    }
}
