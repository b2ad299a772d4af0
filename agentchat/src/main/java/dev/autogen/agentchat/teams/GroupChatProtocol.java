package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.StopMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The messages a team's manager and participant containers exchange over the runtime (Python's {@code _events.py}). */
final class GroupChatProtocol {
    private GroupChatProtocol() {
    }

    /** Starts (or continues) a run with these task messages. */
    record Start(List<BaseChatMessage> messages, boolean outputTaskMessages) {
        Start {
            messages = List.copyOf(messages);
        }
    }

    /** A participant agent's response, published to the whole group. */
    record AgentResponse(Response response, String name) {
    }

    /** A participant team's result, published to the whole group. */
    record TeamResponse(TaskResult result, String name) {
    }

    /** Asks the participant it is sent to to speak. */
    record RequestPublish() {
    }

    /** The run is over: the stop message, and the error that ended it if any. */
    record Termination(StopMessage message, @Nullable RuntimeException error) {
    }

    /** A participant failed while speaking. */
    record Error(RuntimeException error) {
    }

    /** Resets a participant or the manager. */
    record Reset() {
    }

    /** Pauses a participant. */
    record Pause() {
    }

    /** Resumes a participant. */
    record Resume() {
    }
}
