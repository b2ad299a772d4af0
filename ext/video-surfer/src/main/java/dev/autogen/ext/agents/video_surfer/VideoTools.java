package dev.autogen.ext.agents.video_surfer;

import dev.autogen.core.CancellationToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The video work of a {@link VideoSurfer}, done by running Debian's (or any) {@code ffmpeg} and
 * {@code ffprobe} as processes: a video's length, a frame at a time stamp as PNG, a frame saved to a
 * file, the audio track as MP3. Paths are read relative to a base directory; files are written only
 * inside it, and a video path that is a URL (or another ffmpeg protocol) is refused, as Python refuses
 * it, so that a model cannot make ffmpeg fetch from the network or write elsewhere.
 *
 * <!-- java-context: import dev.autogen.core.CancellationToken; import java.nio.file.Path; -->
 * <pre>{@code
 * var tools = new VideoTools(Path.of("videos"));
 * double seconds = tools.videoLength("talk.mp4", new CancellationToken());
 * byte[] png = tools.screenshotAt("talk.mp4", 12.5, new CancellationToken());
 * }</pre>
 */
public final class VideoTools {
    /** How long one ffmpeg or ffprobe run may take before it is stopped. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+\\-.]*:.*");

    private final Path baseDir;
    private final String ffmpeg;
    private final String ffprobe;
    private final Duration timeout;

    /** Tools reading and writing under {@code baseDir}, running {@code ffmpeg} and {@code ffprobe} from the PATH. */
    public VideoTools(Path baseDir) {
        this(baseDir, "ffmpeg", "ffprobe", DEFAULT_TIMEOUT);
    }

    /** Tools with the given programs (names on the PATH or paths) and time limit per run. */
    public VideoTools(Path baseDir, String ffmpeg, String ffprobe, Duration timeout) {
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir").toAbsolutePath().normalize();
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
        this.ffprobe = Objects.requireNonNull(ffprobe, "ffprobe");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The directory paths are resolved against and files are written into. */
    public Path baseDir() {
        return baseDir;
    }

    /**
     * The video's duration in seconds, as ffprobe reads it from the container.
     *
     * @throws IllegalArgumentException if the path is a URL or not a readable file
     * @throws VideoToolException if ffprobe fails or reports no duration
     */
    public double videoLength(String videoPath, CancellationToken token) {
        Path video = input(videoPath, "video_path");
        String out = new String(run(List.of(ffprobe, "-v", "error", "-show_entries", "format=duration", "-of",
                "default=noprint_wrappers=1:nokey=1", video.toString()), token), StandardCharsets.UTF_8).strip();
        try {
            return Double.parseDouble(out);
        } catch (NumberFormatException e) {
            throw new VideoToolException("ffprobe reported no duration for '" + videoPath + "' (got '" + out
                    + "'): is it a video file?");
        }
    }

    /**
     * The frame shown at {@code timestamp} seconds, as PNG bytes.
     *
     * @throws IllegalArgumentException if the time stamp is outside the video, or the path is bad
     * @throws VideoToolException if ffmpeg fails
     */
    public byte[] screenshotAt(String videoPath, double timestamp, CancellationToken token) {
        Path video = input(videoPath, "video_path");
        checkTimestamp(videoPath, timestamp, token);
        byte[] png = run(List.of(ffmpeg, "-nostdin", "-v", "error", "-ss", seconds(timestamp), "-i", video.toString(),
                "-frames:v", "1", "-f", "image2pipe", "-c:v", "png", "-"), token);
        if (png.length == 0) {
            throw new VideoToolException(String.format(Locale.ROOT, "Failed to capture frame at %.2fs of '%s'",
                    timestamp, videoPath));
        }
        return png;
    }

    /**
     * Saves the frame at {@code timestamp} seconds to {@code outputPath} (inside the base directory), in
     * the format its extension names: {@code .png}, {@code .jpg} or {@code .jpeg}.
     *
     * @return the file written
     */
    public Path saveScreenshot(String videoPath, double timestamp, String outputPath, CancellationToken token) {
        Path video = input(videoPath, "video_path");
        Path output = output(outputPath, List.of(".png", ".jpg", ".jpeg"), "output_path");
        checkTimestamp(videoPath, timestamp, token);
        run(List.of(ffmpeg, "-nostdin", "-v", "error", "-y", "-ss", seconds(timestamp), "-i", video.toString(),
                "-frames:v", "1", "-update", "1", output.toString()), token);
        if (!Files.isRegularFile(output)) {
            throw new VideoToolException("ffmpeg wrote no screenshot to '" + outputPath + "'");
        }
        return output;
    }

    /**
     * Writes the video's audio track to {@code audioOutputPath} (inside the base directory, ending in
     * {@code .mp3}) as MP3.
     *
     * @return the file written
     */
    public Path extractAudio(String videoPath, String audioOutputPath, CancellationToken token) {
        Path video = input(videoPath, "video_path");
        Path output = output(audioOutputPath, List.of(".mp3"), "audio_output_path");
        run(List.of(ffmpeg, "-nostdin", "-v", "error", "-y", "-i", video.toString(), "-vn", "-f", "mp3",
                output.toString()), token);
        return output;
    }

    /**
     * The readable local file {@code path} names, relative to the base directory (a video may be read
     * from anywhere, as in Python), but never a URL or an ffmpeg protocol such as {@code concat:} or {@code pipe:}.
     */
    Path input(String path, String field) {
        if (URL.matcher(path).matches() && !Path.of(path).isAbsolute()) {
            throw new IllegalArgumentException(field + " must be a local file path, not a URL: '" + path + "'");
        }
        Path file = baseDir.resolve(path).normalize();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(field + " '" + path + "' is not a readable file (looked for " + file
                    + ")");
        }
        return file;
    }

    Path output(String path, List<String> extensions, String field) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (extensions.stream().noneMatch(lower::endsWith)) {
            throw new IllegalArgumentException(field + " must end with " + String.join(" or ", extensions) + ", got '"
                    + path + "'");
        }
        Path file = baseDir.resolve(path).normalize();
        if (!file.startsWith(baseDir)) {
            throw new IllegalArgumentException(field + " must be within " + baseDir + ", got '" + path + "'");
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + field + " '" + path + "'", e);
        }
        return file;
    }

    private void checkTimestamp(String videoPath, double timestamp, CancellationToken token) {
        double duration = videoLength(videoPath, token);
        if (!(timestamp >= 0 && timestamp <= duration)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Timestamp %.2fs is out of range [0s, %.2fs] of '%s'", timestamp, duration, videoPath));
        }
    }

    private static String seconds(double timestamp) {
        return String.format(Locale.ROOT, "%.3f", timestamp);
    }

    /** Runs {@code command}, returning its standard output; its standard error goes into the failure message. */
    private byte[] run(List<String> command, CancellationToken token) {
        token.throwIfCancelled();
        Process process;
        try {
            process = new ProcessBuilder(new ArrayList<>(command)).directory(baseDir.toFile()).start();
        } catch (IOException e) {
            throw new VideoToolException("cannot run " + command.getFirst() + ": " + e.getMessage()
                    + "; install ffmpeg (Debian: apt-get install ffmpeg) or give its path to VideoTools", e);
        }
        var cancel = token.onCancel(process::destroyForcibly);
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()),
                    Thread::startVirtualThread);
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                    Thread::startVirtualThread);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new VideoToolException(command.getFirst() + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (token.isCancelled()) {
                throw new CancellationException(command.getFirst() + " was cancelled");
            }
            if (process.exitValue() != 0) {
                String error = new String(stderr.join(), StandardCharsets.UTF_8).strip();
                throw new VideoToolException(command.getFirst() + " failed (exit " + process.exitValue() + "): "
                        + (error.isEmpty() ? "no message" : error));
            }
            return stdout.join();
        } catch (IOException e) {
            throw new VideoToolException("cannot talk to " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while " + command.getFirst() + " ran");
        } finally {
            cancel.close();
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
