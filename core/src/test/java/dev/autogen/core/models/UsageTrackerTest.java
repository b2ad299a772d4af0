package dev.autogen.core.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageTrackerTest {
    @Test
    void startsAtZero() {
        var usage = new UsageTracker();
        assertThat(usage.actual()).isEqualTo(RequestUsage.ZERO);
        assertThat(usage.total()).isEqualTo(RequestUsage.ZERO);
    }

    @Test
    void actualIsTheLastCallAndTotalTheSum() {
        var usage = new UsageTracker();
        usage.record(new RequestUsage(10, 2));
        usage.record(new RequestUsage(3, 4));
        assertThat(usage.actual()).isEqualTo(new RequestUsage(3, 4));
        assertThat(usage.total()).isEqualTo(new RequestUsage(13, 6));
    }

    @Test
    void concurrentRecordsAreAllCounted() throws InterruptedException {
        var usage = new UsageTracker();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 1000; i++) {
                    usage.record(new RequestUsage(1, 2));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(usage.total()).isEqualTo(new RequestUsage(8000, 16000));
    }
}
