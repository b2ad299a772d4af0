package dev.autogen.studio.runs;

import dev.autogen.agentchat.checkpoint.CheckpointStore;
import dev.autogen.studio.SettingsService;
import dev.autogen.studio.db.StudioStore;
import java.time.Duration;

/**
 * What runs need from the server.
 *
 * @param store the database's tables
 * @param settings the users' settings (code execution, input timeout)
 * @param checkpoints where teams write their state after every turn
 * @param inputTimeout how long a UserProxyAgent waits for the person when the settings say nothing
 */
public record RunServices(StudioStore store, SettingsService settings, CheckpointStore checkpoints, Duration inputTimeout) {
}
