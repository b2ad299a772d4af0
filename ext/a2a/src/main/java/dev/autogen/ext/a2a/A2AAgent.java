package dev.autogen.ext.a2a;

import dev.autogen.agentchat.agents.BaseChatAgent;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.MessageEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.TaskUpdateEvent;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.http.A2ACardResolver;
import io.a2a.client.http.JdkA2AHttpClient;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.client.transport.spi.interceptors.ClientCallContext;
import io.a2a.spec.A2AClientException;
import io.a2a.spec.AgentCard;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.Task;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import io.a2a.spec.TextPart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat agent that is a remote A2A agent: each call sends the new messages as one A2A message (a text
 * part per message) in the agent's A2A context, and answers with the remote task's result. Usable
 * alone, as a team participant, or as a tool ({@link dev.autogen.agentchat.tools.AgentTool}). When the
 * remote agent streams, its intermediate messages are this agent's inner messages; when it asks for
 * input ({@code input-required}), the question is the answer, and the next call continues that task.
 * {@link #reset()} starts a new context.
 *
 * <!-- java-context: import dev.autogen.agentchat.agents.AssistantAgent;
 *      import dev.autogen.agentchat.teams.RoundRobinGroupChat;
 *      import dev.autogen.agentchat.conditions.MaxMessageTermination; import java.util.List; AssistantAgent writer; -->
 * <pre>{@code
 * var researcher = A2AAgent.builder("researcher", "http://127.0.0.1:9999/").build();
 * var team = RoundRobinGroupChat.builder(List.of(researcher, writer))
 *         .terminationCondition(new MaxMessageTermination(4)).build();
 * team.run("Find three sources on solar sails, then summarise them.");
 * }</pre>
 */
public final class A2AAgent extends BaseChatAgent implements Component<A2AAgentConfig> {
    /** The provider name of its component config. */
    public static final String PROVIDER = "dev.autogen.ext.a2a.A2AAgent";

    private static final Logger log = LoggerFactory.getLogger(A2AAgent.class);

    private final String url;
    private final @Nullable String cardPath;
    private final boolean streaming;
    private final @Nullable String token;
    private final @Nullable String tokenEnv;
    private final boolean describedByCard;

    private @Nullable AgentCard card;
    private @Nullable Client blockingClient;
    private @Nullable Client streamingClient;
    private String contextId = UUID.randomUUID().toString();
    private @Nullable String pendingTaskId;

    private A2AAgent(Builder builder) {
        super(builder.name, builder.description != null ? builder.description : "A remote A2A agent at " + builder.url);
        this.url = builder.url;
        this.cardPath = builder.cardPath;
        this.streaming = builder.streaming;
        this.token = builder.token;
        this.tokenEnv = builder.tokenEnv;
        this.describedByCard = builder.description == null;
    }

    /**
     * Starts an agent named {@code name} (an identifier) for the A2A agent at {@code url}.
     *
     * @param url the remote agent's base URL, where its card is found
     */
    public static Builder builder(String name, String url) {
        return new Builder(name, url);
    }

    /** The remote agent's card, fetched on first use. */
    public synchronized AgentCard card() {
        if (card == null) {
            try {
                card = new A2ACardResolver(new JdkA2AHttpClient(), url, cardPath, authHeaders()).getAgentCard();
            } catch (Exception e) {
                throw new IllegalStateException("agent '" + name() + "' cannot read the A2A agent card at " + url
                        + ": " + e.getMessage(), e);
            }
        }
        return card;
    }

    @Override
    public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
        return List.of(TextMessage.class);
    }

    @Override
    public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken) {
        List<BaseMessage> inner = new ArrayList<>();
        Response response = onMessagesStream(messages, cancellationToken, inner::add);
        return new Response(response.chatMessage(), inner);
    }

    @Override
    public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events) {
        Message request = request(messages);
        boolean stream = streaming && card().capabilities() != null && card().capabilities().streaming();
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        List<BaseMessage> inner = new ArrayList<>();
        String[] taskId = {request.getTaskId()};
        BiConsumer<ClientEvent, AgentCard> consumer = (event, agentCard) -> {
            switch (event) {
                case MessageEvent message -> outcome.complete(message.getMessage());
                case TaskEvent task -> {
                    taskId[0] = task.getTask().getId();
                    if (!stream || isDone(task.getTask().getStatus().state())) {
                        outcome.complete(task.getTask());
                    }
                }
                case TaskUpdateEvent update -> {
                    taskId[0] = update.getTask().getId();
                    if (update.getUpdateEvent() instanceof TaskStatusUpdateEvent status) {
                        if (status.isFinal() || isDone(status.getStatus().state())) {
                            outcome.complete(update.getTask());
                        } else if (status.getStatus().message() != null) {
                            BaseMessage message = innerMessage(status.getStatus().message());
                            inner.add(message);
                            events.accept(message);
                        }
                    }
                }
                default -> {
                }
            }
        };
        Consumer<Throwable> failed = outcome::completeExceptionally;
        Client client = client(stream);
        try (var registration = cancellationToken.onCancel(() -> {
            outcome.cancel(false);
            cancelRemote(client, taskId[0]);
        })) {
            client.sendMessage(request, List.of(consumer), failed, callContext());
            return new Response(answer(outcome.get()), inner);
        } catch (A2AClientException e) {
            throw new IllegalStateException("agent '" + name() + "' could not reach the A2A agent at " + url + ": "
                    + e.getMessage(), e);
        } catch (CancellationException e) {
            throw new CancellationException("agent '" + name() + "' was cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelRemote(client, taskId[0]);
            throw new CancellationException("agent '" + name() + "' was interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("agent '" + name() + "': the A2A agent at " + url + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private Message request(List<? extends BaseChatMessage> messages) {
        List<Part<?>> parts = new ArrayList<>();
        for (BaseChatMessage message : messages) {
            parts.add(new TextPart(message.toText()));
        }
        if (parts.isEmpty()) {
            parts.add(new TextPart("Continue."));
        }
        return new Message.Builder()
                .role(Message.Role.USER)
                .messageId(UUID.randomUUID().toString())
                .contextId(contextId)
                .taskId(pendingTaskId)
                .parts(parts)
                .build();
    }

    private TextMessage answer(Object outcome) {
        if (outcome instanceof Message message) {
            pendingTaskId = null;
            return new TextMessage(A2AMessages.text(message), name());
        }
        Task task = (Task) outcome;
        TaskState state = task.getStatus().state();
        String statusText = A2AMessages.text(task.getStatus().message());
        switch (state) {
            case COMPLETED -> {
                pendingTaskId = null;
                String artifacts = task.getArtifacts() == null ? "" : A2AMessages.artifactsText(task.getArtifacts());
                return new TextMessage(!artifacts.isEmpty() ? artifacts : statusText, name());
            }
            case INPUT_REQUIRED, AUTH_REQUIRED -> {
                pendingTaskId = task.getId();
                return new TextMessage(statusText, name()).withMetadata(Map.of("a2a_state", state.asString(),
                        "a2a_task_id", task.getId()));
            }
            default -> {
                pendingTaskId = null;
                throw new IllegalStateException("agent '" + name() + "': the A2A agent at " + url + " ended task "
                        + task.getId() + " as " + state.asString() + (statusText.isEmpty() ? "" : ": " + statusText));
            }
        }
    }

    private BaseMessage innerMessage(Message message) {
        Object source = message.getMetadata() == null ? null : message.getMetadata().get(A2AMessages.SOURCE);
        String from = source instanceof String s && s.matches("[A-Za-z_][A-Za-z0-9_]*") ? s : name();
        return new TextMessage(A2AMessages.text(message), from);
    }

    private static boolean isDone(TaskState state) {
        return state.isFinal() || state == TaskState.INPUT_REQUIRED || state == TaskState.AUTH_REQUIRED;
    }

    private void cancelRemote(Client client, @Nullable String taskId) {
        if (taskId == null) {
            return;
        }
        Thread.ofVirtual().start(() -> {
            try {
                client.cancelTask(new TaskIdParams(taskId), callContext());
            } catch (Exception e) {
                log.debug("agent '{}' could not cancel A2A task {}: {}", name(), taskId, e.getMessage());
            }
        });
    }

    private synchronized Client client(boolean stream) {
        Client existing = stream ? streamingClient : blockingClient;
        if (existing != null) {
            return existing;
        }
        try {
            Client created = Client.builder(card())
                    .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
                    .clientConfig(new ClientConfig.Builder().setStreaming(stream).build())
                    .build();
            if (stream) {
                streamingClient = created;
            } else {
                blockingClient = created;
            }
            return created;
        } catch (A2AClientException e) {
            throw new IllegalStateException("agent '" + name() + "' cannot talk to the A2A agent at " + url + ": "
                    + e.getMessage(), e);
        }
    }

    private @Nullable ClientCallContext callContext() {
        Map<String, String> headers = authHeaders();
        return headers.isEmpty() ? null : new ClientCallContext(Map.of(), headers);
    }

    private Map<String, String> authHeaders() {
        String bearer = token != null ? token : tokenEnv != null ? System.getenv(tokenEnv) : null;
        return bearer == null || bearer.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + bearer);
    }

    @Override
    public void onReset(CancellationToken cancellationToken) {
        contextId = UUID.randomUUID().toString();
        pendingTaskId = null;
    }

    /** The A2A context and the task awaiting input, if any. */
    @Override
    public Map<String, Object> saveState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", "A2AAgentState");
        state.put("version", "1.0.0");
        state.put("context_id", contextId);
        if (pendingTaskId != null) {
            state.put("task_id", pendingTaskId);
        }
        return state;
    }

    @Override
    public void loadState(Map<String, ?> state) {
        Object context = state.get("context_id");
        contextId = context instanceof String s ? s : UUID.randomUUID().toString();
        Object task = state.get("task_id");
        pendingTaskId = task instanceof String s ? s : null;
    }

    @Override
    public synchronized void close() {
        for (Client client : new Client[] {blockingClient, streamingClient}) {
            if (client != null) {
                client.close();
            }
        }
        blockingClient = null;
        streamingClient = null;
    }

    @Override
    public ComponentProvider<?, A2AAgentConfig> componentProvider() {
        return new Provider();
    }

    @Override
    public A2AAgentConfig toConfig() {
        return new A2AAgentConfig(name(), url, describedByCard ? null : description(), cardPath,
                streaming ? null : Boolean.FALSE, tokenEnv);
    }

    /** Options of an {@link A2AAgent}. */
    public static final class Builder {
        private final String name;
        private final String url;
        private @Nullable String description;
        private @Nullable String cardPath;
        private boolean streaming = true;
        private @Nullable String token;
        private @Nullable String tokenEnv;

        private Builder(String name, String url) {
            this.name = Objects.requireNonNull(name, "name");
            this.url = Objects.requireNonNull(url, "url");
        }

        /** What the agent does, for teams choosing speakers; by default, from the card's address. */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** The card's path under the URL, {@code /.well-known/agent-card.json} by default. */
        public Builder cardPath(String cardPath) {
            this.cardPath = Objects.requireNonNull(cardPath, "cardPath");
            return this;
        }

        /** Whether to stream when the remote agent can (true by default). */
        public Builder streaming(boolean streaming) {
            this.streaming = streaming;
            return this;
        }

        /** The bearer token the remote agent needs; not written to the component config. */
        public Builder bearerToken(String token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /** The environment variable holding the bearer token; written to the component config. */
        public Builder tokenEnv(String variable) {
            this.tokenEnv = Objects.requireNonNull(variable, "variable");
            return this;
        }

        public A2AAgent build() {
            return new A2AAgent(this);
        }
    }

    /** Loads {@link A2AAgent} component configs ({@value #PROVIDER}). */
    public static final class Provider extends AbstractComponentProvider<A2AAgent, A2AAgentConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.AGENT, A2AAgent.class, A2AAgentConfig.class,
                    "An agent that calls a remote A2A (Agent2Agent) agent.");
        }

        @Override
        public A2AAgent fromConfig(A2AAgentConfig config, ComponentContext context) {
            if (config.url() == null || !config.url().matches("https?://.+")) {
                throw context.invalid("url", "an http:// or https:// URL of the remote A2A agent is required");
            }
            if (config.name() == null) {
                throw context.invalid("name", "the agent needs a name");
            }
            Builder builder = builder(config.name(), config.url());
            if (config.description() != null) {
                builder.description(config.description());
            }
            if (config.cardPath() != null) {
                builder.cardPath(config.cardPath());
            }
            if (config.streaming() != null) {
                builder.streaming(config.streaming());
            }
            if (config.tokenEnv() != null) {
                builder.tokenEnv(config.tokenEnv());
            }
            try {
                return builder.build();
            } catch (IllegalArgumentException e) {
                throw context.invalid("name", e.getMessage());
            }
        }
    }
}
