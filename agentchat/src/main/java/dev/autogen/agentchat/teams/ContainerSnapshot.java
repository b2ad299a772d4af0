package dev.autogen.agentchat.teams;

/** A container's answer to a {@link SnapshotRequest}: its state as JSON, the JSON of its {@code saveState()}. */
record ContainerSnapshot(String stateJson) {
}
