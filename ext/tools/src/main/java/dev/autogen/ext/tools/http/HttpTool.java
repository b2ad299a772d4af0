package dev.autogen.ext.tools.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.ext.http.HttpCallException;
import dev.autogen.ext.http.HttpErrorDecoder;
import dev.autogen.ext.http.HttpTransport;
import dev.autogen.ext.http.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP endpoint used as a tool, the counterpart of Python's {@code HttpTool}. The model's
 * arguments (described by a JSON schema) fill the {@code {param}} placeholders of the path; the
 * rest become query parameters for {@code GET} and {@code DELETE} and a JSON body otherwise. The
 * response body is returned as text, or parsed as JSON.
 *
 * <pre>{@code
 * HttpTool decode = HttpTool.builder()
 *         .name("base64_decode").description("base64 decode a value")
 *         .scheme("https").host("httpbin.org").port(443)
 *         .path("/base64/{value}").method(HttpTool.Method.GET)
 *         .jsonSchema("""
 *             {"type": "object",
 *              "properties": {"value": {"type": "string", "description": "The base64 value to decode"}},
 *              "required": ["value"]}""")
 *         .build();
 * }</pre>
 *
 * <p>Unlike Python's tool, which returns any response body, a call fails (and a workbench reports
 * an error result to the model) when the server answers with a status outside 2xx, cannot be
 * reached, or takes longer than the timeout; the message names the method, URL and status. Only
 * arguments declared in the schema are sent (all given arguments when the schema allows
 * {@code additionalProperties}); an optional argument the model left out is not sent.
 *
 * <p>Requests go through the shared {@link HttpTransport} of {@code ext/http} (without retries) on the
 * JDK's {@link HttpClient} over HTTP/1.1, without following redirects,
 * as Python's httpx does by default.
 */
public final class HttpTool implements Tool, Component<HttpToolConfig> {
    /** The provider string Python writes for this tool. */
    public static final String PROVIDER = "autogen_ext.tools.http.HttpTool";
    /** The time a call may take unless configured otherwise: httpx's default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]*)}");
    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final Provider COMPONENT_PROVIDER = new Provider();
    private static final int MAX_ERROR_BODY = 500;
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** The HTTP methods a tool can use. */
    public enum Method { GET, POST, PUT, DELETE, PATCH }

    /** What a call returns: the body as text, or the body parsed as JSON (a {@link JsonNode}). */
    public enum ReturnType {
        TEXT, JSON;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final HttpToolConfig config;
    private final Method method;
    private final ReturnType returnType;
    private final Duration timeout;
    private final HttpTransport transport;
    private final Set<String> pathParams;
    private final Map<String, String> headers;
    private final ToolSchema schema;
    private final boolean allowsAdditional;

    /**
     * A tool for a config, as loaded from JSON.
     *
     * @throws IllegalArgumentException naming the field, for an invalid scheme, port, method,
     *     return type, timeout, header, or a path parameter missing from the JSON schema
     */
    public HttpTool(HttpToolConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        String where = "HttpTool '" + config.name() + "': ";
        if (config.name().isBlank()) {
            throw new IllegalArgumentException("HttpTool name must not be blank");
        }
        if (!SCHEMES.contains(config.scheme())) {
            throw new IllegalArgumentException(where + "scheme must be 'http' or 'https', got '" + config.scheme() + "'");
        }
        if (config.host().isBlank()) {
            throw new IllegalArgumentException(where + "host must not be blank");
        }
        if (config.port() < 1 || config.port() > 65535) {
            throw new IllegalArgumentException(where + "port must be between 1 and 65535, got " + config.port());
        }
        if (!config.path().startsWith("/")) {
            throw new IllegalArgumentException(where + "path must start with '/', got '" + config.path() + "'");
        }
        this.method = parseEnum(Method.class, config.method(), where + "method");
        this.returnType = parseEnum(ReturnType.class, config.returnType(), where + "return_type");
        this.timeout = timeoutOf(config.timeout(), where);
        this.transport = new HttpTransport(CLIENT, RetryPolicy.none(), HttpErrorDecoder.DEFAULT,
                "HTTP tool '" + config.name() + "' call");
        this.headers = headersOf(config.headers(), where);
        ObjectNode jsonSchema = config.jsonSchema();
        JsonNode type = jsonSchema.get("type");
        if (type != null && !"object".equals(type.asText())) {
            throw new IllegalArgumentException(where + "json_schema must describe an object, got type " + type);
        }
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        if (jsonSchema.get("properties") instanceof ObjectNode props) {
            props.properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
        }
        this.pathParams = pathParamsOf(config.path());
        for (String param : pathParams) {
            if (!properties.containsKey(param)) {
                throw new IllegalArgumentException(where + "path parameter '{" + param + "}' of '" + config.path()
                        + "' is not a property of json_schema; add it (as a string) to json_schema.properties");
            }
        }
        List<String> required = new ArrayList<>();
        if (jsonSchema.get("required") instanceof com.fasterxml.jackson.databind.node.ArrayNode names) {
            names.forEach(n -> required.add(n.asText()));
        }
        this.allowsAdditional = jsonSchema.path("additionalProperties").asBoolean(false);
        this.schema = new ToolSchema(config.name(), config.description(),
                new ParametersSchema("object", properties, required, allowsAdditional), false);
    }

    /** A builder; name, host, port and JSON schema are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public String description() {
        return config.description() == null ? "" : config.description();
    }

    @Override
    public ToolSchema schema() {
        return schema;
    }

    /** The HTTP method. */
    public Method method() {
        return method;
    }

    /** What a call returns. */
    public ReturnType returnType() {
        return returnType;
    }

    /** The time a call may take. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Sends the request for {@code args}.
     *
     * @return the body as a {@code String}, or as a {@link JsonNode} for return type {@code json}
     * @throws dev.autogen.core.tools.ToolArgumentsException if the arguments are not an object,
     *     miss a required argument, or have a value of the wrong JSON type
     * @throws HttpToolException if the server cannot be reached, times out, answers outside 2xx,
     *     or (for {@code json}) does not answer JSON
     * @throws CancellationException if the token is cancelled
     */
    @Override
    public Object runJson(JsonNode args, CancellationToken cancellationToken, @Nullable String callId)
            throws HttpToolException {
        ObjectNode arguments = HttpArguments.check(name(), schema.parameters(), args);
        Map<String, JsonNode> pathValues = new LinkedHashMap<>();
        Map<String, JsonNode> rest = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : arguments.properties()) {
            if (pathParams.contains(e.getKey())) {
                pathValues.put(e.getKey(), e.getValue());
            } else if (allowsAdditional || schema.parameters().properties().containsKey(e.getKey())) {
                rest.put(e.getKey(), e.getValue());
            }
        }
        boolean queryArgs = method == Method.GET || method == Method.DELETE;
        URI uri = HttpArguments.uri(config.scheme(), config.host(), config.port(),
                HttpArguments.fillPath(name(), config.path(), pathValues), queryArgs ? rest : Map.of());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        headers.forEach(request::header);
        if (queryArgs) {
            request.method(method.name(), HttpRequest.BodyPublishers.noBody());
        } else {
            if (!headers.keySet().stream().anyMatch("content-type"::equalsIgnoreCase)) {
                request.header("Content-Type", "application/json");
            }
            request.method(method.name(), HttpRequest.BodyPublishers.ofString(HttpArguments.jsonBody(rest), StandardCharsets.UTF_8));
        }
        String target = method + " " + uri;
        HttpResponse<String> response = send(request.build(), target, cancellationToken);
        int status = response.statusCode();
        if (returnType == ReturnType.JSON) {
            try {
                return AutogenJson.mapper().readTree(response.body());
            } catch (IOException e) {
                throw new HttpToolException(target + " answered with a body that is not JSON (return_type is 'json'): "
                        + abbreviate(response.body()), status, uri);
            }
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request, String target, CancellationToken token) throws HttpToolException {
        try {
            // The request timeout covers the wait for headers; the wait bounds the whole exchange, body included.
            return transport.send(() -> request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), timeout,
                    token);
        } catch (HttpCallException e) {
            if (e.status() > 0) {
                throw new HttpToolException(target + " failed with HTTP status " + e.status() + ": "
                        + abbreviate(e.body()), e.status(), request.uri());
            }
            if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                throw new HttpToolException(target + " timed out after " + describe(timeout), null, request.uri());
            }
            throw new HttpToolException(target + " failed: " + describe(e.getCause() != null ? e.getCause() : e), null,
                    request.uri());
        }
    }

    private String describe(Throwable error) {
        if (error instanceof ConnectException || error.getCause() instanceof ConnectException) {
            return "could not connect to " + config.host() + ":" + config.port() + " (connection refused)";
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
    }

    private static String abbreviate(String body) {
        String text = body.strip();
        if (text.isEmpty()) {
            return "(empty body)";
        }
        return text.length() <= MAX_ERROR_BODY ? text : text.substring(0, MAX_ERROR_BODY) + "...";
    }

    private static Set<String> pathParamsOf(String path) {
        Set<String> params = new LinkedHashSet<>();
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) {
            params.add(m.group(1));
        }
        return Set.copyOf(params);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(type == ReturnType.class ? e.name().toLowerCase(Locale.ROOT) : e.name());
        }
        throw new IllegalArgumentException(field + " must be one of " + allowed + ", got '" + value + "'");
    }

    private static Duration timeoutOf(@Nullable Double seconds, String where) {
        if (seconds == null) {
            return DEFAULT_TIMEOUT;
        }
        if (!(seconds > 0) || seconds.isInfinite()) {
            throw new IllegalArgumentException(where + "timeout must be a positive number of seconds, got " + seconds);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static Map<String, String> headersOf(@Nullable Map<String, Object> given, String where) {
        Map<String, String> result = new LinkedHashMap<>();
        if (given == null) {
            return result;
        }
        HttpRequest.Builder probe = HttpRequest.newBuilder(URI.create("http://localhost/"));
        for (Map.Entry<String, Object> e : given.entrySet()) {
            Object value = e.getValue();
            String text = value == null ? "" : value instanceof JsonNode node && node.isValueNode() ? node.asText() : value.toString();
            try {
                probe.header(e.getKey(), text);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + "header '" + e.getKey() + "' cannot be set: " + ex.getMessage(), ex);
            }
            result.put(e.getKey(), text);
        }
        return Map.copyOf(result);
    }

    @Override
    public ComponentProvider<?, HttpToolConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    @Override
    public HttpToolConfig toConfig() {
        return config;
    }

    @Override
    public ComponentModel dumpComponent() {
        return Component.super.dumpComponent();
    }

    @Override
    public String toString() {
        return "HttpTool[" + name() + ": " + method + " " + config.scheme() + "://" + config.host() + ":" + config.port()
                + config.path() + "]";
    }

    /** Builds an {@link HttpTool}; defaults are Python's (scheme http, path /, method POST, text). */
    public static final class Builder {
        private @Nullable String name;
        private @Nullable String description = "HTTP tool";
        private String scheme = "http";
        private @Nullable String host;
        private int port = -1;
        private String path = "/";
        private Method method = Method.POST;
        private @Nullable Map<String, Object> headers;
        private @Nullable ObjectNode jsonSchema;
        private ReturnType returnType = ReturnType.TEXT;
        private @Nullable Double timeout;

        private Builder() {
        }

        /** The tool name the model calls. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** What the tool does, for the model; Python's default is {@code "HTTP tool"}. */
        public Builder description(@Nullable String description) {
            this.description = description;
            return this;
        }

        /** {@code http} (default) or {@code https}. */
        public Builder scheme(String scheme) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            return this;
        }

        /** The host name or address. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The path, e.g. {@code /users/{id}}; {@code /} by default. */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /** The method; {@code POST} by default. */
        public Builder method(Method method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /** Headers sent with every request. */
        public Builder headers(Map<String, ?> headers) {
            this.headers = new LinkedHashMap<>(Objects.requireNonNull(headers, "headers"));
            return this;
        }

        /** The arguments' JSON schema (an object schema). */
        public Builder jsonSchema(ObjectNode jsonSchema) {
            this.jsonSchema = Objects.requireNonNull(jsonSchema, "jsonSchema").deepCopy();
            return this;
        }

        /**
         * The arguments' JSON schema as JSON text.
         *
         * @throws IllegalArgumentException if it is not a JSON object
         */
        public Builder jsonSchema(String jsonSchema) {
            try {
                if (AutogenJson.mapper().readTree(jsonSchema) instanceof ObjectNode object) {
                    this.jsonSchema = object;
                    return this;
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("json_schema is not valid JSON: " + e.getOriginalMessage(), e);
            }
            throw new IllegalArgumentException("json_schema must be a JSON object, got: " + jsonSchema);
        }

        /** Text (default) or parsed JSON. */
        public Builder returnType(ReturnType returnType) {
            this.returnType = Objects.requireNonNull(returnType, "returnType");
            return this;
        }

        /**
         * The time a call may take; {@link #DEFAULT_TIMEOUT} unless set.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout.toNanos() / 1e9;
            return this;
        }

        /**
         * The tool.
         *
         * @throws IllegalStateException if name, host, port or JSON schema is missing
         * @throws IllegalArgumentException for an invalid value (see {@link HttpTool#HttpTool(HttpToolConfig)})
         */
        public HttpTool build() {
            if (name == null || host == null || port < 0 || jsonSchema == null) {
                List<String> missing = new ArrayList<>();
                if (name == null) {
                    missing.add("name");
                }
                if (host == null) {
                    missing.add("host");
                }
                if (port < 0) {
                    missing.add("port");
                }
                if (jsonSchema == null) {
                    missing.add("jsonSchema");
                }
                throw new IllegalStateException("HttpTool.builder(): set " + String.join(", ", missing) + " before build()");
            }
            return new HttpTool(new HttpToolConfig(name, description, scheme, host, port, path, method.name(), headers,
                    jsonSchema, returnType.wireName(), timeout));
        }
    }

    /** Loads and dumps {@value #PROVIDER} configs; registered through {@code META-INF/services}. */
    public static final class Provider extends AbstractComponentProvider<HttpTool, HttpToolConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.TOOL, HttpTool.class, HttpToolConfig.class, "A wrapper for using an HTTP server as a tool.");
            withAliases("autogen_ext.tools.http._http_tool.HttpTool");
        }

        @Override
        public HttpTool fromConfig(HttpToolConfig config, ComponentContext context) {
            try {
                return new HttpTool(config);
            } catch (IllegalArgumentException e) {
                throw context.invalid("", e.getMessage());
            }
        }
    }
}
