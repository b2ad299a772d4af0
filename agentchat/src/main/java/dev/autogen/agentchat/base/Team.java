package dev.autogen.agentchat.base;

import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentBase;
import java.util.List;
import dev.autogen.agentchat.state.TeamState;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A group of agents (or teams) working on a task together. A team keeps its conversation between
 * runs: {@code run()} without a task continues it, {@link #reset()} starts over.
 */
public interface Team extends Participant, TaskRunner, ComponentBase, AutoCloseable {
    /** The team's name, unique within a parent team. */
    String name();

    /** What the team does. */
    String description();

    /**
     * Resets the team and its participants to their initial state.
     *
     * @throws IllegalStateException while the team is running
     */
    void reset();

    /** Calls {@code onPause} on every participant; the run goes on. */
    void pause();

    /** Calls {@code onResume} on every participant. */
    void resume();

    /** The team's state, participants included, as Python-compatible JSON-ready data. */
    Map<String, Object> saveState();

    /** Restores a state written by {@link #saveState()} (also into a newly built team with the same participants). */
    void loadState(Map<String, ?> state);

    /**
     * The team's state as a typed value: {@link #saveState()} read as Python's {@code TeamState}.
     *
     * <!-- java-context: Team team; Team sameTeam; -->
     * <pre>{@code
     * String json = team.teamState().toJson();   // as Python's json.dumps(await team.save_state())
     * sameTeam.loadState(TeamState.fromJson(json));
     * }</pre>
     */
    default TeamState teamState() {
        return TeamState.fromMap(saveState());
    }

    /** Restores a state from {@link #teamState()} (also into a newly built team with the same participants). */
    default void loadState(TeamState state) {
        loadState(state.toMap());
    }

    /**
     * A turn in a parent team: a run on {@code messages} (not repeated in the output), each of its
     * messages handed to {@code events}.
     */
    @Override
    default TurnResult speak(List<BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events) {
        try (MessageStream<TaskResult> stream = runStream(RunOptions.task(messages)
                .withCancellationToken(cancellationToken).withOutputTaskMessages(false))) {
            stream.forEach(events);
            return stream.result();
        }
    }

    /** {@link #reset()}, as a participant of a parent team. */
    @Override
    default void onReset(CancellationToken cancellationToken) {
        reset();
    }

    /** {@link #pause()}, as a participant of a parent team. */
    @Override
    default void onPause(CancellationToken cancellationToken) {
        pause();
    }

    /** {@link #resume()}, as a participant of a parent team. */
    @Override
    default void onResume(CancellationToken cancellationToken) {
        resume();
    }

    @Override
    default void close() {
    }
}
