package dev.autogen.ext.runtimes.grpc;

import com.google.protobuf.TextFormat;
import dev.autogen.ext.runtimes.grpc.internal.proto.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gRPC messages two Python AutoGen 0.7.5 workers exchanged through Python's host
 * ({@code fixtures/autogen-python/grpc/python-worker-wire-dump.txt}, in protobuf text format), parsed
 * with the generated classes.
 */
record PythonWireDump(List<Entry> entries) {
    static final Path FILE = Path.of("src/test/resources/fixtures/autogen-python/grpc/python-worker-wire-dump.txt");
    private static final Pattern HEADER = Pattern.compile("^--- worker (\\w+) (SENDS|RECEIVES) \\((\\w+)\\):$");

    /** One message: which worker, whether it sent or received it, and the message. */
    record Entry(String worker, boolean sent, String kind, Message message) {
    }

    static PythonWireDump load() throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(FILE);
        for (int i = 0; i < lines.size(); i++) {
            Matcher header = HEADER.matcher(lines.get(i));
            if (!header.matches()) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).isBlank(); i++) {
                text.append(lines.get(i)).append('\n');
            }
            Message.Builder message = Message.newBuilder();
            TextFormat.merge(text, message);
            entries.add(new Entry(header.group(1), header.group(2).equals("SENDS"), header.group(3), message.build()));
        }
        return new PythonWireDump(List.copyOf(entries));
    }

    Message first(String kind, boolean sent) {
        return entries.stream().filter(e -> e.kind.equals(kind) && e.sent == sent).findFirst().orElseThrow().message;
    }
}
