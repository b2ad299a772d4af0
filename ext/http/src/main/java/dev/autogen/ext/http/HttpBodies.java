package dev.autogen.ext.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small helpers for response bodies: reading the start of an error body, closing an abandoned one. */
public final class HttpBodies {
    private static final Logger LOG = LoggerFactory.getLogger(HttpBodies.class);

    private HttpBodies() {
    }

    /**
     * The first {@code maxBytes} of {@code body} as UTF-8 text, closing it; an empty string when it
     * cannot be read (an error body is only there to explain a failure that is reported anyway).
     */
    public static String readPrefix(InputStream body, int maxBytes) {
        try (body) {
            return new String(body.readNBytes(maxBytes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Closes {@code body}, ignoring a failure: used when a cancellation abandons a response whose
     * reader then fails with the cancellation.
     */
    public static void closeQuietly(Closeable body) {
        try {
            body.close();
        } catch (IOException e) {
            LOG.debug("closing an abandoned response body failed", e);
        }
    }
}
