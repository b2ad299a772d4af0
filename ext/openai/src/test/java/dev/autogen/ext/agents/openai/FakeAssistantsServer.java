package dev.autogen.ext.agents.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server that keeps the state of OpenAI's Assistants API v2 (assistants, threads, messages,
 * runs, files, vector stores and file batches) and answers in its documented JSON, for testing
 * {@link OpenAIAssistantAgent} over real HTTP. Requires {@code Authorization: Bearer test-key} on every
 * request and {@code OpenAI-Beta: assistants=v2} on the Assistants resources, answering OpenAI's error
 * JSON otherwise. What each run does is scripted with {@link #plan}.
 */
final class FakeAssistantsServer implements AutoCloseable {
    static final String KEY = "test-key";

    /** One request as received. */
    record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return AutogenJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String line() {
            return method + " " + path + (query.isEmpty() ? "" : "?" + query);
        }
    }

    /** One phase of a scripted run. */
    sealed interface Phase {
    }

    /** The run shows {@code status} once, then moves on. */
    record Transient(String status) implements Phase {
    }

    /** The run asks for these function calls until their outputs are submitted. */
    record RequiresAction(List<String[]> calls) implements Phase {
    }

    /** The run completes, adding an assistant message with this text to the thread. */
    record Complete(String text) implements Phase {
    }

    /** The run ends with this status (failed, expired, ...) and last error. */
    record End(String status, String code, String message) implements Phase {
    }

    /** The run stays in progress until cancelled. */
    record Hang() implements Phase {
    }

    private final HttpServer server;
    final List<Received> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Deque<List<Phase>> plans = new ArrayDeque<>();
    final Map<String, ObjectNode> assistants = new LinkedHashMap<>();
    final Map<String, ObjectNode> threads = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> messages = new LinkedHashMap<>();
    private final Map<String, ObjectNode> runs = new LinkedHashMap<>();
    private final Map<String, Deque<Phase>> runPhases = new LinkedHashMap<>();
    final Map<String, List<JsonNode>> submittedOutputs = new LinkedHashMap<>();
    final Map<String, String> files = new LinkedHashMap<>();
    final Map<String, List<String>> vectorStores = new LinkedHashMap<>();
    private final Map<String, ObjectNode> batches = new LinkedHashMap<>();
    volatile String batchOutcome = "completed";
    /** Counted up on every look at a run. */
    final AtomicInteger runPolls = new AtomicInteger();
    private final Map<String, int[]> failures = new LinkedHashMap<>();
    private final Map<String, String> failureBodies = new LinkedHashMap<>();

    FakeAssistantsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** What the next created run does, phase by phase. */
    synchronized FakeAssistantsServer plan(Phase... phases) {
        plans.add(List.of(phases));
        return this;
    }

    /** Answers the next request whose "METHOD /path" starts with {@code line} with this error. */
    synchronized FakeAssistantsServer failNext(String line, int status, String body) {
        failures.put(line, new int[] {status});
        failureBodies.put(line, body);
        return this;
    }

    /** Adds a message to a thread, as if someone had written it before the agent came. */
    synchronized String seedThread(String threadId, String... texts) {
        threads.put(threadId, object().put("id", threadId).put("object", "thread"));
        List<ObjectNode> list = messages.computeIfAbsent(threadId, k -> new ArrayList<>());
        for (String text : texts) {
            list.add(message(threadId, "user", text));
        }
        return threadId;
    }

    synchronized void seedAssistant(String id) {
        assistants.put(id, object().put("id", id).put("object", "assistant").put("model", "gpt-4o"));
    }

    List<String> lines() {
        return requests.stream().map(Received::line).toList();
    }

    List<Received> requests(String method, String pathRegex) {
        return requests.stream().filter(r -> r.method.equals(method) && r.path.matches(pathRegex)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            var received = new Received(exchange.getRequestMethod(), path, query, Map.copyOf(exchange.getRequestHeaders()),
                    body);
            requests.add(received);
            int status;
            String answer;
            synchronized (this) {
                String[] result = answer(received);
                status = Integer.parseInt(result[0]);
                answer = result[1];
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String[] answer(Received r) {
        String line = r.method + " " + r.path;
        for (var e : List.copyOf(failures.entrySet())) {
            if (line.startsWith(e.getKey())) {
                failures.remove(e.getKey());
                return new String[] {String.valueOf(e.getValue()[0]), failureBodies.remove(e.getKey())};
            }
        }
        if (!("Bearer " + KEY).equals(r.header("Authorization"))) {
            return error(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
        }
        String p = r.path.startsWith("/v1") ? r.path.substring(3) : r.path;
        boolean beta = p.startsWith("/assistants") || p.startsWith("/threads") || p.startsWith("/vector_stores");
        if (beta && !"assistants=v2".equals(r.header("OpenAI-Beta"))) {
            return error(400, "You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try again"
                    + " by setting the header 'OpenAI-Beta: assistants=v2'.", "invalid_request_error", "invalid_beta");
        }
        Matcher m;
        if (r.method.equals("POST") && p.equals("/assistants")) {
            String id = "asst_" + ids.incrementAndGet();
            ObjectNode a = ((ObjectNode) r.json()).deepCopy().put("id", id).put("object", "assistant");
            assistants.put(id, a);
            return ok(a);
        }
        if ((m = match("/assistants/([^/]+)", p)) != null) {
            ObjectNode a = assistants.get(m.group(1));
            if (a == null) {
                return error(404, "No assistant found with id '" + m.group(1) + "'.", "invalid_request_error", null);
            }
            return switch (r.method) {
                case "GET" -> ok(a);
                case "POST" -> {
                    a.setAll((ObjectNode) r.json());
                    yield ok(a);
                }
                case "DELETE" -> {
                    assistants.remove(m.group(1));
                    yield ok(deleted(m.group(1), "assistant.deleted"));
                }
                default -> error(405, "method", "invalid_request_error", null);
            };
        }
        if (r.method.equals("POST") && p.equals("/threads")) {
            String id = "thread_" + ids.incrementAndGet();
            ObjectNode t = object().put("id", id).put("object", "thread");
            t.putNull("tool_resources");
            threads.put(id, t);
            messages.put(id, new ArrayList<>());
            return ok(t);
        }
        if ((m = match("/threads/([^/]+)", p)) != null) {
            ObjectNode t = threads.get(m.group(1));
            if (t == null) {
                return error(404, "No thread found with id '" + m.group(1) + "'.", "invalid_request_error", null);
            }
            if (r.method.equals("POST")) {
                t.setAll((ObjectNode) r.json());
            }
            return ok(t);
        }
        if ((m = match("/threads/([^/]+)/messages", p)) != null) {
            List<ObjectNode> list = messages.get(m.group(1));
            if (list == null) {
                return error(404, "No thread found with id '" + m.group(1) + "'.", "invalid_request_error", null);
            }
            if (r.method.equals("POST")) {
                JsonNode req = r.json();
                ObjectNode msg = message(m.group(1), req.path("role").asText(), null);
                JsonNode content = req.get("content");
                ArrayNode parts = msg.putArray("content");
                if (content.isTextual()) {
                    parts.addObject().put("type", "text").putObject("text").put("value", content.asText())
                            .putArray("annotations");
                } else {
                    content.forEach(parts::add);
                }
                list.add(msg);
                return ok(msg);
            }
            Map<String, String> q = query(r.query);
            List<ObjectNode> ordered = new ArrayList<>(list);
            if ("desc".equals(q.getOrDefault("order", "desc"))) {
                java.util.Collections.reverse(ordered);
            }
            int start = 0;
            if (q.containsKey("after")) {
                for (int i = 0; i < ordered.size(); i++) {
                    if (ordered.get(i).path("id").asText().equals(q.get("after"))) {
                        start = i + 1;
                    }
                }
            }
            int limit = Integer.parseInt(q.getOrDefault("limit", "20"));
            List<ObjectNode> page = ordered.subList(start, Math.min(ordered.size(), start + limit));
            ObjectNode answer = object().put("object", "list");
            page.forEach(answer.putArray("data")::add);
            answer.put("first_id", page.isEmpty() ? null : page.getFirst().path("id").asText());
            answer.put("last_id", page.isEmpty() ? null : page.getLast().path("id").asText());
            answer.put("has_more", start + limit < ordered.size());
            return ok(answer);
        }
        if ((m = match("/threads/([^/]+)/messages/([^/]+)", p)) != null && r.method.equals("DELETE")) {
            List<ObjectNode> list = messages.getOrDefault(m.group(1), new ArrayList<>());
            String id = m.group(2);
            list.removeIf(msg -> msg.path("id").asText().equals(id));
            return ok(deleted(id, "thread.message.deleted"));
        }
        if ((m = match("/threads/([^/]+)/runs", p)) != null && r.method.equals("POST")) {
            String assistant = r.json().path("assistant_id").asText();
            if (!assistants.containsKey(assistant)) {
                return error(404, "No assistant found with id '" + assistant + "'.", "invalid_request_error", null);
            }
            String id = "run_" + ids.incrementAndGet();
            ObjectNode run = object().put("id", id).put("object", "thread.run").put("thread_id", m.group(1))
                    .put("assistant_id", assistant).put("status", "queued");
            run.putNull("required_action");
            run.putNull("last_error");
            runs.put(id, run);
            List<Phase> planned = plans.isEmpty() ? List.of(new Complete("(no plan)")) : plans.poll();
            runPhases.put(id, new ArrayDeque<>(planned));
            return ok(run);
        }
        if ((m = match("/threads/([^/]+)/runs/([^/]+)", p)) != null && r.method.equals("GET")) {
            runPolls.incrementAndGet();
            return ok(advance(m.group(1), m.group(2)));
        }
        if ((m = match("/threads/([^/]+)/runs/([^/]+)/submit_tool_outputs", p)) != null) {
            ObjectNode run = runs.get(m.group(2));
            if (!(runPhases.get(m.group(2)).peek() instanceof RequiresAction)) {
                return error(400, "Runs in status \"" + run.path("status").asText()
                        + "\" do not accept tool outputs.", "invalid_request_error", null);
            }
            runPhases.get(m.group(2)).poll();
            submittedOutputs.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(r.json().get("tool_outputs"));
            run.put("status", "queued").putNull("required_action");
            return ok(run);
        }
        if ((m = match("/threads/([^/]+)/runs/([^/]+)/cancel", p)) != null) {
            ObjectNode run = runs.get(m.group(2));
            run.put("status", "cancelling");
            runPhases.put(m.group(2), new ArrayDeque<>(List.of(new End("cancelled", null, null))));
            return ok(run);
        }
        if (r.method.equals("POST") && p.equals("/files")) {
            return upload(r);
        }
        if ((m = match("/files/([^/]+)", p)) != null && r.method.equals("DELETE")) {
            if (files.remove(m.group(1)) == null) {
                return error(404, "No such File object: " + m.group(1), "invalid_request_error", null);
            }
            return ok(deleted(m.group(1), "file"));
        }
        if (r.method.equals("POST") && p.equals("/vector_stores")) {
            String id = "vs_" + ids.incrementAndGet();
            vectorStores.put(id, new ArrayList<>());
            return ok(object().put("id", id).put("object", "vector_store").put("status", "completed"));
        }
        if ((m = match("/vector_stores/([^/]+)", p)) != null && r.method.equals("DELETE")) {
            vectorStores.remove(m.group(1));
            return ok(deleted(m.group(1), "vector_store.deleted"));
        }
        if ((m = match("/vector_stores/([^/]+)/file_batches", p)) != null && r.method.equals("POST")) {
            String id = "vsfb_" + ids.incrementAndGet();
            List<String> fileIds = new ArrayList<>();
            r.json().path("file_ids").forEach(f -> fileIds.add(f.asText()));
            ObjectNode batch = object().put("id", id).put("object", "vector_store.file_batch")
                    .put("vector_store_id", m.group(1)).put("status", "in_progress");
            batch.putObject("file_counts").put("in_progress", fileIds.size()).put("completed", 0).put("failed", 0)
                    .put("cancelled", 0).put("total", fileIds.size());
            batches.put(id, batch.deepCopy());
            vectorStores.get(m.group(1)).addAll(fileIds);
            return ok(batch);
        }
        if ((m = match("/vector_stores/([^/]+)/file_batches/([^/]+)", p)) != null && r.method.equals("GET")) {
            ObjectNode batch = batches.get(m.group(2));
            int total = batch.path("file_counts").path("total").asInt();
            boolean completed = batchOutcome.equals("completed");
            batch.put("status", batchOutcome);
            batch.putObject("file_counts").put("in_progress", 0).put("completed", completed ? total : 0)
                    .put("failed", completed ? 0 : total).put("cancelled", 0).put("total", total);
            return ok(batch);
        }
        return error(404, "Invalid URL (" + r.method + " " + r.path + ")", "invalid_request_error", null);
    }

    private ObjectNode advance(String threadId, String runId) {
        ObjectNode run = runs.get(runId);
        Deque<Phase> phases = runPhases.get(runId);
        Phase phase = phases.peek();
        switch (phase) {
            case null -> {
            }
            case Transient t -> {
                run.put("status", t.status());
                phases.poll();
            }
            case Hang h -> run.put("status", "in_progress");
            case RequiresAction a -> {
                run.put("status", "requires_action");
                ObjectNode action = run.putObject("required_action").put("type", "submit_tool_outputs");
                ArrayNode calls = action.putObject("submit_tool_outputs").putArray("tool_calls");
                for (String[] call : a.calls()) {
                    calls.addObject().put("id", call[0]).put("type", "function").putObject("function")
                            .put("name", call[1]).put("arguments", call[2]);
                }
            }
            case Complete c -> {
                phases.poll();
                messages.get(threadId).add(message(threadId, "assistant", c.text()));
                run.put("status", "completed");
            }
            case End e -> {
                phases.poll();
                run.put("status", e.status());
                if (e.code() != null) {
                    run.putObject("last_error").put("code", e.code()).put("message", e.message());
                }
            }
        }
        return run.deepCopy();
    }

    private String[] upload(Received r) {
        String contentType = r.header("Content-Type");
        if (contentType == null || !contentType.startsWith("multipart/form-data; boundary=")) {
            return error(400, "expected multipart/form-data", "invalid_request_error", null);
        }
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        String text = new String(r.body, StandardCharsets.ISO_8859_1);
        String purpose = null;
        String fileName = null;
        String content = null;
        for (String part : text.split("--" + Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String head = part.substring(0, split);
            String value = part.substring(split + 4, part.length() - 2);
            if (head.contains("name=\"purpose\"")) {
                purpose = value;
            } else if (head.contains("name=\"file\"")) {
                Matcher fm = Pattern.compile("filename=\"([^\"]*)\"").matcher(head);
                fileName = fm.find() ? fm.group(1) : null;
                content = new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        if (!"assistants".equals(purpose) || fileName == null || content == null) {
            return error(400, "purpose and file are required", "invalid_request_error", null);
        }
        String id = "file-" + ids.incrementAndGet();
        files.put(id, fileName + ":" + content);
        return ok(object().put("id", id).put("object", "file").put("bytes", content.length()).put("filename", fileName)
                .put("purpose", purpose).put("status", "processed"));
    }

    private ObjectNode message(String threadId, String role, String text) {
        ObjectNode msg = object().put("id", "msg_" + ids.incrementAndGet()).put("object", "thread.message")
                .put("thread_id", threadId).put("role", role);
        if (text != null) {
            msg.putArray("content").addObject().put("type", "text").putObject("text").put("value", text)
                    .putArray("annotations");
        }
        return msg;
    }

    private static Matcher match(String regex, String path) {
        Matcher m = Pattern.compile(regex).matcher(path);
        return m.matches() ? m : null;
    }

    private static Map<String, String> query(String query) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static ObjectNode deleted(String id, String object) {
        return object().put("id", id).put("object", object).put("deleted", true);
    }

    private static String[] ok(JsonNode node) {
        return new String[] {"200", node.toString()};
    }

    static String[] error(int status, String message, String type, String code) {
        ObjectNode body = object();
        ObjectNode error = body.putObject("error").put("message", message).put("type", type);
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return new String[] {String.valueOf(status), body.toString()};
    }

    private static ObjectNode object() {
        return AutogenJson.mapper().createObjectNode();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
