package dev.autogen.examples.webchat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.UserProxyAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.UserInputRequestedEvent;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.models.ChatCompletionClient;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team chat over a WebSocket: an assistant, "yoda" (who repeats it in Yoda's tone) and a
 * {@link UserProxyAgent} named "user" whose input function waits for the browser's next message. The
 * browser's first message starts the conversation; every message of the run goes to the browser as
 * Python's {@code dump()} JSON, and a {@link UserInputRequestedEvent} tells the page to enable its input.
 *
 * <p>The team runs one round at a time ({@code maxTurns} of three: assistant, yoda, user) and then
 * goes on with the next: between rounds its state is saved to {@code team_state.json} and the round's
 * messages appended to {@code team_history.json}, so a restarted server, or a reloaded page, goes on
 * where the conversation was. One page talks to the team at a time.
 */
final class TeamChat {
    static final String STATE_FILE = "team_state.json";
    static final String HISTORY_FILE = "team_history.json";
    static final Map<String, Object> INPUT_REENABLED = Map.of("type", "UserInputRequestedEvent",
            "content", "An error occurred. Please try again.", "source", "system");

    private static final Logger LOG = LoggerFactory.getLogger(TeamChat.class);

    private final Path stateFile;
    private final Path historyFile;
    private final Supplier<ChatCompletionClient> models;
    private final AtomicReference<@Nullable Session> active = new AtomicReference<>();

    TeamChat(Path dir, Supplier<ChatCompletionClient> models) {
        this.stateFile = dir.resolve(STATE_FILE);
        this.historyFile = dir.resolve(HISTORY_FILE);
        this.models = models;
    }

    List<Map<String, Object>> history() throws IOException {
        return JsonFiles.readList(historyFile);
    }

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            Session session = new Session(ctx);
            if (!active.compareAndSet(null, session)) {
                session.send(error("Another page is chatting with the team; close it first."));
                ctx.closeSession(1013, "busy");
                return;
            }
            ctx.attribute(Session.class.getName(), session);
        });
        ws.onMessage(ctx -> {
            Session session = ctx.attribute(Session.class.getName());
            if (session != null) {
                session.received(ctx.message());
            }
        });
        ws.onClose(ctx -> {
            Session session = ctx.attribute(Session.class.getName());
            if (session != null) {
                session.close();
                active.compareAndSet(session, null);
            }
        });
    }

    private static Map<String, Object> error(String message) {
        return Map.of("type", "error", "content", "Error: " + message, "source", "system");
    }

    /** One page's conversation: its socket, the answers it typed, and the thread running the rounds. */
    private final class Session {
        private final WsContext socket;
        private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        private final CancellationToken token = new CancellationToken();
        private @Nullable Thread rounds;

        Session(WsContext socket) {
            this.socket = socket;
        }

        synchronized void send(Map<String, Object> frame) {
            if (socket.session.isOpen()) {
                socket.send(JsonFiles.json(frame));
            }
        }

        void received(String frame) {
            TextMessage message;
            try {
                message = JsonFiles.textMessage(frame);
            } catch (IllegalArgumentException e) {
                send(error(e.getMessage()));
                send(INPUT_REENABLED);
                return;
            }
            synchronized (this) {
                if (rounds != null) {
                    answers.add(message.content());
                    return;
                }
                answers.clear();
                rounds = Thread.ofVirtual().name("team-chat").start(() -> converse(message));
            }
        }

        void close() {
            token.cancel();
        }

        /** Runs round after round, the first with the page's message as the task, until the page goes away. */
        private void converse(TextMessage first) {
            @Nullable TextMessage task = first;
            try {
                while (!token.isCancelled()) {
                    round(task);
                    task = null;
                }
            } catch (CancellationException e) {
                LOG.info("The page left during a round; the round is not saved");
            } catch (Exception e) {
                LOG.warn("Team chat round failed", e);
                send(error(e.getMessage() == null ? e.toString() : e.getMessage()));
                send(INPUT_REENABLED);
            } finally {
                synchronized (this) {
                    rounds = null;
                }
            }
        }

        private void round(@Nullable TextMessage task) throws IOException {
            ChatCompletionClient model = models.get();
            AssistantAgent assistant = AssistantAgent.builder("assistant", model)
                    .systemMessage("You are a helpful assistant.")
                    .build();
            AssistantAgent yoda = AssistantAgent.builder("yoda", model)
                    .systemMessage("Repeat the same message in the tone of Yoda.")
                    .build();
            UserProxyAgent user = new UserProxyAgent("user", (prompt, cancel) -> answers.take());
            try (RoundRobinGroupChat team = RoundRobinGroupChat.builder(List.of(assistant, yoda, user))
                    .maxTurns(3)
                    .build()) {
                Map<String, Object> state = JsonFiles.readObject(stateFile);
                if (state != null) {
                    team.loadState(state);
                }
                List<Map<String, Object>> history = JsonFiles.readList(historyFile);
                RunOptions options = (task == null ? RunOptions.none() : RunOptions.task(task))
                        .withCancellationToken(token);
                try (MessageStream<TaskResult> stream = team.runStream(options)) {
                    for (BaseMessage message : stream) {
                        Map<String, Object> dumped = message.dump();
                        send(dumped);
                        if (!(message instanceof UserInputRequestedEvent)) {
                            history.add(dumped);
                        }
                    }
                }
                JsonFiles.write(stateFile, team.saveState());
                JsonFiles.write(historyFile, history);
            }
        }
    }
}
