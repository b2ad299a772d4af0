package dev.autogen.benchmarks;

/** The messages the benchmarks exchange: small records, allocated per message as real ones are. */
final class Messages {
    private Messages() {
    }

    /** An RPC request. */
    record Ping(int seq) {
    }

    /** The reply to a {@link Ping}. */
    record Pong(int seq) {
    }

    /** Asks a driver agent for {@code count} round trips to the echo agent. */
    record Burst(int count) {
    }

    /** A published event. */
    record Tick(int seq) {
    }
}
