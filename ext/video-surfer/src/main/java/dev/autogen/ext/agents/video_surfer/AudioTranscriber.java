package dev.autogen.ext.agents.video_surfer;

import dev.autogen.core.CancellationToken;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Turns speech in an audio file into text with time stamps: the part Python's VideoSurfer gives to a
 * local Whisper model. {@link OpenAIAudioTranscriber} sends the file to an OpenAI-compatible
 * {@code /audio/transcriptions} endpoint (OpenAI, Azure, a local whisper.cpp or faster-whisper server).
 */
@FunctionalInterface
public interface AudioTranscriber {
    /** The segments of speech in {@code audio}, in order. */
    List<Segment> transcribe(Path audio, CancellationToken token);

    /**
     * One stretch of speech.
     *
     * @param start seconds from the start of the audio
     * @param end seconds from the start of the audio
     * @param text what was said
     */
    record Segment(double start, double end, String text) {
        /** The line Python's tool writes: {@code [1.00 - 2.50] text}. */
        public String line() {
            return String.format(Locale.ROOT, "[%.2f - %.2f] %s", start, end, text);
        }
    }
}
