package dev.autogen.ext.agents.video_surfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.ext.models.openai.OpenAIClient;
import dev.autogen.ext.models.replay.ScriptedChatCompletionClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real ffmpeg and ffprobe (Debian's {@code ffmpeg}, installed by scripts/install-test-deps.sh)
 * on a 3-second video the test makes (test pattern and a 440 Hz tone); transcription goes to a loopback
 * server that checks the multipart request as OpenAI's {@code /v1/audio/transcriptions} takes it, and a
 * scripted model drives the agent.
 */
class VideoSurferTest {
    private static final String TRANSCRIPT = """
            {"task": "transcribe", "language": "english", "duration": 3.0, "text": "Hello there. Goodbye.",
             "segments": [{"id": 0, "start": 0.0, "end": 1.5, "text": " Hello there."},
                          {"id": 1, "start": 1.5, "end": 3.0, "text": " Goodbye."}]}""";

    @TempDir
    static Path dir;
    static HttpServer server;
    static final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String authorization, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    @BeforeAll
    static void makeVideoAndServer() throws Exception {
        boolean present = runs("ffmpeg") && runs("ffprobe");
        String missing = "ffmpeg/ffprobe are not installed (scripts/install-test-deps.sh installs Debian's ffmpeg)";
        if (!present && "1".equals(System.getenv("AUTOGEN_TESTS_STRICT"))) {
            fail(missing + " (AUTOGEN_TESTS_STRICT=1 requires it)");
        }
        assumeTrue(present, "VideoSurfer tests skipped: " + missing);
        Process make = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=duration=3:size=160x120:rate=10",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                "-shortest", "-c:v", "mpeg4", "-c:a", "aac", dir.resolve("video.mp4").toString())
                .redirectErrorStream(true).start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(make.waitFor()).as(output).isZero();

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/audio/transcriptions", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes()));
            byte[] answer = TRANSCRIPT.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static boolean runs(String program) {
        try {
            Process p = new ProcessBuilder(program, "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static OpenAIAudioTranscriber transcriber() {
        return new OpenAIAudioTranscriber(OpenAIClient.builder().apiKey("test-key")
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1").build());
    }

    @Test
    void ffmpegMeasuresGrabsFramesAndExtractsAudio() throws Exception {
        var tools = new VideoTools(dir);
        var token = new CancellationToken();

        assertThat(tools.videoLength("video.mp4", token)).isBetween(2.9, 3.2);

        BufferedImage frame = ImageIO.read(new ByteArrayInputStream(tools.screenshotAt("video.mp4", 1.5, token)));
        assertThat(frame.getWidth()).isEqualTo(160);
        assertThat(frame.getHeight()).isEqualTo(120);

        Path jpg = tools.saveScreenshot("video.mp4", 2.0, "shots/at2.jpg", token);
        assertThat(jpg).isEqualTo(dir.resolve("shots/at2.jpg"));
        assertThat(ImageIO.read(jpg.toFile()).getWidth()).isEqualTo(160);

        Path mp3 = tools.extractAudio("video.mp4", "audio/talk.mp3", token);
        assertThat(tools.videoLength("audio/talk.mp3", token)).isBetween(2.9, 3.2);
        byte[] head = Files.readAllBytes(mp3);
        assertThat(new String(head, 0, 3, StandardCharsets.ISO_8859_1).equals("ID3")
                || ((head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)).as("MP3 header").isTrue();
    }

    @Test
    void badPathsAndTimesAreRefusedWithTheirReason() {
        var tools = new VideoTools(dir);
        var token = new CancellationToken();
        assertThatThrownBy(() -> tools.videoLength("http://example.com/v.mp4", token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("video_path must be a local file path, not a URL");
        assertThatThrownBy(() -> tools.videoLength("concat:video.mp4|video.mp4", token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a URL");
        assertThatThrownBy(() -> tools.videoLength("missing.mp4", token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("video_path 'missing.mp4' is not a readable file");
        assertThatThrownBy(() -> tools.extractAudio("video.mp4", "../escape.mp3", token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("audio_output_path must be within");
        assertThatThrownBy(() -> tools.extractAudio("video.mp4", "audio.wav", token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("audio_output_path must end with .mp3");
        assertThatThrownBy(() -> tools.screenshotAt("video.mp4", 9.0, token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Timestamp 9.00s is out of range [0s, 3.");
        assertThatThrownBy(() -> new VideoTools(dir, "no-such-ffmpeg", "no-such-ffprobe", VideoTools.DEFAULT_TIMEOUT)
                .videoLength("video.mp4", token))
                .isInstanceOf(VideoToolException.class)
                .hasMessageContaining("cannot run no-such-ffprobe")
                .hasMessageContaining("apt-get install ffmpeg");
    }

    @Test
    void transcriptionSendsTheAudioAsOpenAIMultipartAndReadsSegments() throws Exception {
        Path mp3 = new VideoTools(dir).extractAudio("video.mp4", "audio/for-transcriber.mp3", new CancellationToken());
        received.clear();

        var segments = transcriber().transcribe(mp3, new CancellationToken());

        assertThat(segments).extracting(AudioTranscriber.Segment::line)
                .containsExactly("[0.00 - 1.50]  Hello there.", "[1.50 - 3.00]  Goodbye.");
        assertThat(received).hasSize(1);
        Received request = received.getFirst();
        assertThat(request.authorization()).isEqualTo("Bearer test-key");
        assertThat(request.contentType()).startsWith("multipart/form-data; boundary=");
        String boundary = request.contentType().substring(request.contentType().indexOf("boundary=") + 9);
        String body = request.text();
        assertThat(body).startsWith("--" + boundary + "\r\n").endsWith("\r\n--" + boundary + "--\r\n")
                .contains("Content-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n")
                .contains("Content-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n")
                .contains("Content-Disposition: form-data; name=\"response_format\"\r\n\r\nverbose_json\r\n")
                .contains("Content-Disposition: form-data; name=\"timestamp_granularities[]\"\r\n\r\nsegment\r\n")
                .contains("Content-Disposition: form-data; name=\"file\"; filename=\"for-transcriber.mp3\"\r\n"
                        + "Content-Type: audio/mpeg\r\n\r\n"
                        + new String(Files.readAllBytes(mp3), StandardCharsets.ISO_8859_1) + "\r\n--" + boundary + "--");
    }

    @Test
    void aScriptedModelDrivesTheAgentThroughTheVideoTools() throws Exception {
        AtomicInteger turns = new AtomicInteger();
        var model = new ScriptedChatCompletionClient(ModelInfo.allCapabilities("unknown"), request -> {
            if (hasImage(request)) {
                return "A test pattern of colour bars with a moving frame counter.";
            }
            return switch (turns.incrementAndGet()) {
                case 1 -> calls(
                        new FunctionCall("1", "{\"video_path\": \"video.mp4\"}", "get_video_length"),
                        new FunctionCall("2", "{\"video_path\": \"video.mp4\", \"audio_output_path\": \"work/talk.mp3\"}",
                                "extract_audio"),
                        new FunctionCall("3", "{\"video_path\": \"video.mp4\", \"timestamp\": 1.5}",
                                "transcribe_video_screenshot"));
                case 2 -> calls(
                        new FunctionCall("4", "{\"audio_path\": \"work/talk.mp3\"}", "transcribe_audio_with_timestamps"),
                        new FunctionCall("5", "{\"video_path\": \"video.mp4\", \"timestamps\": [0.5, 2.5]}",
                                "get_screenshot_at"));
                default -> "It is a 3-second test pattern that says hello. TERMINATE";
            };
        });
        received.clear();
        var surfer = VideoSurfer.builder("VideoSurfer", model, transcriber()).baseDir(dir).build();

        Map<String, String> first = results(surfer.run("What is in video.mp4?"));
        assertThat(first.get("get_video_length")).matches("The video is 3\\.\\d\\d seconds long\\.");
        assertThat(first.get("extract_audio")).isEqualTo("Audio extracted and saved to " + dir.resolve("work/talk.mp3") + ".");
        assertThat(first.get("transcribe_video_screenshot")).isEqualTo(
                "A test pattern of colour bars with a moving frame counter.");

        Map<String, String> second = results(surfer.run("Go on."));
        assertThat(second.get("transcribe_audio_with_timestamps"))
                .isEqualTo("[0.00 - 1.50]  Hello there.\n[1.50 - 3.00]  Goodbye.\n");
        assertThat(second.get("get_screenshot_at")).isEqualTo("0.50s: " + dir.resolve("screenshots/video_0.50.png")
                + "\n2.50s: " + dir.resolve("screenshots/video_2.50.png"));
        assertThat(dir.resolve("screenshots/video_2.50.png")).isRegularFile();
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().text()).contains("filename=\"talk.mp3\"");

        CreateRequest describe = model.requests().stream().filter(VideoSurferTest::hasImage).findFirst().orElseThrow();
        UserContent.Multi parts = (UserContent.Multi) ((UserMessage) describe.messages().getFirst()).content();
        assertThat(parts.parts().getFirst()).isEqualTo(
                "Following is a screenshot from the video at 1.50 seconds. Describe what you see here.");
        Image image = (Image) parts.parts().get(1);
        assertThat(ImageIO.read(new ByteArrayInputStream(image.data())).getWidth()).isEqualTo(160);
        assertThat(model.requests().getFirst().messages().getFirst().toString()).contains("expert at answering questions"
                + " from a video");
    }

    private static boolean hasImage(CreateRequest request) {
        return request.messages().stream().anyMatch(m -> m instanceof UserMessage u
                && u.content() instanceof UserContent.Multi multi && multi.parts().stream().anyMatch(Image.class::isInstance));
    }

    private static CreateResult calls(FunctionCall... calls) {
        return CreateResult.ofCalls(List.of(calls), dev.autogen.core.models.RequestUsage.ZERO);
    }

    private static Map<String, String> results(TaskResult result) {
        return result.messages().stream().filter(ToolCallExecutionEvent.class::isInstance)
                .flatMap(m -> ((ToolCallExecutionEvent) m).content().stream())
                .collect(Collectors.toMap(r -> r.name(), r -> r.content()));
    }
}
