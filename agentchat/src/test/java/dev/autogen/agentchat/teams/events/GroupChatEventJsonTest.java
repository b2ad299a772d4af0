package dev.autogen.agentchat.teams.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.messages.MessageFactory;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ToolCallRequestEvent;
import dev.autogen.core.serialization.MessageSerializer;
import dev.autogen.core.serialization.SerializationConstants;
import dev.autogen.core.serialization.SerializationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The group-chat protocol's JSON equals what Python AutoGen 0.7.5 writes: each fixture in
 * {@code python-fixtures/group-chat} (written by Python's {@code PydanticJsonMessageSerializer}, see
 * the README there) is read by our serializer under the same type name and written back byte for byte.
 */
class GroupChatEventJsonTest {
    private final SerializationRegistry registry = new SerializationRegistry();

    GroupChatEventJsonTest() {
        registry.add(GroupChatSerializers.all(new MessageFactory()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GroupChatStart-messages", "GroupChatStart-null-messages", "GroupChatAgentResponse",
            "GroupChatTeamResponse", "GroupChatRequestPublish", "GroupChatMessage-streaming-chunk",
            "GroupChatMessage-select-speaker", "GroupChatTermination-no-error", "GroupChatTermination-error",
            "GroupChatReset", "GroupChatPause", "GroupChatResume", "GroupChatError"})
    void readsAndWritesPythonsBytes(String fixture) throws IOException {
        String typeName = fixture.split("-")[0];
        byte[] python = fixture(fixture);

        Object event = registry.deserialize(python, typeName, SerializationConstants.JSON_DATA_CONTENT_TYPE);

        assertThat(event).isInstanceOf(GroupChatEvent.class);
        assertThat(registry.typeName(event)).isEqualTo(typeName);
        assertThat(new String(registry.serialize(event, typeName, SerializationConstants.JSON_DATA_CONTENT_TYPE),
                StandardCharsets.UTF_8)).isEqualTo(new String(python, StandardCharsets.UTF_8));
    }

    @Test
    void eventsBuiltInJavaWriteWhatPythonWrites() throws IOException {
        assertThat(write(new GroupChatStart(null, false))).isEqualTo(text("GroupChatStart-null-messages"));
        assertThat(write(new GroupChatRequestPublish())).isEqualTo(text("GroupChatRequestPublish"));
        assertThat(write(new GroupChatError(new SerializableException("RuntimeError", "participant 'writer' failed",
                "Traceback (most recent call last):\n  ...\nRuntimeError: x")))).isEqualTo(text("GroupChatError"));
        GroupChatTermination termination = read("GroupChatTermination-no-error", GroupChatTermination.class);
        StopMessage stop = termination.message();
        assertThat(write(new GroupChatTermination(stop, new SerializableException("ValueError", "boom", null))))
                .isEqualTo(text("GroupChatTermination-error").replace("000000000011", "000000000010"));
    }

    @Test
    void nestedMessagesComeBackAsTheirOwnTypes() throws IOException {
        GroupChatAgentResponse response = read("GroupChatAgentResponse", GroupChatAgentResponse.class);
        assertThat(response.response().chatMessage()).isInstanceOf(TextMessage.class);
        assertThat(response.response().chatMessage().modelsUsage().promptTokens()).isEqualTo(10);
        assertThat(response.response().innerMessages().getFirst()).isInstanceOf(ToolCallRequestEvent.class);
        GroupChatStart start = read("GroupChatStart-messages", GroupChatStart.class);
        assertThat(start.messages()).hasSize(2).element(1).isInstanceOf(StopMessage.class);
        assertThat(start.messages().get(1).metadata()).isEqualTo(Map.of("k", "v"));
        assertThat(read("GroupChatMessage-streaming-chunk", GroupChatMessage.class).message())
                .isInstanceOf(ModelClientStreamingChunkEvent.class);
    }

    @Test
    void everyEventHasASerializerUnderItsPythonName() {
        assertThat(GroupChatSerializers.all(new MessageFactory()).stream().map(MessageSerializer::typeName))
                .containsExactlyInAnyOrderElementsOf(Stream.of(GroupChatEvent.class.getPermittedSubclasses())
                        .map(Class::getSimpleName).toList());
    }

    private String write(GroupChatEvent event) {
        String typeName = registry.typeName(event);
        return new String(registry.serialize(event, typeName, SerializationConstants.JSON_DATA_CONTENT_TYPE),
                StandardCharsets.UTF_8);
    }

    private <T> T read(String fixture, Class<T> type) throws IOException {
        return type.cast(registry.deserialize(fixture(fixture), type.getSimpleName(),
                SerializationConstants.JSON_DATA_CONTENT_TYPE));
    }

    private static String text(String fixture) throws IOException {
        return new String(fixture(fixture), StandardCharsets.UTF_8);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = GroupChatEventJsonTest.class.getResourceAsStream("/python-fixtures/group-chat/" + name + ".json")) {
            assertThat(in).as("fixture " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
