package dev.autogen.agentchat.teams;

/**
 * Asks a participant's container for its state once it has handled every message before this one: how
 * the manager takes the state of a container in another process (a local container leaves its state
 * with {@link RunCheckpoints} after each turn instead), or of one that could not write it then. Not part
 * of Python's protocol; sent only by durable teams, and answered with a {@link ContainerSnapshot}.
 */
record SnapshotRequest() {
    static final SnapshotRequest INSTANCE = new SnapshotRequest();
}
