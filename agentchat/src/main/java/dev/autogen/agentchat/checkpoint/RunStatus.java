package dev.autogen.agentchat.checkpoint;

/** Where a durable run stands, as its last checkpoint says. */
public enum RunStatus {
    /** Turns are being taken, or the process running it stopped (crash, kill) after its last checkpoint. */
    RUNNING,
    /** The run stopped for a person: a handoff to someone outside the team. Resume it with their answer as the task. */
    WAITING_FOR_INPUT,
    /** The termination condition, the turn limit or the end of a graph stopped it. */
    COMPLETED,
    /** A participant, a model or the team failed; resume retries from the last completed turn. */
    FAILED,
    /** The run was cancelled; resume continues from the last completed turn. */
    CANCELLED;

    /** The name used in stores and on the command line, e.g. {@code waiting_for_input}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The status named {@code label}. */
    public static RunStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
}
