package dev.autogen.agentchat.base;

import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.CancellationToken;
import java.util.List;
import dev.autogen.agentchat.state.StateJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A member of a team: an agent ({@link ChatAgent}) or a nested team ({@link Team}). A team's
 * container hands it the messages new since its last turn, and publishes what it answers to the
 * other participants.
 */
public interface Participant {
    /** The name, unique within the team. */
    String name();

    /** What it does; the selector and the orchestrator read it to pick the next speaker. */
    String description();

    /**
     * Takes a turn: handles {@code messages} (those new since its last turn), hands each message and
     * event it produces to {@code events} as it happens (its final chat message, or a nested team's
     * messages, included), and returns its {@link Response} or {@link TaskResult}.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancellationToken} is cancelled
     */
    TurnResult speak(List<BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events);

    /** Returns to the initial state. */
    void onReset(CancellationToken cancellationToken);

    /** Pauses work in progress; called while the team runs, possibly in the middle of a turn. */
    void onPause(CancellationToken cancellationToken);

    /** Resumes after {@link #onPause}. */
    void onResume(CancellationToken cancellationToken);

    /** The state as JSON-compatible values, Python's {@code save_state()}. */
    Map<String, Object> saveState();

    /**
     * The state as a value that JSON serialization writes exactly as {@link #saveState()}'s map (records,
     * lists, maps), which durable teams write in every checkpoint without building the map first. The
     * default is {@link #saveState()}; override it together with {@link #saveState()}.
     */
    default Object stateValue() {
        return saveState();
    }

    /** Restores a state written by {@link #saveState()}. */
    void loadState(Map<String, ?> state);

    /**
     * Writes {@link #saveState()} to {@code file} as JSON, the same JSON Python AutoGen writes with
     * {@code json.dump(await x.save_state(), f)}, so either can load it.
     */
    default void saveState(Path file) throws IOException {
        StateJson.writeFile(file, saveState());
    }

    /**
     * Restores a state from a JSON file written by {@link #saveState(Path)} or by Python AutoGen.
     *
     * @throws IllegalArgumentException naming the file, if it does not hold a JSON object
     */
    default void loadState(Path file) throws IOException {
        loadState(StateJson.readFile(file));
    }
}
