package dev.autogen.agentchat.base;

import dev.autogen.core.component.ComponentBase;
import java.util.Map;

/**
 * A group of agents (or teams) working on a task together. A team keeps its conversation between
 * runs: {@code run()} without a task continues it, {@link #reset()} starts over.
 */
public interface Team extends TaskRunner, ComponentBase, AutoCloseable {
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

    @Override
    default void close() {
    }
}
