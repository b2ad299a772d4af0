package dev.autogen.ext.runtimes.grpc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A protobuf encoder written from the encoding spec alone (tags, varints, length-delimited fields),
 * independent of protobuf-java: the wire tests build the bytes the .proto definitions imply with it
 * and compare them with what the generated classes write.
 */
final class ProtoBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static ProtoBytes message() {
        return new ProtoBytes();
    }

    /** A string field (wire type 2); proto3 leaves empty strings out. */
    ProtoBytes string(int field, String value) {
        return value.isEmpty() ? this : bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A bytes field or an embedded message (wire type 2), written even when empty. */
    ProtoBytes bytes(int field, byte[] value) {
        varint((field << 3) | 2);
        varint(value.length);
        out.writeBytes(value);
        return this;
    }

    ProtoBytes message(int field, ProtoBytes nested) {
        return bytes(field, nested.toByteArray());
    }

    /** A {@code map<string, V>} entry: a message with the key as field 1 and the value as field 2. */
    ProtoBytes mapEntry(int field, String key, ProtoBytes value) {
        return message(field, message().string(1, key).message(2, value));
    }

    ProtoBytes mapEntry(int field, String key, String value) {
        return message(field, message().string(1, key).string(2, value));
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void varint(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
