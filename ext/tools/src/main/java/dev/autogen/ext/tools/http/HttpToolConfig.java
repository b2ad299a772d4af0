package dev.autogen.ext.tools.http;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link HttpTool}, with the field names and defaults of Python's
 * {@code HttpToolConfig}:
 * <pre>{@code
 * {"name": "base64_decode", "description": "base64 decode a value", "scheme": "https",
 *  "host": "httpbin.org", "port": 443, "path": "/base64/{value}", "method": "GET",
 *  "headers": null, "json_schema": {"type": "object", "properties": {"value": {"type": "string"}},
 *  "required": ["value"]}, "return_type": "text"}
 * }</pre>
 * Missing optional fields take Python's defaults when read: scheme {@code http}, path {@code /},
 * method {@code POST}, return type {@code text}.
 *
 * @param name the tool name
 * @param description the tool description; null for none
 * @param scheme {@code http} or {@code https}
 * @param host the host name or address
 * @param port the port
 * @param path the path, with {@code {param}} placeholders filled from arguments of the same name
 * @param method {@code GET}, {@code POST}, {@code PUT}, {@code DELETE} or {@code PATCH}
 * @param headers headers sent with every request; values are sent as text; null for none
 * @param jsonSchema the JSON schema of the arguments (an object schema); path parameters must be in it
 * @param returnType {@code text} (the body as-is) or {@code json} (the body parsed as JSON)
 * @param timeout seconds a call may take before it fails; null for the default (5 seconds, as
 *     Python's httpx). A Java addition: Python ignores it when it reads the config
 */
@JsonPropertyOrder({"name", "description", "scheme", "host", "port", "path", "method", "headers", "json_schema",
        "return_type", "timeout"})
public record HttpToolConfig(
        String name,
        @Nullable String description,
        String scheme,
        String host,
        int port,
        String path,
        String method,
        @Nullable Map<String, Object> headers,
        ObjectNode jsonSchema,
        String returnType,
        @Nullable Double timeout) {

    public HttpToolConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(jsonSchema, "jsonSchema");
        Objects.requireNonNull(returnType, "returnType");
        headers = headers == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        jsonSchema = jsonSchema.deepCopy();
    }

    @JsonCreator
    static HttpToolConfig fromJson(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty("description") @Nullable String description,
            @JsonProperty("scheme") @Nullable String scheme,
            @JsonProperty(value = "host", required = true) String host,
            @JsonProperty(value = "port", required = true) int port,
            @JsonProperty("path") @Nullable String path,
            @JsonProperty("method") @Nullable String method,
            @JsonProperty("headers") @Nullable Map<String, Object> headers,
            @JsonProperty(value = "json_schema", required = true) ObjectNode jsonSchema,
            @JsonProperty("return_type") @Nullable String returnType,
            @JsonProperty("timeout") @Nullable Double timeout) {
        return new HttpToolConfig(name, description, scheme == null ? "http" : scheme, host, port,
                path == null ? "/" : path, method == null ? "POST" : method, headers, jsonSchema,
                returnType == null ? "text" : returnType, timeout);
    }

    /** The JSON schema of the arguments (a copy). */
    @Override
    public ObjectNode jsonSchema() {
        return jsonSchema.deepCopy();
    }
}
