package dev.autogen.ext.agents.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.agents.BaseChatAgent;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.agentchat.messages.ToolCallRequestEvent;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.component.ConsentRefusedException;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.StaticWorkbench;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.ext.http.HttpRetries;
import dev.autogen.ext.models.openai.OpenAIClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent backed by OpenAI's Assistants API (v2), the counterpart of Python's
 * {@code autogen_ext.agents.openai.OpenAIAssistantAgent}: the assistant and its conversation thread
 * live on the server; each turn adds the new messages to the thread, starts a run and polls it until it
 * completes, executing the agent's own function tools when the run asks for them
 * ({@code requires_action}) and submitting their outputs. Built-in tools are {@code code_interpreter}
 * and {@code file_search}; {@link #onUploadForCodeInterpreter} and {@link #onUploadForFileSearch} upload
 * files for them (file search through a vector store the agent creates).
 *
 * <p>The assistant and the thread are created on first use, or an existing one is used with
 * {@link Builder#assistantId} / {@link Builder#threadId}. Clean up with {@link #deleteUploadedFiles},
 * {@link #deleteVectorStore} and {@link #deleteAssistant}. One turn at a time: concurrent calls wait.
 *
 * <!-- java-context: import java.nio.file.Path; import dev.autogen.core.CancellationToken;
 *      import dev.autogen.agentchat.messages.TextMessage; import java.util.List; -->
 * <pre>{@code
 * try (var openai = OpenAIClient.builder().build()) {                  // OPENAI_API_KEY
 *     var assistant = OpenAIAssistantAgent.builder("PythonHelper", openai)
 *             .description("Helps with Python programming")
 *             .model("gpt-4o")
 *             .instructions("You are a helpful Python programming assistant.")
 *             .codeInterpreter()
 *             .build();
 *     var token = new CancellationToken();
 *     assistant.onUploadForCodeInterpreter(List.of(Path.of("data.csv")), token);
 *     Response response = assistant.onMessages(List.of(new TextMessage("Analyze the data in data.csv", "user")), token);
 *     assistant.deleteUploadedFiles(token);
 *     assistant.deleteAssistant(token);
 * }
 * }</pre>
 */
public final class OpenAIAssistantAgent extends BaseChatAgent {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAIAssistantAgent.class);
    /** The header every Assistants API v2 request carries. */
    static final Map<String, String> BETA = Map.of("OpenAI-Beta", "assistants=v2");
    private static final int PAGE = 100;

    private final OpenAIClient client;
    private final @Nullable String model;
    private final @Nullable String instructions;
    private final List<ObjectNode> apiTools;
    private final List<Tool> tools;
    private final @Nullable StaticWorkbench workbench;
    private final @Nullable Map<String, String> metadata;
    private final @Nullable JsonNode responseFormat;
    private final @Nullable Double temperature;
    private final @Nullable JsonNode toolResources;
    private final @Nullable Double topP;
    private final Duration pollInterval;
    private final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock.
    private @Nullable String givenAssistantId;
    private @Nullable String givenThreadId;
    private @Nullable String assistantId;
    private @Nullable String threadId;
    private Set<String> initialMessageIds = new LinkedHashSet<>();
    private boolean initialStateRetrieved;
    private @Nullable String vectorStoreId;
    private List<String> uploadedFileIds = new ArrayList<>();

    private OpenAIAssistantAgent(Builder b) {
        super(b.name, b.description);
        this.client = b.client;
        this.model = b.model;
        this.instructions = b.instructions;
        this.apiTools = List.copyOf(b.apiTools);
        this.tools = List.copyOf(b.tools);
        this.workbench = tools.isEmpty() ? null : new StaticWorkbench(tools);
        this.metadata = b.metadata;
        this.responseFormat = b.responseFormat;
        this.temperature = b.temperature;
        this.toolResources = b.toolResources;
        this.topP = b.topP;
        this.pollInterval = b.pollInterval;
        this.givenAssistantId = b.assistantId;
        this.givenThreadId = b.threadId;
    }

    /**
     * A builder. Give {@link Builder#model} and {@link Builder#instructions} to create a new assistant,
     * or {@link Builder#assistantId} to use an existing one.
     */
    public static Builder builder(String name, OpenAIClient client) {
        return new Builder(name, client);
    }

    @Override
    public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
        return List.of(TextMessage.class);
    }

    /** The assistant's id once it was created or retrieved (or given), else empty. */
    public Optional<String> assistantId() {
        return locked(() -> Optional.ofNullable(assistantId != null ? assistantId : givenAssistantId));
    }

    /** The thread's id once it was created or retrieved (or given), else empty. */
    public Optional<String> threadId() {
        return locked(() -> Optional.ofNullable(threadId != null ? threadId : givenThreadId));
    }

    /** The tools sent to the API when the agent creates its assistant: built-in ones and functions. */
    public List<JsonNode> apiTools() {
        return List.copyOf(apiTools);
    }

    @Override
    public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken) {
        return onMessagesStream(messages, cancellationToken, message -> {
        });
    }

    /**
     * Adds {@code messages} to the thread as user messages, runs the assistant and answers with its
     * latest text message. Tool calls and their results are handed to {@code events} as they happen.
     *
     * @throws OpenAIAssistantRunException if the run fails, expires or is cancelled on the server
     * @throws dev.autogen.ext.models.openai.OpenAIException if a request fails
     * @throws CancellationException if {@code cancellationToken} is cancelled (the run is then cancelled
     *     on the server too, as far as it can be)
     */
    @Override
    public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events) {
        return locked(() -> {
            ensureInitialized(cancellationToken);
            for (BaseChatMessage message : messages) {
                addToThread(message, cancellationToken);
            }
            List<BaseMessage> inner = new ArrayList<>();
            ObjectNode runRequest = object().put("assistant_id", assistantId);
            JsonNode run = client.call("POST", threadPath("/runs"), runRequest, BETA, cancellationToken);
            String runId = requireText(run, "id", "the created run");
            try {
                while (true) {
                    run = client.call("GET", threadPath("/runs/" + encode(runId)), null, BETA, cancellationToken);
                    String status = run.path("status").asText("");
                    switch (status) {
                        case "completed" -> {
                            TextMessage reply = new TextMessage(lastAssistantText(runId, cancellationToken), name());
                            return new Response(reply, inner);
                        }
                        case "failed", "cancelled", "expired", "incomplete" -> throw runEnded(runId, status, run);
                        case "requires_action" -> {
                            if (run.path("required_action").isObject()) {
                                submitToolOutputs(runId, run, cancellationToken, inner, events);
                                continue;
                            }
                            HttpRetries.sleep(pollInterval, cancellationToken, "wait for the assistant's run");
                        }
                        default -> HttpRetries.sleep(pollInterval, cancellationToken, "wait for the assistant's run");
                    }
                }
            } catch (CancellationException e) {
                cancelRunQuietly(runId);
                throw e;
            }
        });
    }

    private void submitToolOutputs(String runId, JsonNode run, CancellationToken token, List<BaseMessage> inner,
            Consumer<? super BaseMessage> events) {
        List<FunctionCall> calls = new ArrayList<>();
        for (JsonNode call : run.path("required_action").path("submit_tool_outputs").path("tool_calls")) {
            if ("function".equals(call.path("type").asText())) {
                calls.add(new FunctionCall(call.path("id").asText(), call.path("function").path("arguments").asText(""),
                        call.path("function").path("name").asText()));
            }
        }
        var request = new ToolCallRequestEvent(calls, name());
        inner.add(request);
        events.accept(request);
        List<FunctionExecutionResult> results = new ArrayList<>();
        for (FunctionCall call : calls) {
            results.add(execute(call, token));
        }
        var execution = new ToolCallExecutionEvent(results, name());
        inner.add(execution);
        events.accept(execution);
        ArrayNode outputs = AutogenJson.mapper().createArrayNode();
        for (FunctionExecutionResult result : results) {
            outputs.addObject().put("tool_call_id", result.callId()).put("output", result.content());
        }
        ObjectNode body = object();
        body.set("tool_outputs", outputs);
        client.call("POST", threadPath("/runs/" + encode(runId) + "/submit_tool_outputs"), body, BETA, token);
    }

    /** Runs one function call; a missing tool, malformed arguments or a crash give an error result. */
    private FunctionExecutionResult execute(FunctionCall call, CancellationToken token) {
        if (workbench == null) {
            return new FunctionExecutionResult("Error: the tool '" + call.name() + "' is not available: this agent"
                    + " has no function tools", call.name(), call.id(), true);
        }
        ToolResult result;
        try {
            result = workbench.callTool(call, token);
        } catch (CancellationException | ConsentRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("tool '{}' failed", call.name(), e);
            result = ToolResult.error(call.name(), String.valueOf(e.getMessage()));
        }
        String text = result.toText();
        if (result.isError() && !text.startsWith("Error")) {
            text = "Error: " + text;
        }
        return new FunctionExecutionResult(text, call.name(), call.id(), result.isError());
    }

    private String lastAssistantText(String runId, CancellationToken token) {
        JsonNode page = client.call("GET", threadPath("/messages?order=desc&limit=1"), null, BETA, token);
        JsonNode last = page.path("data").path(0);
        if (last.isMissingNode()) {
            throw new IllegalStateException("run " + runId + " of thread " + threadId
                    + " completed but the thread has no messages");
        }
        for (JsonNode content : last.path("content")) {
            if ("text".equals(content.path("type").asText())) {
                return content.path("text").path("value").asText("");
            }
        }
        throw new IllegalStateException("the assistant's last message " + last.path("id").asText("?") + " in thread "
                + threadId + " has no text content; its content types are "
                + last.path("content").findValuesAsText("type"));
    }

    private void cancelRunQuietly(String runId) {
        try {
            client.call("POST", threadPath("/runs/" + encode(runId) + "/cancel"), object(), BETA, new CancellationToken());
        } catch (RuntimeException e) {
            LOG.warn("could not cancel run {} of thread {} after the turn was cancelled: {}", runId, threadId,
                    e.getMessage());
        }
    }

    private static OpenAIAssistantRunException runEnded(String runId, String status, JsonNode run) {
        JsonNode error = run.path("last_error");
        String code = error.path("code").isTextual() ? error.path("code").asText() : null;
        String message = error.path("message").isTextual() ? error.path("message").asText() : null;
        String incomplete = run.path("incomplete_details").path("reason").asText(null);
        var sb = new StringBuilder("run ").append(runId).append(' ').append(switch (status) {
            case "failed" -> "failed";
            case "cancelled" -> "was cancelled";
            case "expired" -> "expired";
            default -> "ended incomplete";
        });
        if (code != null || message != null) {
            sb.append(": ").append(code != null ? code : "error").append(message != null ? ": " + message : "");
        } else if (incomplete != null) {
            sb.append(": ").append(incomplete);
        }
        return new OpenAIAssistantRunException(sb.toString(), runId, status, code, message);
    }

    private void addToThread(BaseChatMessage message, CancellationToken token) {
        ObjectNode body = object().put("role", "user");
        UserContent content = message.toModelMessage().content();
        if (content instanceof UserContent.Multi multi) {
            ArrayNode parts = body.putArray("content");
            for (Object part : multi.parts()) {
                if (part instanceof String text) {
                    parts.addObject().put("type", "text").put("text", text);
                } else if (part instanceof Image image) {
                    parts.addObject().put("type", "image_url").putObject("image_url").put("url", image.toDataUri());
                }
            }
        } else {
            body.put("content", content.toText());
        }
        client.call("POST", threadPath("/messages"), body, BETA, token);
    }

    /**
     * Deletes the messages added to the thread since the agent first used it (the thread's earlier
     * messages stay), as Python's {@code on_reset}.
     */
    @Override
    public void onReset(CancellationToken cancellationToken) {
        locked(() -> {
            ensureInitialized(cancellationToken);
            for (String id : listMessageIds(cancellationToken)) {
                if (!initialMessageIds.contains(id)) {
                    JsonNode deleted = client.call("DELETE", threadPath("/messages/" + encode(id)), null, BETA,
                            cancellationToken);
                    if (!deleted.path("deleted").asBoolean(false)) {
                        throw new IllegalStateException("the server did not delete message " + id + " of thread "
                                + threadId + "; it answered " + deleted);
                    }
                }
            }
            return null;
        });
    }

    /**
     * Uploads files (purpose {@code assistants}) and adds them to the thread's code-interpreter files.
     *
     * @throws IllegalArgumentException if a file cannot be read
     */
    public void onUploadForCodeInterpreter(List<Path> files, CancellationToken cancellationToken) {
        locked(() -> {
            ensureInitialized(cancellationToken);
            List<String> ids = upload(files, cancellationToken);
            JsonNode thread = client.call("GET", threadPath(""), null, BETA, cancellationToken);
            ObjectNode resources = thread.path("tool_resources").isObject()
                    ? ((ObjectNode) thread.get("tool_resources")).deepCopy() : object();
            ArrayNode fileIds = AutogenJson.mapper().createArrayNode();
            resources.path("code_interpreter").path("file_ids").forEach(fileIds::add);
            ids.forEach(fileIds::add);
            resources.putObject("code_interpreter").set("file_ids", fileIds);
            ObjectNode body = object();
            body.set("tool_resources", resources);
            client.call("POST", threadPath(""), body, BETA, cancellationToken);
            return null;
        });
    }

    /**
     * Uploads files and indexes them for file search: in a vector store that the agent creates on first
     * use and attaches to its assistant. Waits until the server has processed the files.
     *
     * @throws IllegalStateException if the agent has no {@code file_search} tool, or the server could not
     *     process the files
     * @throws IllegalArgumentException if a file cannot be read
     */
    public void onUploadForFileSearch(List<Path> files, CancellationToken cancellationToken) {
        locked(() -> {
            ensureInitialized(cancellationToken);
            if (apiTools.stream().noneMatch(t -> "file_search".equals(t.path("type").asText()))) {
                throw new IllegalStateException("File search is not enabled for this assistant. Add a file_search tool"
                        + " when creating the assistant.");
            }
            if (vectorStoreId == null) {
                JsonNode store = client.call("POST", "/vector_stores", object(), BETA, cancellationToken);
                vectorStoreId = requireText(store, "id", "the created vector store");
                ObjectNode body = object();
                body.putObject("tool_resources").putObject("file_search").putArray("vector_store_ids").add(vectorStoreId);
                client.call("POST", "/assistants/" + encode(assistantId), body, BETA, cancellationToken);
            }
            List<String> ids = upload(files, cancellationToken);
            ObjectNode batchRequest = object();
            ids.forEach(batchRequest.putArray("file_ids")::add);
            String batches = "/vector_stores/" + encode(vectorStoreId) + "/file_batches";
            JsonNode batch = client.call("POST", batches, batchRequest, BETA, cancellationToken);
            String batchId = requireText(batch, "id", "the created file batch");
            while ("in_progress".equals(batch.path("status").asText())) {
                HttpRetries.sleep(pollInterval, cancellationToken, "wait for the vector store to index the files");
                batch = client.call("GET", batches + "/" + encode(batchId), null, BETA, cancellationToken);
            }
            String status = batch.path("status").asText("");
            if (!"completed".equals(status)) {
                throw new IllegalStateException("vector store " + vectorStoreId + " could not index the files " + ids
                        + ": file batch " + batchId + " ended '" + status + "' (file counts: "
                        + batch.path("file_counts") + ")");
            }
            return null;
        });
    }

    private List<String> upload(List<Path> files, CancellationToken token) {
        List<String> ids = new ArrayList<>();
        for (Path file : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read file to upload " + file + ": " + e.getMessage(), e);
            }
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            JsonNode uploaded = client.uploadFile("assistants", name, content, token);
            String id = requireText(uploaded, "id", "the uploaded file " + name);
            ids.add(id);
            uploadedFileIds.add(id);
        }
        return ids;
    }

    /**
     * Deletes the files this agent uploaded. A file that cannot be deleted is logged and kept in the
     * list, so a later call (or a saved state) still knows it.
     */
    public void deleteUploadedFiles(CancellationToken cancellationToken) {
        locked(() -> {
            List<String> kept = new ArrayList<>();
            for (String id : uploadedFileIds) {
                try {
                    client.delete("/files/" + encode(id), cancellationToken);
                } catch (CancellationException e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.error("Failed to delete file {}: {}", id, e.getMessage());
                    kept.add(id);
                }
            }
            uploadedFileIds = kept;
            return null;
        });
    }

    /**
     * Deletes the assistant if this agent created it (not one given by {@link Builder#assistantId} or a
     * loaded state). A failure is logged.
     */
    public void deleteAssistant(CancellationToken cancellationToken) {
        locked(() -> {
                        if (assistantId != null && givenAssistantId == null) {
                try {
                    client.call("DELETE", "/assistants/" + encode(assistantId), null, BETA, cancellationToken);
                    assistantId = null;
                } catch (CancellationException e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.error("Failed to delete assistant {}: {}", assistantId, e.getMessage());
                }
            }
            return null;
        });
    }

    /** Deletes the vector store this agent created for file search, if any. A failure is logged. */
    public void deleteVectorStore(CancellationToken cancellationToken) {
        locked(() -> {
                        if (vectorStoreId != null) {
                try {
                    client.call("DELETE", "/vector_stores/" + encode(vectorStoreId), null, BETA, cancellationToken);
                    vectorStoreId = null;
                } catch (CancellationException e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.error("Failed to delete vector store {}: {}", vectorStoreId, e.getMessage());
                }
            }
            return null;
        });
    }

    /** The ids on the server, in Python's {@code OpenAIAssistantAgentState} JSON. */
    @Override
    public Map<String, Object> saveState() {
        return locked(() -> new OpenAIAssistantAgentState(null, assistantId != null ? assistantId : givenAssistantId,
                threadId != null ? threadId : givenThreadId, List.copyOf(initialMessageIds), vectorStoreId,
                List.copyOf(uploadedFileIds)).toMap());
    }

    /**
     * Restores a saved state: the next call retrieves the saved assistant and thread (and a later
     * {@link #onReset} keeps the saved initial messages).
     *
     * @throws IllegalArgumentException if {@code state} is not an {@code OpenAIAssistantAgentState}
     */
    @Override
    public void loadState(Map<String, ?> state) {
        OpenAIAssistantAgentState loaded = OpenAIAssistantAgentState.fromMap(state);
        locked(() -> {
            givenAssistantId = loaded.assistantId();
            givenThreadId = loaded.threadId();
            assistantId = null;
            threadId = null;
            initialMessageIds = new LinkedHashSet<>(loaded.initialMessageIds());
            initialStateRetrieved = true;
            vectorStoreId = loaded.vectorStoreId();
            uploadedFileIds = new ArrayList<>(loaded.uploadedFileIds());
            return null;
        });
    }

    private void ensureInitialized(CancellationToken token) {
        if (assistantId == null) {
            if (givenAssistantId != null) {
                JsonNode assistant = client.call("GET", "/assistants/" + encode(givenAssistantId), null, BETA, token);
                assistantId = requireText(assistant, "id", "assistant " + givenAssistantId);
            } else {
                if (model == null || instructions == null) {
                    throw new IllegalStateException("agent '" + name() + "' needs model and instructions to create"
                            + " its assistant, or an assistant_id to use an existing one");
                }
                ObjectNode body = object().put("model", model).put("description", description())
                        .put("instructions", instructions);
                ArrayNode toolArray = body.putArray("tools");
                apiTools.forEach(toolArray::add);
                if (metadata != null) {
                    body.set("metadata", AutogenJson.mapper().valueToTree(metadata));
                }
                if (responseFormat != null) {
                    body.set("response_format", responseFormat);
                }
                if (temperature != null) {
                    body.put("temperature", temperature);
                }
                if (toolResources != null) {
                    body.set("tool_resources", toolResources);
                }
                if (topP != null) {
                    body.put("top_p", topP);
                }
                JsonNode assistant = client.call("POST", "/assistants", body, BETA, token);
                assistantId = requireText(assistant, "id", "the created assistant");
                LOG.debug("agent '{}' created assistant {}", name(), assistantId);
            }
        }
        if (threadId == null) {
            JsonNode thread = givenThreadId != null
                    ? client.call("GET", "/threads/" + encode(givenThreadId), null, BETA, token)
                    : client.call("POST", "/threads", object(), BETA, token);
            threadId = requireText(thread, "id", givenThreadId != null ? "thread " + givenThreadId : "the created thread");
        }
        if (!initialStateRetrieved) {
            initialMessageIds = new LinkedHashSet<>(listMessageIds(token));
            initialStateRetrieved = true;
        }
    }

    /** Every message id of the thread, oldest first, page by page. */
    private List<String> listMessageIds(CancellationToken token) {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (true) {
            String query = "/messages?order=asc&limit=" + PAGE + (after == null ? "" : "&after=" + encode(after));
            JsonNode page = client.call("GET", threadPath(query), null, BETA, token);
            JsonNode data = page.path("data");
            for (JsonNode message : data) {
                ids.add(message.path("id").asText());
            }
            if (!page.path("has_more").asBoolean(false) || data.isEmpty()) {
                return ids;
            }
            after = data.get(data.size() - 1).path("id").asText();
        }
    }

    private String threadPath(String rest) {
        return "/threads/" + encode(Objects.requireNonNull(threadId, "thread")) + rest;
    }

    private static String requireText(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException("the server's answer for " + what + " has no '" + field + "': " + abbreviate(node));
        }
        return value.asText();
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ObjectNode object() {
        return AutogenJson.mapper().createObjectNode();
    }

    private <T> T locked(java.util.function.Supplier<T> body) {
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Python's conversion of a tool to an Assistants function tool:
     * {@code {"type": "function", "function": {"name", "description", "parameters": {"type", "properties",
     * "required"}}}}.
     */
    static ObjectNode functionTool(Tool tool) {
        ToolSchema schema = tool.schema();
        ObjectNode node = object().put("type", "function");
        ObjectNode function = node.putObject("function").put("name", schema.name())
                .put("description", schema.description() == null ? "" : schema.description());
        ObjectNode parameters = function.putObject("parameters");
        ParametersSchema params = schema.parameters();
        if (params != null) {
            JsonNode full = AutogenJson.mapper().valueToTree(params);
            parameters.set("type", full.path("type").isMissingNode() ? parameters.textNode("object") : full.get("type"));
            parameters.set("properties", full.path("properties").isMissingNode() ? object() : full.get("properties"));
            if (full.has("required")) {
                parameters.set("required", full.get("required"));
            }
        }
        return node;
    }

    /** Builds an {@link OpenAIAssistantAgent}. */
    public static final class Builder {
        private final String name;
        private final OpenAIClient client;
        private String description = "An agent that uses the OpenAI Assistants API.";
        private @Nullable String model;
        private @Nullable String instructions;
        private final List<ObjectNode> apiTools = new ArrayList<>();
        private final List<Tool> tools = new ArrayList<>();
        private @Nullable String assistantId;
        private @Nullable String threadId;
        private @Nullable Map<String, String> metadata;
        private @Nullable JsonNode responseFormat;
        private @Nullable Double temperature;
        private @Nullable JsonNode toolResources;
        private @Nullable Double topP;
        private Duration pollInterval = Duration.ofMillis(500);

        private Builder(String name, OpenAIClient client) {
            this.name = Objects.requireNonNull(name, "name");
            this.client = Objects.requireNonNull(client, "client");
        }

        /** What the agent does; also the assistant's description. */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** The model of a new assistant, e.g. {@code gpt-4o}. */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** The system instructions of a new assistant. */
        public Builder instructions(String instructions) {
            this.instructions = Objects.requireNonNull(instructions, "instructions");
            return this;
        }

        /** Adds OpenAI's code interpreter tool. */
        public Builder codeInterpreter() {
            return builtInTool("code_interpreter");
        }

        /** Adds OpenAI's file search tool (needed by {@link OpenAIAssistantAgent#onUploadForFileSearch}). */
        public Builder fileSearch() {
            return builtInTool("file_search");
        }

        /**
         * Adds a built-in tool by Python's name, {@code code_interpreter} or {@code file_search}.
         *
         * @throws IllegalArgumentException for another name
         */
        public Builder builtInTool(String type) {
            if (!type.equals("code_interpreter") && !type.equals("file_search")) {
                throw new IllegalArgumentException("unknown built-in assistant tool '" + type
                        + "'; use code_interpreter or file_search, or add a function tool");
            }
            apiTools.add(object().put("type", type));
            return this;
        }

        /** Adds function tools that the agent runs when the assistant calls them. */
        public Builder tools(List<? extends Tool> functionTools) {
            for (Tool tool : functionTools) {
                tool(tool);
            }
            return this;
        }

        /**
         * Adds a function tool that the agent runs when the assistant calls it.
         *
         * @throws IllegalArgumentException if a tool of that name was already added
         */
        public Builder tool(Tool tool) {
            Objects.requireNonNull(tool, "tool");
            if (tools.stream().anyMatch(t -> t.name().equals(tool.name()))) {
                throw new IllegalArgumentException("agent '" + name + "' already has a tool named '" + tool.name() + "'");
            }
            tools.add(tool);
            apiTools.add(functionTool(tool));
            return this;
        }

        /** Uses this existing assistant instead of creating one (and never deletes it). */
        public Builder assistantId(String assistantId) {
            this.assistantId = Objects.requireNonNull(assistantId, "assistantId");
            return this;
        }

        /** Continues this existing thread instead of creating one. */
        public Builder threadId(String threadId) {
            this.threadId = Objects.requireNonNull(threadId, "threadId");
            return this;
        }

        /** Metadata of a new assistant (up to 16 pairs). */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata = Map.copyOf(new LinkedHashMap<>(metadata));
            return this;
        }

        /** A new assistant's {@code response_format}, e.g. {@code "auto"} or {@code {"type": "json_object"}}. */
        public Builder responseFormat(JsonNode responseFormat) {
            this.responseFormat = responseFormat.deepCopy();
            return this;
        }

        /** A new assistant's sampling temperature, 0 to 2. */
        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** A new assistant's {@code top_p}. */
        public Builder topP(double topP) {
            this.topP = topP;
            return this;
        }

        /**
         * A new assistant's {@code tool_resources}, e.g.
         * {@code {"code_interpreter": {"file_ids": [...]}, "file_search": {"vector_store_ids": [...]}}}.
         */
        public Builder toolResources(JsonNode toolResources) {
            this.toolResources = toolResources.deepCopy();
            return this;
        }

        /** How long to wait between two looks at a running run; default 500 ms as Python. */
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval.isNegative()) {
                throw new IllegalArgumentException("poll interval must not be negative, got " + pollInterval);
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * The agent; nothing is sent to the server before its first use.
         *
         * @throws IllegalArgumentException if neither an assistant id nor both model and instructions are given,
         *     or the name is not an identifier
         */
        public OpenAIAssistantAgent build() {
            if (assistantId == null && (model == null || instructions == null)) {
                throw new IllegalArgumentException("agent '" + name + "' needs model(...) and instructions(...) to create"
                        + " an assistant, or assistantId(...) to use an existing one");
            }
            return new OpenAIAssistantAgent(this);
        }
    }
}
