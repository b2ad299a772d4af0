package dev.autogen.ext.agents.video_surfer;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.Image;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.tools.FunctionTool;
import dev.autogen.core.tools.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An agent that answers questions about a local video (Python's
 * {@code autogen_ext.agents.video_surfer.VideoSurfer}): an {@link AssistantAgent} whose tools, named as
 * Python's, measure the video, extract and transcribe its audio, and grab or describe its frames.
 *
 * <ul>
 *   <li>{@code get_video_length(video_path)}</li>
 *   <li>{@code get_screenshot_at(video_path, timestamps)}: saves the frames as PNG files and names them</li>
 *   <li>{@code save_screenshot(video_path, timestamp, output_path)}</li>
 *   <li>{@code transcribe_video_screenshot(video_path, timestamp)}: the agent's own (multimodal) model
 *       describes the frame</li>
 *   <li>{@code extract_audio(video_path, audio_output_path)}: MP3, inside the base directory</li>
 *   <li>{@code transcribe_audio_with_timestamps(audio_path)}: lines {@code [start - end] text} from the
 *       {@link AudioTranscriber}</li>
 * </ul>
 *
 * <p>ffmpeg and ffprobe do the video work ({@link VideoTools}); transcription goes to an
 * OpenAI-compatible endpoint where Python runs Whisper locally.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient; import java.nio.file.Path;
 *      import dev.autogen.ext.models.openai.OpenAIClient; ChatCompletionClient model; -->
 * <pre>{@code
 * var surfer = VideoSurfer.builder("VideoSurfer", model,
 *                 new OpenAIAudioTranscriber(OpenAIClient.builder().build()))
 *         .baseDir(Path.of("videos"))
 *         .build();
 * surfer.run("How does the speaker define complex tasks in talk.mp4?");
 * }</pre>
 */
public class VideoSurfer extends AssistantAgent {
    /** The description the team sees unless another is given (Python's). */
    public static final String DEFAULT_DESCRIPTION = "An agent that can answer questions about a local video.";
    /** The system message unless another is given (Python's). */
    public static final String DEFAULT_SYSTEM_MESSAGE = """
            You are a helpful agent that is an expert at answering questions from a video.
            When asked to answer a question about a video, you should:
            1. Check if that video is available locally.
            2. Use the transcription to find which part of the video the question is referring to.
            3. Optionally use screenshots from those timestamps
            4. Provide a detailed answer to the question.
            Reply with TERMINATE when the task has been completed.""";

    private final VideoTools videoTools;

    /** A video surfer from {@code builder}. */
    protected VideoSurfer(Builder builder) {
        super(AssistantAgent.builder(builder.name, builder.modelClient)
                .description(builder.description)
                .systemMessage(builder.systemMessage)
                .tools(builder.tools != null ? builder.tools
                        : defaultTools(builder.videoTools(), builder.transcriber, builder.modelClient)));
        this.videoTools = builder.videoTools();
    }

    /** Starts building a video surfer named {@code name} with {@code modelClient} and {@code transcriber}. */
    public static Builder builder(String name, ChatCompletionClient modelClient, AudioTranscriber transcriber) {
        return new Builder(name, modelClient, transcriber);
    }

    /** The ffmpeg tools this agent's tools use. */
    public VideoTools videoTools() {
        return videoTools;
    }

    record VideoPath(String videoPath) {
    }

    record Screenshots(String videoPath, List<Double> timestamps) {
    }

    record SaveScreenshot(String videoPath, double timestamp, String outputPath) {
    }

    record Frame(String videoPath, double timestamp) {
    }

    record ExtractAudio(String videoPath, String audioOutputPath) {
    }

    record AudioPath(String audioPath) {
    }

    /** Python's six tools, on {@code tools}, {@code transcriber} and {@code model}. */
    public static List<Tool> defaultTools(VideoTools tools, AudioTranscriber transcriber, ChatCompletionClient model) {
        return List.of(
                FunctionTool.of("get_video_length", "Returns the length of the video in seconds.", VideoPath.class,
                        (VideoPath a, CancellationToken t) -> String.format(Locale.ROOT, "The video is %.2f seconds long.",
                                tools.videoLength(a.videoPath(), t))),
                FunctionTool.of("get_screenshot_at", "Captures screenshots at the specified timestamps (seconds) and"
                        + " saves them as PNG files, returning their paths.", Screenshots.class,
                        (Screenshots a, CancellationToken t) -> screenshots(tools, a, t)),
                FunctionTool.of("save_screenshot", "Captures a screenshot at the specified timestamp (seconds) and"
                        + " saves it to the output path (.png or .jpg).", SaveScreenshot.class,
                        (SaveScreenshot a, CancellationToken t) -> String.format(Locale.ROOT,
                                "Screenshot at %.2fs saved to %s.", a.timestamp(),
                                tools.saveScreenshot(a.videoPath(), a.timestamp(), a.outputPath(), t))),
                FunctionTool.of("transcribe_video_screenshot", "Transcribes the video screenshot at a specific"
                        + " timestamp: describes what is seen in the frame.", Frame.class,
                        (Frame a, CancellationToken t) -> describeFrame(tools, model, a, t)),
                FunctionTool.of("extract_audio", "Extracts audio from a video file and saves it as an MP3 file"
                        + " (audio_output_path must end with .mp3).", ExtractAudio.class,
                        (ExtractAudio a, CancellationToken t) -> "Audio extracted and saved to "
                                + tools.extractAudio(a.videoPath(), a.audioOutputPath(), t) + "."),
                FunctionTool.of("transcribe_audio_with_timestamps", "Transcribes the audio file with timestamps.",
                        AudioPath.class,
                        (AudioPath a, CancellationToken t) -> transcriber.transcribe(
                                tools.input(a.audioPath(), "audio_path"), t).stream()
                                .map(s -> s.line() + "\n").collect(Collectors.joining())));
    }

    private static String screenshots(VideoTools tools, Screenshots args, CancellationToken token) {
        if (args.timestamps() == null || args.timestamps().isEmpty()) {
            throw new IllegalArgumentException("timestamps must list at least one time in seconds");
        }
        String stem = Path.of(args.videoPath()).getFileName().toString().replaceAll("\\.[^.]*$", "");
        List<String> lines = new ArrayList<>();
        for (double timestamp : args.timestamps()) {
            String name = String.format(Locale.ROOT, "screenshots/%s_%.2f.png", stem, timestamp);
            lines.add(String.format(Locale.ROOT, "%.2fs: %s", timestamp,
                    tools.saveScreenshot(args.videoPath(), timestamp, name, token)));
        }
        return String.join("\n", lines);
    }

    private static String describeFrame(VideoTools tools, ChatCompletionClient model, Frame args, CancellationToken token) {
        byte[] png = tools.screenshotAt(args.videoPath(), args.timestamp(), token);
        var message = new UserMessage(new UserContent.Multi(List.of(String.format(Locale.ROOT,
                "Following is a screenshot from the video at %.2f seconds. Describe what you see here.",
                args.timestamp()), Image.fromBytes(png, "image/png"))), "tool");
        CreateResult result = model.create(CreateRequest.builder(List.of(message)).cancellationToken(token).build());
        return result.content() instanceof ModelContent.Text text ? text.text() : result.content().toString();
    }

    /** Builds a {@link VideoSurfer}; every setting but the name, model and transcriber is optional. */
    public static final class Builder {
        private final String name;
        private final ChatCompletionClient modelClient;
        private final AudioTranscriber transcriber;
        private String description = DEFAULT_DESCRIPTION;
        private String systemMessage = DEFAULT_SYSTEM_MESSAGE;
        private Path baseDir = Path.of("");
        private @Nullable VideoTools videoTools;
        private @Nullable List<Tool> tools;

        private Builder(String name, ChatCompletionClient modelClient, AudioTranscriber transcriber) {
            this.name = Objects.requireNonNull(name, "name");
            this.modelClient = Objects.requireNonNull(modelClient, "modelClient");
            this.transcriber = Objects.requireNonNull(transcriber, "transcriber");
        }

        /** The description the team sees. */
        public Builder description(String value) {
            this.description = Objects.requireNonNull(value, "description");
            return this;
        }

        /** The system message. */
        public Builder systemMessage(String value) {
            this.systemMessage = Objects.requireNonNull(value, "systemMessage");
            return this;
        }

        /** Where relative paths are read and every file is written (default: the working directory). */
        public Builder baseDir(Path value) {
            this.baseDir = Objects.requireNonNull(value, "baseDir");
            return this;
        }

        /** The ffmpeg tools, e.g. with other programs or another time limit (overrides {@link #baseDir}). */
        public Builder videoTools(VideoTools value) {
            this.videoTools = Objects.requireNonNull(value, "videoTools");
            return this;
        }

        /** Tools replacing the default six (Python's {@code tools} argument); see {@link #defaultTools}. */
        public Builder tools(List<? extends Tool> value) {
            this.tools = List.copyOf(value);
            return this;
        }

        private VideoTools videoTools() {
            if (videoTools == null) {
                videoTools = new VideoTools(baseDir);
            }
            return videoTools;
        }

        /** Builds the agent. */
        public VideoSurfer build() {
            return new VideoSurfer(this);
        }
    }
}
