package dev.autogen.ext.code_executors.docker_jupyter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kernel's channel on a Jupyter server's WebSocket ({@code /api/kernels/{id}/channels}, the JSON
 * form of the Jupyter messaging protocol), as Python's {@code JupyterKernelClient}: asks whether the
 * kernel is ready and runs code, collecting its output. One execution at a time; close it when done.
 */
public final class JupyterKernelClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JupyterKernelClient.class);
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Object CLOSED = new Object();

    /**
     * A rich output of an execution that is not text: an image ({@code image/png}, base64) or HTML.
     *
     * @param mimeType e.g. {@code image/png}
     * @param data the data as the kernel sent it (base64 for images)
     */
    public record DataItem(String mimeType, String data) {
    }

    /**
     * What an execution gave, as Python's {@code ExecutionResult}.
     *
     * @param isOk false when the code raised or the execution timed out
     * @param output the text outputs joined by newlines, or for a failure what went wrong
     * @param dataItems images and HTML, in output order
     */
    public record ExecutionResult(boolean isOk, String output, List<DataItem> dataItems) {
        public ExecutionResult {
            Objects.requireNonNull(output, "output");
            dataItems = List.copyOf(dataItems);
        }
    }

    private final WebSocket socket;
    private final URI uri;
    private final BlockingQueue<Object> incoming;
    private final String session = UUID.randomUUID().toString().replace("-", "");

    private JupyterKernelClient(WebSocket socket, URI uri, BlockingQueue<Object> incoming) {
        this.socket = socket;
        this.uri = uri;
        this.incoming = incoming;
    }

    static JupyterKernelClient connect(HttpClient http, URI uri, Map<String, String> headers) {
        BlockingQueue<Object> incoming = new LinkedBlockingQueue<>();
        var listener = new Listener(incoming);
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        WebSocket socket;
        try {
            socket = builder.buildAsync(uri, listener).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while opening the kernel channel " + uri);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            int status = cause instanceof java.net.http.WebSocketHandshakeException handshake
                    ? handshake.getResponse().statusCode() : 0;
            throw new JupyterServerException("cannot open the kernel channel " + uri + ": "
                    + (status != 0 ? "the server answered HTTP " + status + (status == 403 || status == 401
                            ? " (check the token)" : status == 404 ? " (no such kernel)" : "")
                            : JupyterClient.describe(cause)), status, cause);
        }
        return new JupyterKernelClient(socket, uri, incoming);
    }

    /**
     * Asks the kernel for its info ({@code kernel_info_request}) and waits for the reply.
     *
     * @return false if no reply came within {@code timeout}
     */
    public boolean waitForReady(Duration timeout) {
        String id = send("kernel_info_request", AutogenJson.mapper().createObjectNode());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode message = receive(deadline, null);
            if (message == null) {
                return false;
            }
            if (id.equals(message.path("parent_header").path("msg_id").asText())
                    && "kernel_info_reply".equals(type(message))) {
                return true;
            }
        }
    }

    /** {@link #execute(String, Duration, CancellationToken)} that cannot be cancelled. */
    public ExecutionResult execute(String code, Duration timeout) {
        return execute(code, timeout, new CancellationToken());
    }

    /**
     * Runs {@code code} ({@code execute_request}) and collects its outputs until the kernel is idle
     * again: stream text, the {@code text/plain} form of results, other data as JSON, images and HTML as
     * {@link DataItem}s. An error gives a failed result with the exception's name, value and traceback
     * (colours removed). When nothing completes it within {@code timeout}, the result is the failure
     * {@code "Timeout waiting for output from code block."}; the caller should interrupt the kernel.
     *
     * @throws CancellationException if {@code token} is cancelled while waiting
     * @throws JupyterServerException if the channel closes before the kernel is idle
     */
    public ExecutionResult execute(String code, Duration timeout, CancellationToken token) {
        ObjectNode content = AutogenJson.mapper().createObjectNode().put("code", code).put("silent", false)
                .put("store_history", true).put("allow_stdin", false).put("stop_on_error", true);
        content.putObject("user_expressions");
        String id = send("execute_request", content);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> text = new ArrayList<>();
        List<DataItem> data = new ArrayList<>();
        ExecutionResult error = null;
        while (true) {
            JsonNode message = receive(deadline, token);
            if (message == null) {
                return new ExecutionResult(false, "Timeout waiting for output from code block.", List.of());
            }
            if (!id.equals(message.path("parent_header").path("msg_id").asText())) {
                continue;
            }
            JsonNode body = message.path("content");
            switch (type(message)) {
                case "execute_result", "display_data" -> {
                    for (Iterator<Map.Entry<String, JsonNode>> it = body.path("data").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> item = it.next();
                        String mime = item.getKey();
                        if (mime.equals("text/plain")) {
                            text.add(item.getValue().asText());
                        } else if (mime.startsWith("image/") || mime.equals("text/html")) {
                            data.add(new DataItem(mime, item.getValue().isTextual() ? item.getValue().asText()
                                    : item.getValue().toString()));
                        } else {
                            text.add(item.getValue().toString());
                        }
                    }
                }
                case "stream" -> text.add(body.path("text").asText());
                case "error" -> {
                    List<String> traceback = new ArrayList<>();
                    body.path("traceback").forEach(line -> traceback.add(ANSI.matcher(line.asText()).replaceAll("")));
                    error = new ExecutionResult(false, body.path("ename").asText() + ": " + body.path("evalue").asText()
                            + (traceback.isEmpty() ? "" : "\n" + String.join("\n", traceback)), List.of());
                }
                case "status" -> {
                    if ("idle".equals(body.path("execution_state").asText())) {
                        return error != null ? error : new ExecutionResult(true, String.join("\n", text), data);
                    }
                }
                default -> {
                }
            }
        }
    }

    private String send(String type, ObjectNode content) {
        String id = UUID.randomUUID().toString().replace("-", "");
        ObjectNode message = AutogenJson.mapper().createObjectNode();
        message.putObject("header").put("username", "autogen").put("version", "5.0").put("session", session)
                .put("msg_id", id).put("msg_type", type).put("date", OffsetDateTime.now().toString());
        message.putObject("parent_header");
        message.put("channel", "shell");
        message.set("content", content);
        message.putObject("metadata");
        message.putArray("buffers");
        try {
            socket.sendText(message.toString(), true).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while sending to the kernel channel " + uri);
        } catch (ExecutionException | TimeoutException e) {
            throw new JupyterServerException("cannot send a " + type + " on the kernel channel " + uri + ": "
                    + JupyterClient.describe(e.getCause() != null ? e.getCause() : e), 0, e);
        }
        return id;
    }

    /** The next message, or null at the deadline. */
    private @Nullable JsonNode receive(long deadline, @Nullable CancellationToken token) {
        while (true) {
            if (token != null) {
                token.throwIfCancelled();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Object next;
            try {
                next = incoming.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for the kernel");
            }
            if (next == CLOSED) {
                incoming.add(CLOSED);
                throw new JupyterServerException("the kernel channel " + uri + " closed; the kernel may have died"
                        + " or been shut down", 0);
            }
            if (next instanceof JsonNode message) {
                return message;
            }
        }
    }

    private static String type(JsonNode message) {
        String type = message.path("msg_type").asText("");
        return type.isEmpty() ? message.path("header").path("msg_type").asText("") : type;
    }

    /** Closes the channel; the kernel keeps running. */
    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debug("closing kernel channel {}: {}", uri, e.toString());
        }
        socket.abort();
    }

    /** Turns WebSocket frames into parsed messages on the queue. */
    private static final class Listener implements WebSocket.Listener {
        private final BlockingQueue<Object> queue;
        private final StringBuilder partial = new StringBuilder();

        Listener(BlockingQueue<Object> queue) {
            this.queue = queue;
        }

        private void put(Object item) {
            queue.add(item);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    put(AutogenJson.mapper().readTree(text));
                } catch (IOException e) {
                    LOG.warn("ignoring a kernel message that is not JSON: {}", JupyterClient.abbreviate(text));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            LOG.debug("ignoring a binary kernel message of {} bytes (buffers are not used)", data.remaining());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            put(CLOSED);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            LOG.debug("kernel channel error: {}", error.toString());
            put(CLOSED);
        }
    }
}
