package dev.autogen.agentchat.teams.events;

import dev.autogen.agentchat.messages.MessageFactory;
import dev.autogen.core.serialization.JsonMessageSerializer;
import dev.autogen.core.serialization.MessageSerializer;
import java.util.List;
import java.util.Objects;

/**
 * Serializers for every {@link GroupChatEvent}, under the type names Python uses (the class names,
 * e.g. {@code GroupChatStart}) and JSON content, so a runtime can carry a team's protocol between
 * processes. Messages inside the events are read with the team's {@link MessageFactory}, custom types
 * included.
 *
 * <!-- java-context: import dev.autogen.core.AgentRuntime;
 *      import dev.autogen.agentchat.messages.MessageFactory; AgentRuntime runtime;
 *      MessageFactory messageFactory; -->
 * <pre>{@code
 * runtime.addMessageSerializer(GroupChatSerializers.all(messageFactory).toArray(MessageSerializer[]::new));
 * }</pre>
 */
public final class GroupChatSerializers {
    private static final List<Class<? extends GroupChatEvent>> TYPES = List.of(GroupChatStart.class,
            GroupChatAgentResponse.class, GroupChatTeamResponse.class, GroupChatRequestPublish.class,
            GroupChatMessage.class, GroupChatTermination.class, GroupChatReset.class, GroupChatPause.class,
            GroupChatResume.class, GroupChatError.class);

    private GroupChatSerializers() {
    }

    /** One serializer per protocol event, reading messages with {@code messageFactory}. */
    public static List<MessageSerializer<?>> all(MessageFactory messageFactory) {
        Objects.requireNonNull(messageFactory, "messageFactory");
        return TYPES.stream().<MessageSerializer<?>>map(type -> of(type, messageFactory)).toList();
    }

    /** The serializer of one protocol event. */
    public static <T extends GroupChatEvent> MessageSerializer<T> of(Class<T> type, MessageFactory messageFactory) {
        return JsonMessageSerializer.of(type).withReaderAttribute(MessageFactory.class, messageFactory);
    }
}
