package dev.autogen.core.serialization;

import static dev.autogen.core.serialization.SerializationConstants.JSON_DATA_CONTENT_TYPE;
import static dev.autogen.core.serialization.SerializationConstants.PROTOBUF_DATA_CONTENT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerializationRegistryTest {
    record AskQuestion(String question, int maxWords) {
    }

    record Answer(String text) {
    }

    @Test
    void jsonSerializerUsesTheSimpleClassNameAndPythonsFieldNames() {
        var serializer = JsonMessageSerializer.of(AskQuestion.class);

        byte[] bytes = serializer.serialize(new AskQuestion("Why?", 50));

        assertThat(serializer.typeName()).isEqualTo("AskQuestion");
        assertThat(serializer.dataContentType()).isEqualTo("application/json");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"question\":\"Why?\",\"max_words\":50}");
        assertThat(serializer.deserialize(bytes)).isEqualTo(new AskQuestion("Why?", 50));
    }

    @Test
    void readsWhatPythonWrites() {
        byte[] python = "{\"question\": \"Why?\", \"max_words\": 7, \"extra\": true}".getBytes(StandardCharsets.UTF_8);

        assertThat(JsonMessageSerializer.of(AskQuestion.class).deserialize(python)).isEqualTo(new AskQuestion("Why?", 7));
    }

    @Test
    void badPayloadsFailWithTheTypeName() {
        var serializer = JsonMessageSerializer.of(AskQuestion.class);

        assertThatThrownBy(() -> serializer.deserialize("{\"question\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read AskQuestion from JSON");
        assertThatThrownBy(() -> serializer.deserialize("null".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("cannot read AskQuestion from JSON: the payload is null");
    }

    @Test
    void roundTripsThroughTheRegistry() {
        var registry = new SerializationRegistry();
        registry.add(JsonMessageSerializer.of(AskQuestion.class), JsonMessageSerializer.of(Answer.class));
        var question = new AskQuestion("Why?", 3);

        String typeName = registry.typeName(question);
        byte[] bytes = registry.serialize(question, typeName, JSON_DATA_CONTENT_TYPE);

        assertThat(typeName).isEqualTo("AskQuestion");
        assertThat(registry.isRegistered("Answer", JSON_DATA_CONTENT_TYPE)).isTrue();
        assertThat(registry.isRegistered("Answer", PROTOBUF_DATA_CONTENT_TYPE)).isFalse();
        assertThat(registry.deserialize(bytes, typeName, JSON_DATA_CONTENT_TYPE)).isEqualTo(question);
    }

    @Test
    void registriesShareABundleWithoutCopyingAndTheirOwnSerializersComeFirst() {
        var bundle = SerializationRegistry.Bundle.of(List.of(JsonMessageSerializer.of(AskQuestion.class),
                JsonMessageSerializer.of(Answer.class)));
        var first = new SerializationRegistry();
        var second = new SerializationRegistry();
        first.add(bundle);
        first.add(bundle);
        second.add(bundle);
        var question = new AskQuestion("Why?", 3);

        byte[] bytes = first.serialize(question, first.typeName(question), JSON_DATA_CONTENT_TYPE);
        assertThat(second.deserialize(bytes, "AskQuestion", JSON_DATA_CONTENT_TYPE)).isEqualTo(question);
        assertThat(second.isRegistered("Answer", JSON_DATA_CONTENT_TYPE)).isTrue();

        MessageSerializer<Answer> renamed = new MessageSerializer<>() {
            @Override
            public String typeName() {
                return "Answer";
            }

            @Override
            public String dataContentType() {
                return JSON_DATA_CONTENT_TYPE;
            }

            @Override
            public Class<Answer> type() {
                return Answer.class;
            }

            @Override
            public byte[] serialize(Answer message) {
                return message.text().getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public Answer deserialize(byte[] payload) {
                return new Answer(new String(payload, StandardCharsets.UTF_8));
            }
        };
        first.add(renamed);
        assertThat(first.deserialize("plain".getBytes(StandardCharsets.UTF_8), "Answer", JSON_DATA_CONTENT_TYPE))
                .isEqualTo(new Answer("plain"));
        assertThat(second.deserialize("{\"text\":\"json\"}".getBytes(StandardCharsets.UTF_8), "Answer",
                JSON_DATA_CONTENT_TYPE)).isEqualTo(new Answer("json"));
        assertThat(bundle.serializers()).hasSize(2);
    }

    @Test
    void unknownTypesComeBackAsUnknownPayloadAndCanBeRelayed() {
        var registry = new SerializationRegistry();
        byte[] bytes = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);

        Object message = registry.deserialize(bytes, "PythonOnly", JSON_DATA_CONTENT_TYPE);

        assertThat(message).isEqualTo(new UnknownPayload("PythonOnly", JSON_DATA_CONTENT_TYPE, bytes));
        assertThat(registry.typeName(message)).isEqualTo("PythonOnly");
        assertThat(registry.serialize(message, "PythonOnly", JSON_DATA_CONTENT_TYPE)).isEqualTo(bytes);
    }

    @Test
    void serializingAnUnregisteredTypeSaysHowToFixIt() {
        var registry = new SerializationRegistry();

        assertThatThrownBy(() -> registry.serialize(new Answer("a"), "Answer", JSON_DATA_CONTENT_TYPE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown type Answer with content type application/json: add a serializer for it "
                        + "(e.g. JsonMessageSerializer.of(Answer.class))");
    }

    @Test
    void aMessageOfTheWrongClassIsRejected() {
        var registry = new SerializationRegistry();
        registry.add(JsonMessageSerializer.of(Answer.class));

        assertThatThrownBy(() -> registry.serialize(new AskQuestion("q", 1), "Answer", JSON_DATA_CONTENT_TYPE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("handles " + Answer.class.getName() + ", not " + AskQuestion.class.getName());
    }

    @Test
    void addingTheSamePairAgainReplacesTheSerializerAndRenamesTheType() {
        var registry = new SerializationRegistry();
        registry.add(List.of(JsonMessageSerializer.of(Answer.class)));
        registry.add(new JsonMessageSerializer<>(Answer.class, "Reply"));
        registry.add(new JsonMessageSerializer<>(Answer.class, "Reply"));

        assertThat(registry.typeName(new Answer("a"))).isEqualTo("Reply");
        byte[] bytes = registry.serialize(new Answer("a"), "Reply", JSON_DATA_CONTENT_TYPE);
        assertThat(registry.deserialize(bytes, "Reply", JSON_DATA_CONTENT_TYPE)).isEqualTo(new Answer("a"));
    }

    @Test
    void unknownPayloadCopiesItsBytes() {
        byte[] bytes = {1, 2, 3};
        var unknown = new UnknownPayload("T", PROTOBUF_DATA_CONTENT_TYPE, bytes);

        bytes[0] = 9;
        unknown.payload()[1] = 9;

        assertThat(unknown.payload()).containsExactly(1, 2, 3);
        assertThat(unknown.toString()).isEqualTo("UnknownPayload[typeName=T, dataContentType=application/x-protobuf, payload=3 bytes]");
    }
}
