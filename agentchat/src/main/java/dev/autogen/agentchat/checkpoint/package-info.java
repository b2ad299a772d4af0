/**
 * Durable runs: a team given a {@link dev.autogen.agentchat.checkpoint.CheckpointStore} writes one
 * {@link dev.autogen.agentchat.checkpoint.Checkpoint} after every completed turn, and can resume a run
 * that stopped for any reason from its last one, or replay it from an earlier one.
 */
@NullMarked
package dev.autogen.agentchat.checkpoint;

import org.jspecify.annotations.NullMarked;
