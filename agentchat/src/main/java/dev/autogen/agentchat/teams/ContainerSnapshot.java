package dev.autogen.agentchat.teams;

import java.util.Map;

/** A container's answer to a {@link SnapshotRequest}: its state, as its {@code saveState()} gives it. */
record ContainerSnapshot(Map<String, Object> state) {
}
