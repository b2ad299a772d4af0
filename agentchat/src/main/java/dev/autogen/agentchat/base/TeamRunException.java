package dev.autogen.agentchat.base;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A team's run ended because a participant or the group chat manager failed. {@link #getCause()} is
 * the original exception when it was thrown in this JVM (a model client's error, a tool's exception);
 * {@link #participant()} names the participant that failed, when one did.
 *
 * <!-- java-context: Team team; -->
 * <pre>{@code
 * try {
 *     team.run("Write a poem");
 * } catch (TeamRunException e) {
 *     String who = e.participant().orElse("the manager");
 *     Throwable why = e.getCause();   // e.g. the model client's exception
 * }
 * }</pre>
 *
 * <p>Python AutoGen raises a {@code RuntimeError} with the error's text instead; a participant in
 * another process (the gRPC runtime) has no local cause, only {@link #errorType()} and the message.
 */
public final class TeamRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String team;
    private final @Nullable String participant;
    private final String errorType;

    /**
     * @param team the team's name
     * @param participant the participant that failed, or null when the failure was not a participant's
     * @param errorType the failure's type name, e.g. {@code IllegalStateException} or Python's {@code ValueError}
     * @param errorMessage the failure's message
     * @param cause the original exception, when it was thrown in this JVM
     */
    public TeamRunException(String team, @Nullable String participant, String errorType, String errorMessage,
            @Nullable Throwable cause) {
        super("team '" + team + "' stopped: " + (participant == null ? "" : "participant '" + participant + "' failed: ")
                + errorMessage, cause);
        this.team = team;
        this.participant = participant;
        this.errorType = errorType;
    }

    /** The name of the team whose run ended. */
    public String team() {
        return team;
    }

    /** The participant that failed; empty when the manager or the runtime failed. */
    public Optional<String> participant() {
        return Optional.ofNullable(participant);
    }

    /** The failure's type name, also known when the failure happened in another process. */
    public String errorType() {
        return errorType;
    }
}
