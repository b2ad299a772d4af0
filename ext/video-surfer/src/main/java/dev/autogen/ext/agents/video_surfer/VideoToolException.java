package dev.autogen.ext.agents.video_surfer;

/** ffmpeg or ffprobe could not be run, or failed; the message carries their own error. */
public final class VideoToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with its message. */
    public VideoToolException(String message) {
        super(message);
    }

    /** An error with its message and cause. */
    public VideoToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
