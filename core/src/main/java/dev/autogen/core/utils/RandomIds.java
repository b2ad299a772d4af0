package dev.autogen.core.utils;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs for ids that must be unique but not secret (message, run and subscription
 * ids), as Python's {@code uuid.uuid4()} writes them. {@link UUID#randomUUID()} draws from the
 * operating system's secure random source, which is slow and contended when every message of many
 * concurrent teams needs an id; these come from {@link ThreadLocalRandom}. Never use them for tokens.
 */
public final class RandomIds {
    private RandomIds() {
    }

    /** A new random UUID in its canonical 36-character form. */
    public static String uuid4() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
