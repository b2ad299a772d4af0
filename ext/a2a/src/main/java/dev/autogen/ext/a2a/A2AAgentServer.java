package dev.autogen.ext.a2a;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.TaskRunner;
import dev.autogen.agentchat.base.Team;
import dev.autogen.core.utils.ServerAccess;
import io.a2a.server.events.InMemoryQueueManager;
import io.a2a.server.requesthandlers.DefaultRequestHandler;
import io.a2a.server.tasks.InMemoryPushNotificationConfigStore;
import io.a2a.server.tasks.InMemoryTaskStore;
import io.a2a.spec.AgentCapabilities;
import io.a2a.spec.AgentCard;
import io.a2a.spec.AgentSkill;
import io.a2a.spec.HTTPAuthSecurityScheme;
import io.a2a.spec.TransportProtocol;
import io.a2a.transport.jsonrpc.handler.JSONRPCHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.component.LifeCycle;
import org.jspecify.annotations.Nullable;

/**
 * Serves an agent or a team as an A2A agent, on the official A2A Java SDK's request handler: an agent
 * card built from its name, description and skills; {@code message/send} and {@code message/stream}
 * run it (each message of the run is a {@code working} status update with the message, the final
 * answer a {@code result} artifact and the {@code completed} status); {@code tasks/get};
 * {@code tasks/cancel} cancels the run. A run that hands off out of the team (to the user, as
 * {@code HandoffTermination} stops it) or whose {@link A2AUserInput user proxy} asks leaves the task
 * {@code input-required}, and the next message of that task continues it. Each A2A context is a
 * conversation of its own: the agent or team is given the state its context had after its last run.
 *
 * <!-- java-context: import dev.autogen.agentchat.agents.AssistantAgent; AssistantAgent poet; -->
 * <pre>{@code
 * A2AAgentServer server = A2AAgentServer.builder().serve(poet).build();
 * try (A2AHttpServer http = server.start("127.0.0.1", 9999, null)) {
 *     System.out.println("A2A agent card: " + http.cardUrl());
 *     http.await();
 * }
 * }</pre>
 *
 * <p>Runs are one at a time: the agent or team is one stateful object.
 */
public final class A2AAgentServer {
    private final TaskRunner runner;
    private final String name;
    private final String description;
    private final String version;
    private final List<AgentSkill> skills;
    private final @Nullable A2AUserInput userInput;
    private final int maxRequestBytes;
    private final int maxContexts;

    private A2AAgentServer(Builder builder) {
        this.runner = Objects.requireNonNull(builder.runner, "serve(...) names no agent or team");
        this.name = builder.name != null ? builder.name : nameOf(runner);
        this.description = builder.description != null ? builder.description : descriptionOf(runner);
        this.version = builder.version;
        this.skills = builder.skills.isEmpty()
                ? List.of(new AgentSkill.Builder().id(name).name(name).description(description)
                        .tags(List.of("autogen")).build())
                : List.copyOf(builder.skills);
        this.userInput = builder.userInput;
        this.maxRequestBytes = builder.maxRequestBytes;
        this.maxContexts = builder.maxContexts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The name the agent card gives. */
    public String name() {
        return name;
    }

    /**
     * Serves at {@code http://bindAddress:port/} (port 0 picks a free one), the card at
     * {@code /.well-known/agent-card.json}.
     *
     * @param token the bearer token every JSON-RPC request must carry ({@code Authorization: Bearer TOKEN}),
     *     or null; required unless {@code bindAddress} is a loopback address. The card stays public and
     *     names the scheme.
     * @throws IllegalArgumentException if the address reaches other machines and there is no token
     * @throws IllegalStateException if the port cannot be bound
     */
    public A2AHttpServer start(String bindAddress, int port, @Nullable String token) {
        ServerAccess.requireTokenOffLoopback("the A2A server", bindAddress, port, token);
        Server jetty = new Server();
        var connector = new ServerConnector(jetty);
        connector.setHost(bindAddress);
        connector.setPort(port);
        jetty.addConnector(connector);
        ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
        try {
            connector.open();
            String shownHost = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
            String url = "http://" + shownHost + ":" + connector.getLocalPort() + "/";
            var executor = new TaskRunnerExecutor(runner, maxContexts);
            if (userInput != null) {
                userInput.attach(executor);
            }
            var taskStore = new InMemoryTaskStore();
            var requestHandler = DefaultRequestHandler.create(executor, taskStore, new InMemoryQueueManager(taskStore),
                    new InMemoryPushNotificationConfigStore(), null, work);
            var handler = new JSONRPCHandler(card(url, token != null), requestHandler, work);
            var context = new ServletContextHandler();
            context.addServlet(new ServletHolder(new A2AServlet(handler, token, maxRequestBytes)), "/*");
            jetty.setHandler(context);
            jetty.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStopped(LifeCycle event) {
                    work.shutdownNow();
                }
            });
            jetty.start();
            return new A2AHttpServer(jetty, url);
        } catch (Exception e) {
            work.shutdownNow();
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // nothing started that could be stopped
            }
            throw new IllegalStateException("the A2A server cannot listen on " + bindAddress + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    AgentCard card(String url, boolean withToken) {
        var card = new AgentCard.Builder()
                .name(name)
                .description(description)
                .url(url)
                .version(version)
                .protocolVersion("0.3.0")
                .preferredTransport(TransportProtocol.JSONRPC.asString())
                .capabilities(new AgentCapabilities.Builder().streaming(true).pushNotifications(false)
                        .stateTransitionHistory(false).build())
                .defaultInputModes(List.of("text"))
                .defaultOutputModes(List.of("text"))
                .skills(skills);
        if (withToken) {
            card.securitySchemes(Map.of("bearer", new HTTPAuthSecurityScheme.Builder().scheme("bearer")
                    .description("the token given to the server").build()));
            card.security(List.of(Map.of("bearer", List.of())));
        }
        return card.build();
    }

    private static String nameOf(TaskRunner runner) {
        return switch (runner) {
            case Team team -> team.name();
            case ChatAgent agent -> agent.name();
            default -> "autogen";
        };
    }

    private static String descriptionOf(TaskRunner runner) {
        return switch (runner) {
            case Team team -> team.description();
            case ChatAgent agent -> agent.description();
            default -> "An AutoGen agent.";
        };
    }

    /** Options of an {@link A2AAgentServer}. */
    public static final class Builder {
        private @Nullable TaskRunner runner;
        private @Nullable String name;
        private @Nullable String description;
        private String version = "0.1.0";
        private final List<AgentSkill> skills = new ArrayList<>();
        private @Nullable A2AUserInput userInput;
        private int maxRequestBytes = 4 * 1024 * 1024;
        private int maxContexts = 1_000;

        private Builder() {
        }

        /** The agent or team to serve. */
        public Builder serve(TaskRunner runner) {
            this.runner = Objects.requireNonNull(runner, "runner");
            return this;
        }

        /** The card's name; the agent's or team's name by default. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The card's description; the agent's or team's by default. */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** The card's version of the agent; {@code 0.1.0} by default. */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** A skill the card lists; without any, one skill named and described as the agent. */
        public Builder skill(AgentSkill skill) {
            skills.add(Objects.requireNonNull(skill, "skill"));
            return this;
        }

        /** The input function of the served team's user proxy, so that it asks the A2A client. */
        public Builder userInput(A2AUserInput input) {
            this.userInput = Objects.requireNonNull(input, "input");
            return this;
        }

        /** The largest request body accepted (4 MiB by default); a larger one gets HTTP 413. */
        public Builder maxRequestBytes(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxRequestBytes must be positive, not " + bytes);
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /** How many A2A contexts keep their conversation (1,000 by default; the least recent is forgotten). */
        public Builder maxContexts(int contexts) {
            if (contexts <= 0) {
                throw new IllegalArgumentException("maxContexts must be positive, not " + contexts);
            }
            this.maxContexts = contexts;
            return this;
        }

        public A2AAgentServer build() {
            return new A2AAgentServer(this);
        }
    }
}
