package dev.autogen.agentchat.base;

/** What a {@link Participant} answers for one turn: an agent's {@link Response} or a team's {@link TaskResult}. */
public sealed interface TurnResult permits Response, TaskResult {
}
