package dev.autogen.ext.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.ext.http.HttpTransport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A thin client for OpenAI's REST resources beyond chat completions (assistants, threads, runs,
 * files, vector stores), on the same HTTP pipeline as {@link OpenAIChatCompletionClient}: its retries,
 * timeouts, cancellation and error messages ({@link OpenAIApiException} with the server's own error).
 * It plays the part of the {@code openai} SDK's {@code AsyncOpenAI} / {@code AsyncAzureOpenAI} that
 * Python's {@code OpenAIAssistantAgent} takes. Thread-safe; close it to release its connections.
 *
 * <pre>{@code
 * try (var openai = OpenAIClient.builder().build()) {          // OPENAI_API_KEY, OPENAI_BASE_URL
 *     JsonNode files = openai.get("/files", Map.of(), new CancellationToken());
 * }
 * var azure = OpenAIClient.builder()
 *         .azureEndpoint("https://my-resource.openai.azure.com/")
 *         .apiVersion("2024-05-01-preview")                   // AZURE_OPENAI_API_KEY, or azureAdTokenProvider(...)
 *         .build();
 * }</pre>
 */
public final class OpenAIClient implements AutoCloseable {
    private final URI base;
    private final @Nullable String apiVersion;
    private final Map<String, String> fixedHeaders;
    private final @Nullable Supplier<String> tokenProvider;
    private final @Nullable String missingCredentials;
    private final OpenAIHttp http;
    private final HttpTransport transport;

    private OpenAIClient(Builder b, Function<String, @Nullable String> env) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (b.azureEndpoint != null) {
            if (b.apiVersion == null || b.apiVersion.isBlank()) {
                throw new IllegalArgumentException("an Azure OpenAI client needs api_version, e.g. 2024-05-01-preview");
            }
            this.base = AzureEndpoint.of(b.azureEndpoint, "/openai", "azure_endpoint",
                    "your resource's endpoint, such as https://my-resource.openai.azure.com/").require();
            this.apiVersion = b.apiVersion;
            String key = b.apiKey != null ? b.apiKey : nonBlank(env.apply("AZURE_OPENAI_API_KEY"));
            this.tokenProvider = key == null ? b.azureAdTokenProvider : null;
            if (key != null) {
                headers.put("api-key", key);
            }
            this.missingCredentials = key == null && tokenProvider == null
                    ? "Missing credentials for Azure OpenAI at " + base.getHost() + ": pass apiKey(...) or"
                            + " azureAdTokenProvider(...) to the builder, or set AZURE_OPENAI_API_KEY"
                    : null;
        } else {
            String baseUrl = b.baseUrl != null ? b.baseUrl : nonBlank(env.apply("OPENAI_BASE_URL"));
            if (baseUrl == null) {
                baseUrl = OpenAIChatCompletionClient.DEFAULT_BASE_URL;
            }
            this.base = parseBase(baseUrl);
            this.apiVersion = null;
            this.tokenProvider = null;
            String key = b.apiKey != null ? b.apiKey : nonBlank(env.apply("OPENAI_API_KEY"));
            if (key != null) {
                headers.put("Authorization", "Bearer " + key);
            }
            boolean hosted = stripSlashes(baseUrl).equals(OpenAIChatCompletionClient.DEFAULT_BASE_URL);
            this.missingCredentials = key == null && hosted
                    ? "Missing OpenAI API key: pass apiKey(...) to the builder or set the OPENAI_API_KEY environment"
                            + " variable"
                    : null;
            String organization = b.organization != null ? b.organization : nonBlank(env.apply("OPENAI_ORG_ID"));
            if (organization != null) {
                headers.put("OpenAI-Organization", organization);
            }
            String project = b.project != null ? b.project : nonBlank(env.apply("OPENAI_PROJECT_ID"));
            if (project != null) {
                headers.put("OpenAI-Project", project);
            }
        }
        headers.putAll(b.defaultHeaders);
        this.fixedHeaders = Map.copyOf(headers);
        this.http = new OpenAIHttp(b.azureEndpoint != null ? "Azure OpenAI API" : "OpenAI API", "the API", b.timeout,
                HttpTransport.DEFAULT_IDLE_TIMEOUT, b.maxRetries, "OpenAI API request");
        this.transport = http.transport();
    }

    /** A builder for OpenAI (or any compatible server at {@link Builder#baseUrl}) or Azure OpenAI. */
    public static Builder builder() {
        return new Builder();
    }

    /** The URL that request paths are appended to, e.g. {@code https://api.openai.com/v1}. */
    public URI baseUrl() {
        return base;
    }

    /**
     * {@code GET path} with the query parameters {@code query} (URL-encoded here).
     *
     * @throws OpenAIApiException for an error answer, with the server's message
     * @throws OpenAIException when the server cannot be reached or answers something that is not JSON
     * @throws java.util.concurrent.CancellationException if {@code token} is cancelled
     */
    public JsonNode get(String path, Map<String, String> query, CancellationToken token) {
        return call("GET", path + queryString(query), null, Map.of(), token);
    }

    /** {@code POST path} with a JSON body; see {@link #get} for the failures. */
    public JsonNode post(String path, JsonNode body, CancellationToken token) {
        return call("POST", path, body, Map.of(), token);
    }

    /** {@code DELETE path}; see {@link #get} for the failures. */
    public JsonNode delete(String path, CancellationToken token) {
        return call("DELETE", path, null, Map.of(), token);
    }

    /**
     * One request with extra headers (e.g. {@code OpenAI-Beta: assistants=v2}); {@code body} null for
     * none. {@code pathAndQuery} is appended to {@link #baseUrl()} as given.
     */
    public JsonNode call(String method, String pathAndQuery, @Nullable JsonNode body, Map<String, String> headers,
            CancellationToken token) {
        URI uri = uri(pathAndQuery);
        String text = body == null ? null : body.toString();
        HttpRequest.BodyPublisher publisher = text == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(text);
        return send(method, uri, headers, text == null ? null : "application/json", publisher, token);
    }

    /**
     * Uploads a file as {@code multipart/form-data} ({@code POST /files} with {@code purpose} and
     * {@code file}), returning OpenAI's file object ({@code {"id": "file-...", "object": "file", ...}}).
     */
    public JsonNode uploadFile(String purpose, String fileName, byte[] content, CancellationToken token) {
        return postMultipart("/files", Map.of("purpose", purpose), "file", fileName, "application/octet-stream", content,
                token);
    }

    /**
     * {@code POST path} as {@code multipart/form-data}: the text {@code fields} in order (a field name
     * may repeat by ending in {@code []}, as {@code timestamp_granularities[]}), then one file part
     * {@code fileField} with {@code fileName}, {@code fileType} and {@code content}. Used for uploads and
     * audio transcriptions ({@code /audio/transcriptions}); see {@link #get} for the failures.
     */
    public JsonNode postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
            String fileType, byte[] content, CancellationToken token) {
        String boundary = "autogen-" + UUID.randomUUID();
        var out = new ByteArrayOutputStream(content.length + 512);
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + headerValue(name) + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + headerValue(fileField)
                + "\"; filename=\"" + headerValue(fileName) + "\"\r\nContent-Type: " + headerValue(fileType)
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] body = out.toByteArray();
        return send("POST", uri(path), Map.of(), "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body), token);
    }

    private static String headerValue(String text) {
        return text.replace("\"", "%22").replace("\r", "").replace("\n", "");
    }

    private JsonNode send(String method, URI uri, Map<String, String> extra, @Nullable String contentType,
            HttpRequest.BodyPublisher body, CancellationToken token) {
        if (missingCredentials != null) {
            throw new IllegalStateException(missingCredentials);
        }
        return transport.exchange(() -> http.request(method, uri, headers(extra), contentType, body), null, token,
                (response, in) -> {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    return OpenAIHttp.parseJson(uri, response.statusCode(), contentType(response), text,
                            "a JSON object");
                });
    }

    private Map<String, String> headers(Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(fixedHeaders);
        if (tokenProvider != null) {
            headers.put("Authorization", AzureEndpoint.bearer(tokenProvider));
        }
        headers.putAll(extra);
        return headers;
    }

    private URI uri(String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("request path must start with '/', got '" + pathAndQuery + "'");
        }
        String url = base + pathAndQuery;
        if (apiVersion != null) {
            url += (pathAndQuery.contains("?") ? "&" : "?") + "api-version="
                    + java.net.URLEncoder.encode(apiVersion, StandardCharsets.UTF_8);
        }
        return URI.create(url);
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        var sb = new StringBuilder();
        query.forEach((k, v) -> sb.append(sb.isEmpty() ? '?' : '&').append(encode(k)).append('=').append(encode(v)));
        return sb.toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("content-type").orElse("?");
    }

    private static URI parseBase(String baseUrl) {
        String trimmed = stripSlashes(baseUrl.strip());
        try {
            URI uri = URI.create(trimmed);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("base_url '" + baseUrl + "' is not an http(s) URL such as "
                + OpenAIChatCompletionClient.DEFAULT_BASE_URL);
    }

    private static String stripSlashes(String url) {
        String s = url;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static @Nullable String nonBlank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Closes the HTTP client. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "OpenAIClient(" + base + ")";
    }

    /** Builds an {@link OpenAIClient}; every setting is optional for OpenAI itself. */
    public static final class Builder {
        private @Nullable String baseUrl;
        private @Nullable String apiKey;
        private @Nullable String organization;
        private @Nullable String project;
        private @Nullable String azureEndpoint;
        private @Nullable String apiVersion;
        private @Nullable Supplier<String> azureAdTokenProvider;
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(600);
        private int maxRetries = 2;
        private Function<String, @Nullable String> env = System::getenv;

        private Builder() {
        }

        /** The API's base URL; default {@code OPENAI_BASE_URL}, else {@code https://api.openai.com/v1}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** The API key; default {@code OPENAI_API_KEY} ({@code AZURE_OPENAI_API_KEY} for Azure). */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /** Sent as {@code OpenAI-Organization}; default {@code OPENAI_ORG_ID}. */
        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /** Sent as {@code OpenAI-Project}; default {@code OPENAI_PROJECT_ID}. */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** Talks to Azure OpenAI at this resource endpoint instead; needs {@link #apiVersion}. */
        public Builder azureEndpoint(String azureEndpoint) {
            this.azureEndpoint = Objects.requireNonNull(azureEndpoint, "azureEndpoint");
            return this;
        }

        /** Azure OpenAI's {@code api-version}, e.g. {@code 2024-05-01-preview}. */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
            return this;
        }

        /** Azure: asked for a bearer token before every attempt, when no API key is given. */
        public Builder azureAdTokenProvider(Supplier<String> provider) {
            this.azureAdTokenProvider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** Adds headers sent with every request. */
        public Builder defaultHeaders(Map<String, String> headers) {
            defaultHeaders.putAll(headers);
            return this;
        }

        /** The longest wait for one request; default 600 s as the openai SDK. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How often a failed request (429, 5xx, connection error) is sent again; default 2. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        Builder env(Function<String, @Nullable String> env) {
            this.env = env;
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalArgumentException if a URL is malformed, or Azure is missing its api version
         */
        public OpenAIClient build() {
            return new OpenAIClient(this, env);
        }
    }
}
