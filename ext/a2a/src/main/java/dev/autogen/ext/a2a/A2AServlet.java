package dev.autogen.ext.a2a;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.utils.ServerAccess;
import io.a2a.server.ServerCallContext;
import io.a2a.server.auth.UnauthenticatedUser;
import io.a2a.spec.CancelTaskRequest;
import io.a2a.spec.GetTaskRequest;
import io.a2a.spec.IdJsonMappingException;
import io.a2a.spec.InternalError;
import io.a2a.spec.InvalidParamsError;
import io.a2a.spec.InvalidParamsJsonMappingException;
import io.a2a.spec.InvalidRequestError;
import io.a2a.spec.JSONParseError;
import io.a2a.spec.JSONRPCError;
import io.a2a.spec.JSONRPCErrorResponse;
import io.a2a.spec.JSONRPCResponse;
import io.a2a.spec.MethodNotFoundError;
import io.a2a.spec.MethodNotFoundJsonMappingException;
import io.a2a.spec.NonStreamingJSONRPCRequest;
import io.a2a.spec.SendMessageRequest;
import io.a2a.spec.SendStreamingMessageRequest;
import io.a2a.spec.StreamingJSONRPCRequest;
import io.a2a.spec.TaskResubscriptionRequest;
import io.a2a.spec.UnsupportedOperationError;
import io.a2a.transport.jsonrpc.handler.JSONRPCHandler;
import io.a2a.util.Utils;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP side of an A2A server (internal): the agent card at {@code /.well-known/agent-card.json},
 * JSON-RPC requests posted to {@code /}, streams as server-sent events; a bearer token checked on
 * every JSON-RPC request when one is set, and bodies over the size limit refused.
 */
final class A2AServlet extends HttpServlet {
    static final String CARD_PATH = "/.well-known/agent-card.json";
    /** Where A2A 0.2 clients look for the card. */
    static final String LEGACY_CARD_PATH = "/.well-known/agent.json";

    private final transient JSONRPCHandler handler;
    private final @Nullable String token;
    private final int maxRequestBytes;

    A2AServlet(JSONRPCHandler handler, @Nullable String token, int maxRequestBytes) {
        this.handler = handler;
        this.token = token;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (CARD_PATH.equals(path) || LEGACY_CARD_PATH.equals(path)) {
            send(response, 200, handler.getAgentCard());
        } else {
            sendProblem(response, 404, "nothing here: the agent card is at " + CARD_PATH
                    + ", and JSON-RPC requests are POSTed to /");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/".equals(request.getRequestURI())) {
            sendProblem(response, 404, "JSON-RPC requests are POSTed to /");
            return;
        }
        if (!ServerAccess.bearerMatches(token, request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer");
            sendProblem(response, 401, request.getHeader("Authorization") == null
                    ? "this A2A server needs a token: send Authorization: Bearer TOKEN"
                    : "the token does not match this A2A server's");
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            sendProblem(response, 413, "the request is larger than this server's limit of " + maxRequestBytes
                    + " bytes");
            return;
        }
        ServerCallContext context = new ServerCallContext(UnauthenticatedUser.INSTANCE, new HashMap<>(), Set.of());
        JsonNode node;
        try {
            node = Utils.OBJECT_MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            send(response, 200, new JSONRPCErrorResponse(null, new JSONParseError("the request is not JSON: "
                    + e.getOriginalMessage())));
            return;
        }
        String method = node != null && node.path("method").isTextual() ? node.path("method").asText() : null;
        if (method != null) {
            context.getState().put(TaskRunnerExecutor.METHOD, method);
        }
        boolean streaming = SendStreamingMessageRequest.METHOD.equals(method)
                || TaskResubscriptionRequest.METHOD.equals(method);
        try {
            if (streaming) {
                stream(response, streamingRequest(node, context));
            } else {
                send(response, 200, nonStreamingRequest(Utils.OBJECT_MAPPER.treeToValue(node,
                        NonStreamingJSONRPCRequest.class), context));
            }
        } catch (JsonProcessingException e) {
            send(response, 200, invalid(e));
        } catch (JSONRPCError e) {
            send(response, 200, new JSONRPCErrorResponse(node.get("id") == null ? null : idOf(node), e));
        } catch (RuntimeException e) {
            send(response, 200, new JSONRPCErrorResponse(idOf(node), new InternalError(e.getMessage())));
        }
    }

    private Flow.Publisher<? extends JSONRPCResponse<?>> streamingRequest(JsonNode node, ServerCallContext context)
            throws JsonProcessingException {
        StreamingJSONRPCRequest<?> request = Utils.OBJECT_MAPPER.treeToValue(node, StreamingJSONRPCRequest.class);
        if (request instanceof SendStreamingMessageRequest send) {
            return handler.onMessageSendStream(send, context);
        }
        return handler.onResubscribeToTask((TaskResubscriptionRequest) request, context);
    }

    private JSONRPCResponse<?> nonStreamingRequest(NonStreamingJSONRPCRequest<?> request, ServerCallContext context) {
        return switch (request) {
            case SendMessageRequest send -> handler.onMessageSend(send, context);
            case GetTaskRequest get -> handler.onGetTask(get, context);
            case CancelTaskRequest cancel -> handler.onCancelTask(cancel, context);
            default -> new JSONRPCErrorResponse(request.getId(), new UnsupportedOperationError());
        };
    }

    private static void stream(HttpServletResponse response, Flow.Publisher<? extends JSONRPCResponse<?>> events)
            throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        OutputStream out = response.getOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        events.subscribe(new Flow.Subscriber<JSONRPCResponse<?>>() {
            private Flow.@Nullable Subscription subscription;
            private long id;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                this.subscription = subscription;
                subscription.request(1);
            }

            @Override
            public void onNext(JSONRPCResponse<?> item) {
                try {
                    write(item);
                    subscription.request(1);
                } catch (IOException e) {
                    subscription.cancel();
                    done.complete(null);
                }
            }

            @Override
            public void onError(Throwable throwable) {
                try {
                    JSONRPCError error = throwable instanceof JSONRPCError rpc ? rpc
                            : new InternalError(throwable.getMessage());
                    write(new JSONRPCErrorResponse(null, error));
                } catch (IOException ignored) {
                    // the client has gone; nothing to tell it
                }
                done.complete(null);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }

            private void write(Object item) throws IOException {
                String frame = "data: " + Utils.toJsonString(item) + "\nid: " + id++ + "\n\n";
                out.write(frame.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        });
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    private byte @Nullable [] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxRequestBytes) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxRequestBytes + 1);
            return body.length > maxRequestBytes ? null : body;
        }
    }

    private static JSONRPCErrorResponse invalid(JsonProcessingException e) {
        return switch (e) {
            case MethodNotFoundJsonMappingException m -> new JSONRPCErrorResponse(m.getId(), new MethodNotFoundError());
            case InvalidParamsJsonMappingException p -> new JSONRPCErrorResponse(p.getId(),
                    new InvalidParamsError(null, "invalid params: " + e.getOriginalMessage(), null));
            case IdJsonMappingException i -> new JSONRPCErrorResponse(i.getId(), new InvalidRequestError());
            default -> e.getCause() instanceof JsonParseException
                    ? new JSONRPCErrorResponse(null, new JSONParseError())
                    : new JSONRPCErrorResponse(null, new InvalidRequestError("not a valid A2A JSON-RPC request: "
                            + e.getOriginalMessage()));
        };
    }

    private static @Nullable Object idOf(JsonNode node) {
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        return id.isNumber() ? id.numberValue() : id.asText();
    }

    private static void send(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(Utils.toJsonString(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void sendProblem(HttpServletResponse response, int status, String message) throws IOException {
        send(response, status, Map.of("error", message));
    }
}
