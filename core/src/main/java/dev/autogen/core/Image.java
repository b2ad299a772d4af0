package dev.autogen.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image that can be sent to a model: its encoded bytes (PNG, JPEG, GIF or WebP) and their MIME
 * type. Immutable.
 *
 * <p>JSON form, as Python AutoGen writes an {@code Image}: {@code {"data": "<base64>"}}. Reading
 * detects the format from the bytes. Python re-encodes every image to PNG; this class keeps the
 * original encoding, which every reader (including Python's) accepts.
 *
 * <!-- java-context: import dev.autogen.core.models.UserMessage; -->
 * <pre>{@code
 * Image img = Image.fromFile(Path.of("chart.png"));
 * var message = UserMessage.of("user", "What does this chart show?", img);
 * Map<String, Object> part = img.toOpenAIFormat("high");
 * }</pre>
 */
public final class Image {
    private static final Pattern DATA_URI = Pattern.compile("data:(image/[\\w.+-]+);base64,(.*)", Pattern.DOTALL);

    private final byte[] data;
    private final String mimeType;

    private Image(byte[] data, String mimeType) {
        this.data = data;
        this.mimeType = mimeType;
    }

    /**
     * An image from encoded bytes, whose format is detected from the bytes.
     *
     * @throws IllegalArgumentException if the bytes are not PNG, JPEG, GIF or WebP
     */
    public static Image fromBytes(byte[] data) {
        Objects.requireNonNull(data, "data");
        byte[] copy = data.clone();
        return new Image(copy, detectMimeType(copy));
    }

    /**
     * An image from encoded bytes with a known MIME type such as {@code image/png}.
     *
     * @throws IllegalArgumentException if the MIME type does not start with {@code image/}
     */
    public static Image fromBytes(byte[] data, String mimeType) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mimeType, "mimeType");
        if (!mimeType.startsWith("image/")) {
            throw new IllegalArgumentException("not an image MIME type: '" + mimeType + "'; expected image/...");
        }
        return new Image(data.clone(), mimeType);
    }

    /**
     * Reads an image file.
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if the file is not a PNG, JPEG, GIF or WebP image
     */
    public static Image fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image file " + file, e);
        }
        try {
            return new Image(bytes, detectMimeType(bytes));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * An image from base64 text (without a {@code data:} prefix).
     *
     * @throws IllegalArgumentException if the text is not base64 or not an image
     */
    public static Image fromBase64(String base64) {
        Objects.requireNonNull(base64, "base64");
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid base64 image data: " + e.getMessage(), e);
        }
        return new Image(bytes, detectMimeType(bytes));
    }

    /**
     * An image from a base64 data URI such as {@code data:image/png;base64,iVBORw0...}.
     *
     * @throws IllegalArgumentException if the URI is not a base64 image data URI
     */
    public static Image fromUri(String uri) {
        Objects.requireNonNull(uri, "uri");
        var m = DATA_URI.matcher(uri);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "invalid URI format: expected a base64 image data URI like 'data:image/png;base64,...'");
        }
        Image decoded = fromBase64(m.group(2));
        return new Image(decoded.data, m.group(1));
    }

    /** The encoded bytes (a copy). */
    public byte[] data() {
        return data.clone();
    }

    /** The MIME type, e.g. {@code image/png}. */
    public String mimeType() {
        return mimeType;
    }

    /** The encoded bytes as base64 text. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(data);
    }

    /** The image as a data URI: {@code data:<mime>;base64,<data>}. */
    public String toDataUri() {
        return "data:" + mimeType + ";base64," + toBase64();
    }

    /**
     * The image as an OpenAI chat content part:
     * {@code {"type": "image_url", "image_url": {"url": <data uri>, "detail": <detail>}}}.
     *
     * @param detail {@code auto}, {@code high} or {@code low}
     * @throws IllegalArgumentException for any other detail
     */
    public Map<String, Object> toOpenAIFormat(String detail) {
        if (!detail.equals("auto") && !detail.equals("high") && !detail.equals("low")) {
            throw new IllegalArgumentException("invalid image detail '" + detail + "': use auto, high or low");
        }
        return Map.of("type", "image_url", "image_url", Map.of("url", toDataUri(), "detail", detail));
    }

    /** {@link #toOpenAIFormat(String)} with detail {@code auto}. */
    public Map<String, Object> toOpenAIFormat() {
        return toOpenAIFormat("auto");
    }

    @JsonValue
    Map<String, String> toJson() {
        return Map.of("data", toBase64());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Image fromJson(Map<String, Object> json) {
        if (!(json.get("data") instanceof String base64)) {
            throw new IllegalArgumentException("expected an image object {\"data\": \"<base64>\"}, got keys " + json.keySet());
        }
        return fromBase64(base64);
    }

    private static String detectMimeType(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (b.length >= 12 && startsWith(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        throw new IllegalArgumentException("unrecognised image format: expected PNG, JPEG, GIF or WebP bytes");
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && mimeType.equals(other.mimeType) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * mimeType.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Image[" + mimeType + ", " + data.length + " bytes]";
    }
}
