package dev.autogen.ext.agents.video_surfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.ext.models.openai.OpenAIClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Transcribes audio with an OpenAI-compatible {@code POST /audio/transcriptions} endpoint, asking for
 * {@code verbose_json} with segment time stamps. The request goes through {@link OpenAIClient}, so it
 * has the model clients' retries, time-outs, cancellation and error messages, and any server that speaks
 * the API works (OpenAI, Azure OpenAI, a local whisper.cpp or faster-whisper server at {@code baseUrl}).
 *
 * <!-- java-context: import dev.autogen.ext.models.openai.OpenAIClient; -->
 * <pre>{@code
 * var transcriber = new OpenAIAudioTranscriber(OpenAIClient.builder().build(), "whisper-1", "en");  // OPENAI_API_KEY
 * var local = new OpenAIAudioTranscriber(OpenAIClient.builder().baseUrl("http://localhost:8080/v1").build(),
 *         "whisper-1", null);
 * }</pre>
 */
public final class OpenAIAudioTranscriber implements AudioTranscriber {
    /** OpenAI's Whisper model, the default. */
    public static final String DEFAULT_MODEL = "whisper-1";

    private final OpenAIClient client;
    private final String model;
    private final @Nullable String language;

    /** A transcriber with {@link #DEFAULT_MODEL} for English, as Python's tool transcribes. */
    public OpenAIAudioTranscriber(OpenAIClient client) {
        this(client, DEFAULT_MODEL, "en");
    }

    /** A transcriber with {@code model}; {@code language} (ISO-639-1) null to let the server detect it. */
    public OpenAIAudioTranscriber(OpenAIClient client, String model, @Nullable String language) {
        this.client = Objects.requireNonNull(client, "client");
        this.model = Objects.requireNonNull(model, "model");
        this.language = language;
    }

    /**
     * Sends {@code audio} and reads the segments of the answer (one segment of the whole text if the
     * server gives none).
     *
     * @throws dev.autogen.ext.models.openai.OpenAIApiException for an error answer, with the server's message
     */
    @Override
    public List<Segment> transcribe(Path audio, CancellationToken token) {
        byte[] content;
        try {
            content = Files.readAllBytes(audio);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read audio file '" + audio + "'", e);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("model", model);
        if (language != null) {
            fields.put("language", language);
        }
        fields.put("response_format", "verbose_json");
        fields.put("timestamp_granularities[]", "segment");
        JsonNode answer = client.postMultipart("/audio/transcriptions", fields, "file", audio.getFileName().toString(),
                mediaType(audio), content, token);
        List<Segment> segments = new ArrayList<>();
        for (JsonNode segment : answer.path("segments")) {
            segments.add(new Segment(segment.path("start").asDouble(), segment.path("end").asDouble(),
                    segment.path("text").asText("")));
        }
        if (segments.isEmpty() && answer.hasNonNull("text")) {
            segments.add(new Segment(0, answer.path("duration").asDouble(0), answer.path("text").asText()));
        }
        return segments;
    }

    private static String mediaType(Path audio) {
        String name = audio.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp3")) {
            return "audio/mpeg";
        }
        if (name.endsWith(".wav")) {
            return "audio/wav";
        }
        return "application/octet-stream";
    }
}
