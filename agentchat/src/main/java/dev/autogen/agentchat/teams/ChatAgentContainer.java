package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.MessageFactory;
import dev.autogen.agentchat.state.ChatAgentContainerState;
import dev.autogen.core.BaseAgent;
import dev.autogen.core.MessageContext;
import dev.autogen.core.TopicId;
import dev.autogen.core.serialization.AutogenJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts one participant (an agent or a team) on the runtime: buffers what the group publishes, and
 * when asked to speak hands the buffered messages to the participant, streams what it produces to the
 * caller and publishes its response to the group.
 */
final class ChatAgentContainer extends BaseAgent {
    private static final Logger LOG = LoggerFactory.getLogger(ChatAgentContainer.class);

    private final Object participant;
    private final String participantName;
    private final TopicId groupTopic;
    private final OutputChannel output;
    private final MessageFactory messageFactory;
    private final List<BaseChatMessage> buffer = new ArrayList<>();

    ChatAgentContainer(Object participant, TopicId groupTopic, OutputChannel output, MessageFactory messageFactory) {
        super(participant instanceof ChatAgent agent ? agent.description() : ((Team) participant).description());
        this.participant = participant;
        this.participantName = participant instanceof ChatAgent agent ? agent.name() : ((Team) participant).name();
        this.groupTopic = groupTopic;
        this.output = output;
        this.messageFactory = messageFactory;
    }

    @Override
    protected @Nullable Object onMessageImpl(Object message, MessageContext context) {
        switch (message) {
            case GroupChatProtocol.Start start -> buffer.addAll(start.messages());
            case GroupChatProtocol.AgentResponse response -> buffer.add(response.response().chatMessage());
            case GroupChatProtocol.TeamResponse response -> response.result().messages().stream()
                    .filter(m -> m instanceof BaseChatMessage).map(m -> (BaseChatMessage) m).forEach(buffer::add);
            case GroupChatProtocol.RequestPublish request -> speak(context);
            case GroupChatProtocol.Reset reset -> {
                buffer.clear();
                if (participant instanceof ChatAgent agent) {
                    agent.onReset(context.cancellationToken());
                } else {
                    ((Team) participant).reset();
                }
            }
            case GroupChatProtocol.Pause pause -> {
                if (participant instanceof ChatAgent agent) {
                    agent.onPause(context.cancellationToken());
                } else {
                    ((Team) participant).pause();
                }
            }
            case GroupChatProtocol.Resume resume -> {
                if (participant instanceof ChatAgent agent) {
                    agent.onResume(context.cancellationToken());
                } else {
                    ((Team) participant).resume();
                }
            }
            default -> LOG.debug("container of '{}' ignores {}", participantName, message.getClass().getSimpleName());
        }
        return null;
    }

    private void speak(MessageContext context) {
        List<BaseChatMessage> input = List.copyOf(buffer);
        Object reply;
        try {
            if (participant instanceof ChatAgent agent) {
                Response response = agent.onMessagesStream(input, context.cancellationToken(), output::message);
                if (response == null) {
                    throw new IllegalStateException("agent '" + participantName + "' did not produce a final response");
                }
                output.message(response.chatMessage());
                reply = new GroupChatProtocol.AgentResponse(response, participantName);
            } else {
                TaskResult result;
                try (MessageStream<TaskResult> stream = ((Team) participant).runStream(RunOptions.task(input)
                        .withCancellationToken(context.cancellationToken()).withOutputTaskMessages(false))) {
                    stream.forEach(output::message);
                    result = stream.result();
                }
                reply = new GroupChatProtocol.TeamResponse(result, participantName);
            }
        } catch (RuntimeException e) {
            if (context.cancellationToken().isCancelled()) {
                return;
            }
            LOG.debug("participant '{}' failed", participantName, e);
            publishMessage(new GroupChatProtocol.Error(new ParticipantException(participantName, e)), groupTopic,
                    context.cancellationToken());
            return;
        }
        buffer.clear();
        publishMessage(reply, groupTopic, context.cancellationToken());
    }

    @Override
    public Map<String, Object> saveState() {
        Map<String, Object> inner = participant instanceof ChatAgent agent ? agent.saveState() : ((Team) participant).saveState();
        return ChatAgentContainerState.of(inner, buffer).toMap();
    }

    @Override
    public void loadState(Map<String, Object> state) {
        JsonNode node = AutogenJson.mapper().valueToTree(state);
        Map<String, Object> inner = AutogenJson.mapper().convertValue(node.path("agent_state"), new TypeReference<>() {
        });
        if (participant instanceof ChatAgent agent) {
            agent.loadState(inner == null ? Map.of() : inner);
        } else {
            ((Team) participant).loadState(inner == null ? Map.of() : inner);
        }
        buffer.clear();
        for (JsonNode message : node.path("message_buffer")) {
            buffer.add(messageFactory.createChatMessage(message));
        }
    }

    /** A participant failed; the team's run ends with this error. */
    static final class ParticipantException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParticipantException(String participant, RuntimeException cause) {
            super("participant '" + participant + "' failed: " + cause, cause);
        }
    }

}
