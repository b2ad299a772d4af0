package dev.autogen.ext.a2a;

import com.sun.net.httpserver.HttpServer;
import io.a2a.server.ServerCallContext;
import io.a2a.server.agentexecution.AgentExecutor;
import io.a2a.server.agentexecution.RequestContext;
import io.a2a.server.auth.UnauthenticatedUser;
import io.a2a.server.events.EventQueue;
import io.a2a.server.events.InMemoryQueueManager;
import io.a2a.server.requesthandlers.DefaultRequestHandler;
import io.a2a.server.tasks.InMemoryPushNotificationConfigStore;
import io.a2a.server.tasks.InMemoryTaskStore;
import io.a2a.server.tasks.TaskUpdater;
import io.a2a.spec.AgentCapabilities;
import io.a2a.spec.AgentCard;
import io.a2a.spec.AgentSkill;
import io.a2a.spec.SendMessageRequest;
import io.a2a.spec.TextPart;
import io.a2a.transport.jsonrpc.handler.JSONRPCHandler;
import io.a2a.util.Utils;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An A2A agent made with the A2A SDK alone, no AutoGen code: an {@link AgentExecutor} that answers
 * {@code Echo: <input>}, the SDK's request handler and JSON-RPC handler, behind the JDK's HTTP server
 * (blocking {@code message/send} and the card only; the card says it does not stream).
 */
final class SdkOnlyA2AServer implements AutoCloseable {
    final List<String> received = new CopyOnWriteArrayList<>();
    private final HttpServer http;
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();

    SdkOnlyA2AServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/";
        AgentExecutor echo = new AgentExecutor() {
            @Override
            public void execute(RequestContext context, EventQueue queue) {
                String input = context.getUserInput("\n");
                received.add(input);
                TaskUpdater updater = new TaskUpdater(context, queue);
                if (context.getTask() == null) {
                    updater.submit();
                }
                updater.startWork();
                updater.addArtifact(List.of(new TextPart("Echo: " + input)), null, "echo", null);
                updater.complete();
            }

            @Override
            public void cancel(RequestContext context, EventQueue queue) {
                new TaskUpdater(context, queue).cancel();
            }
        };
        var store = new InMemoryTaskStore();
        var handler = new JSONRPCHandler(new AgentCard.Builder().name("echo").description("Echoes its input.")
                .url(url).version("1.0").capabilities(new AgentCapabilities.Builder().streaming(false).build())
                .defaultInputModes(List.of("text")).defaultOutputModes(List.of("text"))
                .skills(List.of(new AgentSkill.Builder().id("echo").name("echo").description("Echoes.")
                        .tags(List.of("echo")).build()))
                .protocolVersion("0.3.0").build(),
                DefaultRequestHandler.create(echo, store, new InMemoryQueueManager(store),
                        new InMemoryPushNotificationConfigStore(), null, work), work);
        http.createContext("/", exchange -> {
            String answer;
            if ("GET".equals(exchange.getRequestMethod())) {
                answer = Utils.toJsonString(handler.getAgentCard());
            } else {
                var request = Utils.OBJECT_MAPPER.readValue(exchange.getRequestBody(), SendMessageRequest.class);
                answer = Utils.toJsonString(handler.onMessageSend(request,
                        new ServerCallContext(UnauthenticatedUser.INSTANCE, new HashMap<>(), Set.of())));
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.setExecutor(work);
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        http.stop(0);
        work.shutdownNow();
    }
}
