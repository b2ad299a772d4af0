package dev.autogen.examples.agentchat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;

/** A clock that moves on by {@code step} each time it is read, so every Console run lasts {@code step}. */
public final class StepClock implements InstantSource {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private final Duration step;
    private final AtomicInteger reads = new AtomicInteger();

    public StepClock(Duration step) {
        this.step = step;
    }

    @Override
    public Instant instant() {
        return START.plus(step.multipliedBy(reads.getAndIncrement()));
    }
}
