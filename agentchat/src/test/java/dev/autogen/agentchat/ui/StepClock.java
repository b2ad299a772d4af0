package dev.autogen.agentchat.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;

/** A clock that moves on by {@code step} each time it is read, so a Console's duration is known. */
final class StepClock implements InstantSource {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private final Duration step;
    private final AtomicInteger reads = new AtomicInteger();

    StepClock(Duration step) {
        this.step = step;
    }

    @Override
    public Instant instant() {
        return START.plus(step.multipliedBy(reads.getAndIncrement()));
    }
}
