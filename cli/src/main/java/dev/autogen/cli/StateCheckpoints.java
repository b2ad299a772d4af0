package dev.autogen.cli;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.TaskRunner;
import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.utils.Concurrency;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code --state-out} while a run goes on: after each completed turn (a chat message from a
 * participant), on a thread of its own so the transcript never waits for it, and once more when the
 * run ends however it ends (done, failed, cancelled), so {@code --state-in} continues from the last
 * completed turn. Each write replaces the file atomically; a checkpoint that fails is logged and the
 * final write reports its failure.
 */
final class StateCheckpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateCheckpoints.class);

    private final TaskRunner runner;
    private final Path file;
    private final String taskSource;
    private final ReentrantLock writing = new ReentrantLock();
    private @Nullable Thread pending;
    private boolean again;

    /**
     * @param taskSource the source of task messages ({@code user}), which are not turns
     */
    StateCheckpoints(TaskRunner runner, Path file, String taskSource) {
        this.runner = runner;
        this.file = file;
        this.taskSource = taskSource;
    }

    /** Checkpoints after {@code message} if it ends a participant's turn. */
    void onMessage(BaseMessage message) {
        if (message instanceof BaseChatMessage chat && !chat.source().equals(taskSource)) {
            checkpoint();
        }
    }

    private synchronized void checkpoint() {
        if (pending != null && pending.isAlive()) {
            again = true;
            return;
        }
        pending = Concurrency.startThread("autogen-state-checkpoint", this::drain);
    }

    private void drain() {
        do {
            synchronized (this) {
                again = false;
            }
            try {
                write();
            } catch (CliException e) {
                LOG.warn("{}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.debug("a state checkpoint failed; the final write will tell", e);
            }
        } while (takeAgain());
    }

    private synchronized boolean takeAgain() {
        return again;
    }

    /**
     * Waits for a checkpoint in progress, then writes the state as the run left it.
     *
     * @throws CliException (run failure) if the file cannot be written
     */
    @Override
    public void close() {
        Thread last;
        synchronized (this) {
            last = pending;
        }
        if (last != null) {
            try {
                last.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        write();
    }

    private void write() {
        writing.lock();
        try {
            Map<String, Object> state = switch (runner) {
                case Team team -> team.saveState();
                case ChatAgent agent -> agent.saveState();
                default -> throw new CliException(CliException.RUN_FAILURE, "autogen: " + RunCommand.name(runner)
                        + " has no state to save.");
            };
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, AutogenJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(state) + "\n");
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CliException(CliException.RUN_FAILURE, "autogen: cannot write state file '" + file + "': "
                    + CliException.describe(e) + ". Check that its folder exists and is writable.");
        } finally {
            writing.unlock();
        }
    }
}
