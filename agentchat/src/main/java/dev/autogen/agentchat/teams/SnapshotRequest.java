package dev.autogen.agentchat.teams;

/**
 * Asks a participant's container for its state once it has handled every message before this one: the
 * manager's way to take a checkpoint that holds each participant as it stands after the last turn. Not
 * part of Python's protocol; sent only by durable teams, and answered with a {@link ContainerSnapshot}.
 */
record SnapshotRequest() {
    static final SnapshotRequest INSTANCE = new SnapshotRequest();
}
