package dev.autogen.ext.runtimes.grpc;

import static dev.autogen.ext.runtimes.grpc.ProtoBytes.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import dev.autogen.core.AgentId;
import dev.autogen.core.DefaultSubscription;
import dev.autogen.core.TopicId;
import dev.autogen.core.TypePrefixSubscription;
import dev.autogen.core.TypeSubscription;
import dev.autogen.core.serialization.JsonMessageSerializer;
import dev.autogen.core.serialization.SerializationRegistry;
import dev.autogen.ext.runtimes.grpc.internal.ControlMessages;
import dev.autogen.ext.runtimes.grpc.internal.EncodedMessage;
import dev.autogen.ext.runtimes.grpc.internal.PayloadCodec;
import dev.autogen.ext.runtimes.grpc.internal.WireFormat;
import dev.autogen.ext.runtimes.grpc.internal.proto.AddSubscriptionRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.AgentRpcGrpc;
import dev.autogen.ext.runtimes.grpc.internal.proto.CloudEvent;
import dev.autogen.ext.runtimes.grpc.internal.proto.ControlMessage;
import dev.autogen.ext.runtimes.grpc.internal.proto.GetSubscriptionsResponse;
import dev.autogen.ext.runtimes.grpc.internal.proto.LoadStateRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.LoadStateResponse;
import dev.autogen.ext.runtimes.grpc.internal.proto.Message;
import dev.autogen.ext.runtimes.grpc.internal.proto.Payload;
import dev.autogen.ext.runtimes.grpc.internal.proto.RegisterAgentTypeRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.RemoveSubscriptionRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.RpcRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.RpcResponse;
import dev.autogen.ext.runtimes.grpc.internal.proto.SaveStateRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.SaveStateResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The bytes of AutoGen's protocol: each message is compared with bytes built from the .proto
 * definitions' field numbers by an encoder of our own ({@link ProtoBytes}), with the values and
 * attribute names Python AutoGen 0.7.5 uses, and the messages Python's workers exchanged
 * ({@link PythonWireDump}) decode and re-encode to the same messages.
 */
class WireCompatibilityTest {
    record Ping(int n) {
    }

    record Pong(int n) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProtoBytes agentId(String type, String key) {
        return message().string(1, type).string(2, key);
    }

    private static ProtoBytes payload(String type, String contentType, String data) {
        return message().string(1, type).string(2, contentType).bytes(3, data.getBytes(StandardCharsets.UTF_8));
    }

    private static ProtoBytes ceString(String value) {
        return message().string(3, value);
    }

    /** Deterministic serialization: map entries sorted by key, as the comparisons need. */
    private static byte[] bytes(com.google.protobuf.Message message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodedOutputStream coded = CodedOutputStream.newInstance(out);
        coded.useDeterministicSerialization();
        message.writeTo(coded);
        coded.flush();
        return out.toByteArray();
    }

    @Test
    void serviceAndMessageNamesAreAutoGens() {
        assertThat(AgentRpcGrpc.SERVICE_NAME).isEqualTo("agents.AgentRpc");
        assertThat(AgentRpcGrpc.getOpenChannelMethod().getFullMethodName()).isEqualTo("agents.AgentRpc/OpenChannel");
        assertThat(AgentRpcGrpc.getOpenControlChannelMethod().getFullMethodName())
                .isEqualTo("agents.AgentRpc/OpenControlChannel");
        assertThat(AgentRpcGrpc.getRegisterAgentMethod().getFullMethodName()).isEqualTo("agents.AgentRpc/RegisterAgent");
        assertThat(AgentRpcGrpc.getAddSubscriptionMethod().getFullMethodName())
                .isEqualTo("agents.AgentRpc/AddSubscription");
        assertThat(AgentRpcGrpc.getRemoveSubscriptionMethod().getFullMethodName())
                .isEqualTo("agents.AgentRpc/RemoveSubscription");
        assertThat(AgentRpcGrpc.getGetSubscriptionsMethod().getFullMethodName())
                .isEqualTo("agents.AgentRpc/GetSubscriptions");
        assertThat(CloudEvent.getDescriptor().getFullName()).isEqualTo("io.cloudevents.v1.CloudEvent");
        assertThat(Message.getDescriptor().getFullName()).isEqualTo("agents.Message");
        assertThat(SaveStateRequest.getDescriptor().getFullName()).isEqualTo("agents.SaveStateRequest");
    }

    @Test
    void rpcRequestBytes() throws IOException {
        RpcRequest request = RpcRequest.newBuilder()
                .setRequestId("1")
                .setSource(WireFormat.toProto(new AgentId("caller", "k1")))
                .setTarget(WireFormat.toProto(new AgentId("echo", "default")))
                .setPayload(Payload.newBuilder().setDataType("Ping").setDataContentType("application/json")
                        .setData(ByteString.copyFromUtf8("{\"n\": 41}")))
                .putMetadata("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .build();
        byte[] expected = message()
                .string(1, "1")
                .message(2, agentId("caller", "k1"))
                .message(3, agentId("echo", "default"))
                .message(5, payload("Ping", "application/json", "{\"n\": 41}"))
                .mapEntry(6, "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .toByteArray();
        assertThat(bytes(request)).isEqualTo(expected);
        assertThat(bytes(Message.newBuilder().setRequest(request).build()))
                .isEqualTo(message().bytes(1, expected).toByteArray());
    }

    @Test
    void rpcResponseBytes() throws IOException {
        RpcResponse reply = RpcResponse.newBuilder().setRequestId("1")
                .setPayload(EncodedMessage.of(Payload.newBuilder().setDataType("Pong")
                        .setDataContentType("application/json").setData(ByteString.copyFromUtf8("{\"n\": 42}")).build())
                        .toPayload())
                .build();
        byte[] expected = message().string(1, "1").message(2, payload("Pong", "application/json", "{\"n\": 42}"))
                .toByteArray();
        assertThat(bytes(reply)).isEqualTo(expected);
        assertThat(bytes(Message.newBuilder().setResponse(reply).build()))
                .isEqualTo(message().bytes(2, expected).toByteArray());

        RpcResponse error = RpcResponse.newBuilder().setRequestId("2").setError("boom").build();
        assertThat(bytes(error)).isEqualTo(message().string(1, "2").string(3, "boom").toByteArray());
    }

    @Test
    void registrationAndSubscriptionBytes() throws IOException {
        assertThat(bytes(RegisterAgentTypeRequest.newBuilder().setType("echo").build()))
                .isEqualTo(message().string(1, "echo").toByteArray());

        var type = WireFormat.toProto(new TypeSubscription("pings", "echo", "s1"));
        byte[] typeBytes = message().string(1, "s1")
                .message(2, message().string(1, "pings").string(2, "echo")).toByteArray();
        assertThat(bytes(type)).isEqualTo(typeBytes);

        var prefix = WireFormat.toProto(new TypePrefixSubscription("echo:", "echo", "s2"));
        byte[] prefixBytes = message().string(1, "s2")
                .message(3, message().string(1, "echo:").string(2, "echo")).toByteArray();
        assertThat(bytes(prefix)).isEqualTo(prefixBytes);

        var defaultSubscription = WireFormat.toProto(new DefaultSubscription("echo"));
        assertThat(defaultSubscription.getTypeSubscription().getTopicType()).isEqualTo("default");

        assertThat(bytes(AddSubscriptionRequest.newBuilder().setSubscription(type).build()))
                .isEqualTo(message().bytes(1, typeBytes).toByteArray());
        assertThat(bytes(RemoveSubscriptionRequest.newBuilder().setId("s1").build()))
                .isEqualTo(message().string(1, "s1").toByteArray());
        assertThat(bytes(GetSubscriptionsResponse.newBuilder().addSubscriptions(type).addSubscriptions(prefix).build()))
                .isEqualTo(message().bytes(1, typeBytes).bytes(1, prefixBytes).toByteArray());

        assertThat(WireFormat.fromProto(type)).isEqualTo(new TypeSubscription("pings", "echo", "s1"));
        assertThat(WireFormat.fromProto(prefix)).isInstanceOfSatisfying(TypePrefixSubscription.class, s -> {
            assertThat(s.id()).isEqualTo("s2");
            assertThat(s.topicTypePrefix()).isEqualTo("echo:");
        });
    }

    @Test
    void controlMessageBytes() throws IOException {
        AgentId agent = new AgentId("counter", "default");
        ControlMessage save = ControlMessages.saveStateRequest("7", agent, "client-a");
        byte[] saveBody = message().message(1, agentId("counter", "default")).toByteArray();
        byte[] any = message().string(1, "type.googleapis.com/agents.SaveStateRequest").bytes(2, saveBody).toByteArray();
        assertThat(bytes(save)).isEqualTo(message().string(1, "7").string(2, "agentid=counter/default")
                .string(3, "clientid=client-a").bytes(4, any).toByteArray());

        ControlMessage saved = ControlMessages.reply(save, SaveStateResponse.newBuilder().setState("{\"count\": 3}").build());
        byte[] savedAny = message().string(1, "type.googleapis.com/agents.SaveStateResponse")
                .message(2, message().string(1, "{\"count\": 3}")).toByteArray();
        assertThat(bytes(saved)).isEqualTo(message().string(1, "7").string(2, "clientid=client-a")
                .bytes(4, savedAny).toByteArray());
        assertThat(ControlMessages.isRequest(save)).isTrue();
        assertThat(ControlMessages.isRequest(saved)).isFalse();

        assertThat(bytes(ControlMessages.body(ControlMessages.loadStateRequest("8", agent, "{}", "c"), LoadStateRequest.class)))
                .isEqualTo(message().message(1, agentId("counter", "default")).string(2, "{}").toByteArray());
        // optional error fields are written when set, even empty (proto3 explicit presence)
        assertThat(bytes(LoadStateResponse.newBuilder().setError("").build())).isEqualTo(new byte[] {0x0a, 0x00});
        assertThat(bytes(SaveStateResponse.newBuilder().setError("gone").build()))
                .isEqualTo(message().string(2, "gone").toByteArray());
    }

    @Test
    void publishedCloudEventCarriesPythonsAttributes() throws IOException {
        EncodedMessage ping = new EncodedMessage("Ping", "application/json", ByteString.copyFromUtf8("{\"n\": 7}"));
        CloudEvent event = WireFormat.publishEvent("6cf5162d-5e72-46c7-99c7-cf91829c14a8",
                new TopicId("pings", "default"), Optional.of(new AgentId("pinger", "k")), ping,
                Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        Map<String, ProtoBytes> attributes = new TreeMap<>(Map.of(
                "agagentsenderkey", ceString("k"),
                "agagentsendertype", ceString("pinger"),
                "agmsgkind", ceString("publish"),
                "datacontenttype", ceString("application/json"),
                "dataschema", ceString("Ping"),
                "traceparent", ceString("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")));
        ProtoBytes expected = message()
                .string(1, "6cf5162d-5e72-46c7-99c7-cf91829c14a8")
                .string(2, "default")
                .string(3, "1.0")
                .string(4, "pings");
        attributes.forEach((key, value) -> expected.mapEntry(5, key, value));
        expected.bytes(6, "{\"n\": 7}".getBytes(StandardCharsets.UTF_8));
        assertThat(bytes(event)).isEqualTo(expected.toByteArray());
        assertThat(bytes(Message.newBuilder().setCloudEvent(event).build()))
                .isEqualTo(message().bytes(3, expected.toByteArray()).toByteArray());

        assertThat(WireFormat.eventSender(event)).contains(new AgentId("pinger", "k"));
        assertThat(WireFormat.eventMetadata(event))
                .containsExactly(Map.entry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        assertThat(WireFormat.eventMessage(event)).isEqualTo(ping);
    }

    @Test
    void pythonWorkersRpcDecodesAndOurReplyMatchesTheirs() throws IOException {
        PythonWireDump dump = PythonWireDump.load();
        assertThat(dump.entries()).hasSize(6);
        PayloadCodec codec = codec();

        Message request = dump.first("request", true);
        assertThat(dump.first("request", false)).isEqualTo(request);
        RpcRequest rpc = request.getRequest();
        assertThat(rpc.getRequestId()).isEqualTo("1");
        assertThat(WireFormat.fromProto(rpc.getTarget())).isEqualTo(new AgentId("echo", "default"));
        assertThat(rpc.hasSource()).isFalse();
        assertThat(codec.decode(EncodedMessage.of(rpc.getPayload()))).isEqualTo(new Ping(41));

        Message pythonReply = dump.first("response", true);
        EncodedMessage ours = codec.encode(new Pong(42));
        RpcResponse ourReply = RpcResponse.newBuilder().setRequestId(rpc.getRequestId()).setPayload(ours.toPayload()).build();
        Payload theirs = pythonReply.getResponse().getPayload();
        // Python's dataclass serializer writes json.dumps' spacing ({"n": 42}), Jackson none ({"n":42}):
        // the same JSON value; every other byte is equal.
        assertThat(json(ours.data())).isEqualTo(json(theirs.getData()));
        assertThat(ourReply.toBuilder().setPayload(ours.toPayload().toBuilder().setData(theirs.getData())).build())
                .isEqualTo(pythonReply.getResponse());
        assertThat(codec.decode(EncodedMessage.of(theirs))).isEqualTo(new Pong(42));
    }

    @Test
    void pythonWorkersPublishDecodesAndOurEventMatchesTheirs() throws IOException {
        PythonWireDump dump = PythonWireDump.load();
        CloudEvent theirs = dump.first("cloudEvent", true).getCloudEvent();
        assertThat(dump.first("cloudEvent", false).getCloudEvent()).isEqualTo(theirs);

        PayloadCodec codec = codec();
        assertThat(codec.decode(WireFormat.eventMessage(theirs))).isEqualTo(new Ping(7));
        assertThat(WireFormat.eventSender(theirs)).isEmpty();
        assertThat(WireFormat.eventMetadata(theirs)).isEmpty();

        EncodedMessage ping = codec.encode(new Ping(7));
        CloudEvent ours = WireFormat.publishEvent(theirs.getId(), new TopicId("pings", "default"), Optional.empty(),
                ping, Map.of());
        assertThat(json(ours.getBinaryData())).isEqualTo(json(theirs.getBinaryData()));
        assertThat(ours.toBuilder().setBinaryData(theirs.getBinaryData()).build()).isEqualTo(theirs);
    }

    @Test
    void nullRepliesTravelAsPythonsNoneType() {
        EncodedMessage none = codec().encode(null);
        assertThat(none.typeName()).isEqualTo("NoneType");
        assertThat(none.data().toStringUtf8()).isEqualTo("null");
        assertThat(codec().decode(none)).isNull();
    }

    private static PayloadCodec codec() {
        SerializationRegistry registry = new SerializationRegistry();
        registry.add(JsonMessageSerializer.of(Ping.class), JsonMessageSerializer.of(Pong.class));
        return new PayloadCodec(registry, 4 * 1024 * 1024);
    }

    private static JsonNode json(ByteString data) throws IOException {
        return JSON.readTree(data.toByteArray());
    }
}
