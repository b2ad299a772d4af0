package dev.autogen.examples.webchat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.models.ChatCompletionClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The single-agent chat: each request builds the assistant, loads its state from
 * {@code agent_state.json}, answers, and saves the state again, and appends both messages to
 * {@code agent_history.json} (what the page shows on load). One request at a time, so no answer is
 * built on a state another request is about to replace.
 */
final class AgentChat {
    static final String STATE_FILE = "agent_state.json";
    static final String HISTORY_FILE = "agent_history.json";

    private final Path stateFile;
    private final Path historyFile;
    private final Supplier<ChatCompletionClient> models;
    private final ReentrantLock lock = new ReentrantLock();

    AgentChat(Path dir, Supplier<ChatCompletionClient> models) {
        this.stateFile = dir.resolve(STATE_FILE);
        this.historyFile = dir.resolve(HISTORY_FILE);
        this.models = models;
    }

    /** The agent's answer to {@code request}, after the state and history were saved. */
    Map<String, Object> chat(TextMessage request) throws IOException {
        lock.lock();
        try {
            AssistantAgent agent = AssistantAgent.builder("assistant", models.get())
                    .systemMessage("You are a helpful assistant.")
                    .build();
            Map<String, Object> state = JsonFiles.readObject(stateFile);
            if (state != null) {
                agent.loadState(state);
            }
            Response response = agent.onMessages(List.of(request), new CancellationToken());
            JsonFiles.write(stateFile, agent.saveState());
            List<Map<String, Object>> history = JsonFiles.readList(historyFile);
            history.add(request.dump());
            Map<String, Object> answer = response.chatMessage().dump();
            history.add(answer);
            JsonFiles.write(historyFile, history);
            return answer;
        } finally {
            lock.unlock();
        }
    }

    List<Map<String, Object>> history() throws IOException {
        lock.lock();
        try {
            return JsonFiles.readList(historyFile);
        } finally {
            lock.unlock();
        }
    }
}
