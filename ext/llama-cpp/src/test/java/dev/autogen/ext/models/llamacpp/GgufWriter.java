package dev.autogen.ext.models.llamacpp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a GGUF v3 file (the format llama.cpp loads): header, key/value metadata, tensor infos, then the
 * tensor data aligned to 32 bytes. Only what a tiny test model needs: scalar, string and array values,
 * F32 tensors.
 */
final class GgufWriter {
    private static final int ALIGNMENT = 32;
    private static final int TYPE_UINT32 = 4;
    private static final int TYPE_INT32 = 5;
    private static final int TYPE_FLOAT32 = 6;
    private static final int TYPE_BOOL = 7;
    private static final int TYPE_STRING = 8;
    private static final int TYPE_ARRAY = 9;
    private static final int GGML_TYPE_F32 = 0;

    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final List<Tensor> tensors = new ArrayList<>();

    /** A tensor: {@code shape} lists llama.cpp's ne[0] (the fastest-varying dimension) first. */
    record Tensor(String name, long[] shape, float[] data) {
        Tensor {
            long count = 1;
            for (long d : shape) {
                count *= d;
            }
            if (count != data.length) {
                throw new IllegalArgumentException(name + ": shape holds " + count + " values, data " + data.length);
            }
        }
    }

    GgufWriter put(String key, Object value) {
        metadata.put(key, value);
        return this;
    }

    GgufWriter tensor(String name, float[] data, long... shape) {
        tensors.add(new Tensor(name, shape, data));
        return this;
    }

    void write(Path file) throws IOException {
        Out out = new Out();
        out.u32(0x46554747); // "GGUF"
        out.u32(3);
        out.u64(tensors.size());
        out.u64(metadata.size());
        for (var entry : metadata.entrySet()) {
            out.string(entry.getKey());
            value(out, entry.getValue(), true);
        }
        long offset = 0;
        for (Tensor t : tensors) {
            out.string(t.name());
            out.u32(t.shape().length);
            for (long d : t.shape()) {
                out.u64(d);
            }
            out.u32(GGML_TYPE_F32);
            out.u64(offset);
            offset = align(offset + 4L * t.data().length);
        }
        out.pad();
        for (Tensor t : tensors) {
            for (float f : t.data()) {
                out.f32(f);
            }
            out.pad();
        }
        try (OutputStream stream = Files.newOutputStream(file)) {
            stream.write(out.buffer.array(), 0, out.buffer.position());
        }
    }

    private static void value(Out out, Object value, boolean withType) {
        switch (value) {
            case String s -> {
                if (withType) {
                    out.u32(TYPE_STRING);
                }
                out.string(s);
            }
            case Integer i -> {
                if (withType) {
                    out.u32(TYPE_UINT32);
                }
                out.u32(i);
            }
            case Float f -> {
                if (withType) {
                    out.u32(TYPE_FLOAT32);
                }
                out.f32(f);
            }
            case Boolean b -> {
                if (withType) {
                    out.u32(TYPE_BOOL);
                }
                out.buffer().put((byte) (b ? 1 : 0));
            }
            case List<?> list -> {
                out.u32(TYPE_ARRAY);
                Object first = list.isEmpty() ? "" : list.getFirst();
                out.u32(switch (first) {
                    case String s -> TYPE_STRING;
                    case Integer i -> TYPE_INT32;
                    case Float f -> TYPE_FLOAT32;
                    default -> throw new IllegalArgumentException("unsupported array element " + first);
                });
                out.u64(list.size());
                for (Object element : list) {
                    value(out, element, false);
                }
            }
            default -> throw new IllegalArgumentException("unsupported GGUF value " + value);
        }
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** A growing little-endian buffer. */
    private static final class Out {
        private ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        ByteBuffer buffer() {
            if (buffer.remaining() < 16) {
                ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2).order(ByteOrder.LITTLE_ENDIAN);
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
            return buffer;
        }

        void u32(int v) {
            buffer().putInt(v);
        }

        void u64(long v) {
            buffer().putLong(v);
        }

        void f32(float v) {
            buffer().putFloat(v);
        }

        void string(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            u64(bytes.length);
            for (byte b : bytes) {
                buffer().put(b);
            }
        }

        void pad() {
            while (buffer().position() % ALIGNMENT != 0) {
                buffer().put((byte) 0);
            }
        }
    }
}
