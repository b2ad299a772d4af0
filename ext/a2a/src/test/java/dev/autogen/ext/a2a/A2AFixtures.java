package dev.autogen.ext.a2a;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.BaseChatAgent;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import io.a2a.A2A;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.spec.AgentCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Agents on scripted models and SDK clients shared by the A2A tests. */
final class A2AFixtures {
    static final ModelInfo TOOLS_MODEL = new ModelInfo(false, true, true, "unknown", true, null);

    private A2AFixtures() {
    }

    static AssistantAgent replying(String name, String... replies) {
        List<String> script = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            script.addAll(List.of(replies));
        }
        return AssistantAgent.builder(name, new ReplayChatCompletionClient(script)).build();
    }

    /** A model reply asking to hand off to {@code target}. */
    static CreateResult handoffTo(String target) {
        return new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(List.of(
                new FunctionCall("call_" + target, "{}", "transfer_to_" + target))), new RequestUsage(1, 1), false,
                null, null);
    }

    /** An agent that answers with how many messages it has seen in its conversation so far. */
    static final class CountingAgent extends BaseChatAgent {
        private int seen;

        CountingAgent(String name) {
            super(name, "Counts the messages of its conversation.");
        }

        @Override
        public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken token) {
            seen += messages.size();
            return new Response(new TextMessage("seen " + seen, name()));
        }

        @Override
        public void onReset(CancellationToken token) {
            seen = 0;
        }

        @Override
        public Map<String, Object> saveState() {
            return Map.of("type", "CountingState", "seen", seen);
        }

        @Override
        public void loadState(Map<String, ?> state) {
            seen = ((Number) state.get("seen")).intValue();
        }

        @Override
        public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
            return List.of(TextMessage.class);
        }
    }

    /** An agent that says it started, then works until its run is cancelled. */
    static final class EndlessAgent extends BaseChatAgent {
        final CountDownLatch started = new CountDownLatch(1);
        final CompletableFuture<Boolean> cancelled = new CompletableFuture<>();

        EndlessAgent() {
            super("endless", "Never finishes.");
        }

        @Override
        public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken token) {
            started.countDown();
            CompletableFuture<Void> never = new CompletableFuture<>();
            token.onCancel(() -> {
                cancelled.complete(true);
                never.cancel(false);
            });
            never.join();
            throw new IllegalStateException("unreachable");
        }

        @Override
        public void onReset(CancellationToken token) {
        }

        @Override
        public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
            return List.of(TextMessage.class);
        }
    }

    /** The SDK's own client for the agent at {@code url}, its events put in {@code events}. */
    static Client sdkClient(String url, boolean streaming, BlockingQueue<ClientEvent> events) throws Exception {
        AgentCard card = A2A.getAgentCard(url);
        return Client.builder(card)
                .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
                .clientConfig(new ClientConfig.Builder().setStreaming(streaming).build())
                .addConsumer((event, agentCard) -> events.add(event))
                .build();
    }

    static ClientEvent next(BlockingQueue<ClientEvent> events) throws InterruptedException {
        ClientEvent event = events.poll(60, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no A2A event arrived within a minute");
        }
        return event;
    }

    static BlockingQueue<ClientEvent> queue() {
        return new LinkedBlockingQueue<>();
    }
}
