package dev.autogen.ext.runtimes.grpc.cluster.internal;

import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ForwardControl;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ForwardEvent;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ForwardRequest;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ForwardResponse;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.NodeGone;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.RegisterType;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.Registration;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ReleaseType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/** Writes {@link ClusterMessage}s as a few length-prefixed fields; bound to them in the node's config. */
public final class ClusterMessageSerializer extends SerializerWithStringManifest {
    /** Pekko's serializer id for this one; ids up to 40 are Pekko's own. */
    public static final int ID = 741_500;

    @Override
    public int identifier() {
        return ID;
    }

    @Override
    public String manifest(Object o) {
        return switch (o) {
            case ForwardRequest m -> "Q";
            case ForwardResponse m -> "S";
            case ForwardEvent m -> "E";
            case ForwardControl m -> "C";
            case RegisterType m -> "R";
            case Registration m -> "A";
            case ReleaseType m -> "L";
            case NodeGone m -> "G";
            default -> throw new IllegalArgumentException("not a cluster message: " + o.getClass().getSimpleName());
        };
    }

    @Override
    public byte[] toBinary(Object o) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            switch (o) {
                case ForwardRequest m -> {
                    out.writeUTF(m.targetClient());
                    out.writeUTF(m.callerGateway());
                    out.writeLong(m.callId());
                    writeBytes(out, m.request());
                }
                case ForwardResponse m -> {
                    out.writeLong(m.callId());
                    writeBytes(out, m.response());
                }
                case ForwardEvent m -> {
                    out.writeInt(m.clients().size());
                    for (String client : m.clients()) {
                        out.writeUTF(client);
                    }
                    writeBytes(out, m.event());
                }
                case ForwardControl m -> {
                    out.writeUTF(m.targetClient());
                    out.writeUTF(m.originClient());
                    out.writeUTF(m.originGateway());
                    writeBytes(out, m.control());
                }
                case RegisterType m -> {
                    out.writeUTF(m.agentType());
                    out.writeUTF(m.clientId());
                    out.writeUTF(m.gateway());
                    out.writeLong(m.since());
                }
                case Registration m -> out.writeUTF(m.error());
                case ReleaseType m -> {
                    out.writeUTF(m.agentType());
                    out.writeUTF(m.clientId());
                    out.writeUTF(m.gateway());
                }
                case NodeGone m -> {
                    out.writeUTF(m.agentType());
                    out.writeUTF(m.nodeAddress());
                }
                default -> throw new IllegalArgumentException("not a cluster message: " + o.getClass().getSimpleName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return switch (manifest) {
                case "Q" -> new ForwardRequest(in.readUTF(), in.readUTF(), in.readLong(), readBytes(in));
                case "S" -> new ForwardResponse(in.readLong(), readBytes(in));
                case "E" -> {
                    int n = in.readInt();
                    List<String> clients = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        clients.add(in.readUTF());
                    }
                    yield new ForwardEvent(List.copyOf(clients), readBytes(in));
                }
                case "C" -> new ForwardControl(in.readUTF(), in.readUTF(), in.readUTF(), readBytes(in));
                case "R" -> new RegisterType(in.readUTF(), in.readUTF(), in.readUTF(), in.readLong());
                case "A" -> new Registration(in.readUTF());
                case "L" -> new ReleaseType(in.readUTF(), in.readUTF(), in.readUTF());
                case "G" -> new NodeGone(in.readUTF(), in.readUTF());
                default -> throw new NotSerializableException("unknown cluster message kind '" + manifest + "'");
            };
        } catch (IOException e) {
            throw new NotSerializableException("a cluster message of kind '" + manifest + "' is damaged: " + e.getMessage());
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] data) throws IOException {
        out.writeInt(data.length);
        out.write(data);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        return in.readNBytes(in.readInt());
    }
}
