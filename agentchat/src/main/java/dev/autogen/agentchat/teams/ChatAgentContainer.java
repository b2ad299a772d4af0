package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.TurnResult;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.MessageFactory;
import dev.autogen.agentchat.state.AgentChatState;
import dev.autogen.agentchat.state.ChatAgentContainerState;
import dev.autogen.agentchat.teams.events.GroupChatAgentResponse;
import dev.autogen.agentchat.teams.events.GroupChatError;
import dev.autogen.agentchat.teams.events.GroupChatMessage;
import dev.autogen.agentchat.teams.events.GroupChatPause;
import dev.autogen.agentchat.teams.events.GroupChatRequestPublish;
import dev.autogen.agentchat.teams.events.GroupChatReset;
import dev.autogen.agentchat.teams.events.GroupChatResume;
import dev.autogen.agentchat.teams.events.GroupChatStart;
import dev.autogen.agentchat.teams.events.GroupChatTeamResponse;
import dev.autogen.agentchat.teams.events.SerializableException;
import dev.autogen.core.MessageContext;
import dev.autogen.core.MessageHandlerContext;
import dev.autogen.core.RuntimeListener;
import dev.autogen.core.TopicId;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.utils.Concurrency;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Hosts one participant on the runtime, as Python's {@code ChatAgentContainer}: buffers what the
 * group publishes, and when asked to speak hands the buffered messages to the participant, publishes
 * each message it produces to the team's output topic and then its response to the group topic. It
 * needs nothing but the runtime, so it can live in any process the runtime reaches.
 */
final class ChatAgentContainer extends SequentialAgent {
    private final Participant participant;
    private final TopicId groupTopic;
    private final TopicId outputTopic;
    private final MessageFactory messageFactory;
    private final StepSequencer steps;
    /** The team's durable side: while a run is checkpointed, the container takes its state after each turn. */
    private final RunCheckpoints checkpoints;
    private final List<BaseChatMessage> buffer = new ArrayList<>();
    /** Output of the current turn held back until the speakers before this one in the step are done. */
    private final List<BaseMessage> heldOutput = new ArrayList<>();
    private final ReentrantLock outputLock = new ReentrantLock();
    /** The JSON of this container's checkpointed states, each message written once. */
    private final CheckpointJson checkpointJson = new CheckpointJson();

    ChatAgentContainer(Participant participant, TopicId groupTopic, TopicId outputTopic, MessageFactory messageFactory,
            StepSequencer steps, RunCheckpoints checkpoints) {
        super(participant.description());
        this.participant = participant;
        this.groupTopic = groupTopic;
        this.outputTopic = outputTopic;
        this.messageFactory = messageFactory;
        this.steps = steps;
        this.checkpoints = checkpoints;
    }

    @Override
    @Nullable Object handleInOrder(Object message, MessageContext context) {
        switch (message) {
            case GroupChatStart start -> {
                buffer.addAll(start.messagesOrEmpty());
                takeState(start);
            }
            case GroupChatAgentResponse response -> {
                buffer.add(response.response().chatMessage());
                takeState(response);
            }
            case GroupChatTeamResponse response -> {
                response.result().messages().stream()
                        .filter(m -> m instanceof BaseChatMessage).map(m -> (BaseChatMessage) m).forEach(buffer::add);
                takeState(response);
            }
            case GroupChatRequestPublish request -> {
                if (!context.cancellationToken().isCancelled()) { // else left over from a cancelled run
                    speak(context);
                }
            }
            case SnapshotRequest snapshot -> {
                String state = checkpoints.currentState(participant.name());
                if (state == null) {
                    state = checkpointJson.write(stateValue());
                    checkpointJson.endPass();
                }
                return new ContainerSnapshot(state);
            }
            case GroupChatReset reset -> {
                checkpoints.stateChanged(participant.name());
                buffer.clear();
                participant.onReset(context.cancellationToken());
            }
            case GroupChatError error -> {
                // for the manager, which shares the group topic
            }
            default -> throw new IllegalArgumentException("the container of '" + participant.name()
                    + "' cannot handle a " + message.getClass().getSimpleName());
        }
        return null;
    }

    @Override
    void handleNow(Object message, MessageContext context) {
        if (message instanceof GroupChatPause) {
            participant.onPause(context.cancellationToken());
        } else if (message instanceof GroupChatResume) {
            participant.onResume(context.cancellationToken());
        }
    }

    /**
     * While the run is checkpointed, takes this container's state right after {@code after} (a group
     * message it handled, or its own response), so the manager's checkpoint of the turn need not ask
     * for it. Each participant's state is so taken at the end of its own turn, on its own thread.
     */
    private void takeState(Object after) {
        if (checkpoints.isActive()) {
            String state;
            try {
                state = checkpointJson.write(stateValue());
                checkpointJson.endPass();
            } catch (RuntimeException e) {
                state = null; // the manager asks with a SnapshotRequest, whose answer reports the error
            }
            checkpoints.stateTaken(participant.name(), after, state);
        } else {
            checkpoints.stateChanged(participant.name());
        }
    }

    private void speak(MessageContext context) {
        checkpoints.stateChanged(participant.name());
        StepSequencer.Ticket ticket = steps.enter(participant.name());
        try {
            Object reply = takeTurn(context, ticket);
            if (reply != null && awaitTurn(ticket)) {
                flushHeldOutput();
                publishMessage(reply, groupTopic, context.cancellationToken());
                if (!(reply instanceof GroupChatError)) {
                    takeState(reply); // while the manager takes in the response
                }
            }
        } finally {
            outputLock.lock();
            try {
                heldOutput.clear();
            } finally {
                outputLock.unlock();
            }
            steps.finished(ticket);
        }
    }

    /** Lets the participant speak; returns the response or error to publish, or null when cancelled. */
    private @Nullable Object takeTurn(MessageContext context, StepSequencer.Ticket ticket) {
        RuntimeListener listener = MessageHandlerContext.currentListener();
        listener.agentTurnStart(participant.name(), participant.description(), id());
        TurnResult result;
        try {
            result = participant.speak(List.copyOf(buffer), context.cancellationToken(), message -> output(message, ticket));
            listener.agentTurnEnd(participant.name(), id(), null);
        } catch (RuntimeException e) {
            listener.agentTurnEnd(participant.name(), id(), e);
            return context.cancellationToken().isCancelled() ? null
                    : new GroupChatError(SerializableException.from(new ParticipantException(participant.name(), e)));
        }
        buffer.clear();
        return switch (result) {
            case Response response -> new GroupChatAgentResponse(response, participant.name());
            case TaskResult taskResult -> new GroupChatTeamResponse(taskResult, participant.name());
        };
    }

    /** Waits for the speakers before this one in the step; false when the run was cancelled meanwhile. */
    private boolean awaitTurn(StepSequencer.Ticket ticket) {
        try {
            steps.awaitTurn(ticket);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Publishes the participant's output now if it is this speaker's turn in the step, else holds it back. */
    private void output(BaseMessage message, StepSequencer.Ticket ticket) {
        outputLock.lock();
        try {
            if (steps.isTurn(ticket)) {
                flushHeldOutput();
                publishMessage(new GroupChatMessage(message), outputTopic);
            } else {
                if (heldOutput.isEmpty()) {
                    // Publish what is held as soon as it is this speaker's turn, not only when its turn
                    // ends: a participant that waits mid-turn (a UserProxyAgent asking its human) must be
                    // seen asking, or a UI never shows the question it waits for.
                    Concurrency.startThread("autogen-held-output-" + participant.name(), () -> flushWhenTurn(ticket));
                }
                heldOutput.add(message);
            }
        } finally {
            outputLock.unlock();
        }
    }

    /** Publishes the held output once {@code ticket}'s turn has come, unless its step was abandoned meanwhile. */
    private void flushWhenTurn(StepSequencer.Ticket ticket) {
        try {
            steps.awaitTurn(ticket);
        } catch (InterruptedException e) {
            return;
        }
        outputLock.lock();
        try {
            if (steps.isCurrent(ticket)) {
                flushHeldOutput();
            }
        } finally {
            outputLock.unlock();
        }
    }

    private void flushHeldOutput() {
        outputLock.lock();
        try {
            for (BaseMessage held : heldOutput) {
                publishMessage(new GroupChatMessage(held), outputTopic);
            }
            heldOutput.clear();
        } finally {
            outputLock.unlock();
        }
    }

    @Override
    public Map<String, Object> saveState() {
        return ChatAgentContainerState.of(participant.saveState(), buffer).toMap();
    }

    /** {@link #saveState()} as a value written to the same JSON without building its maps. */
    private Map<String, Object> stateValue() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", ChatAgentContainerState.TYPE);
        state.put("version", AgentChatState.VERSION);
        state.put("agent_state", participant.stateValue());
        state.put("message_buffer", List.copyOf(buffer));
        return state;
    }

    @Override
    public void loadState(Map<String, Object> state) {
        checkpoints.stateChanged(participant.name());
        JsonNode node = AutogenJson.mapper().valueToTree(state);
        JsonNode agentState = node.path("agent_state");
        if (!agentState.isMissingNode() && !agentState.isObject()) {
            throw new IllegalArgumentException("agent_state: expected an object (the agent's own state) but found "
                    + StateFields.describe(agentState));
        }
        List<BaseChatMessage> messages = new ArrayList<>();
        JsonNode buffered = node.path("message_buffer");
        for (int i = 0; i < buffered.size(); i++) {
            try {
                messages.add(messageFactory.createChatMessage(buffered.get(i)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("message_buffer[" + i + "]: " + e.getMessage(), e);
            }
        }
        Map<String, Object> inner = AutogenJson.mapper().convertValue(agentState, new TypeReference<>() {
        });
        try {
            participant.loadState(inner == null ? Map.of() : inner);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("agent_state." + e.getMessage(), e);
        }
        buffer.clear();
        buffer.addAll(messages);
    }

    /**
     * A participant failed while speaking; the team's run ends with this error. It only carries the
     * participant's name to {@link BaseGroupChat}, which throws a
     * {@link dev.autogen.agentchat.base.TeamRunException} with the original exception as its cause.
     */
    static final class ParticipantException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String participant;

        ParticipantException(String participant, RuntimeException cause) {
            super("participant '" + participant + "' failed: " + describe(cause), cause);
            this.participant = participant;
        }

        String participant() {
            return participant;
        }

        static String describe(Throwable error) {
            return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        }
    }
}
