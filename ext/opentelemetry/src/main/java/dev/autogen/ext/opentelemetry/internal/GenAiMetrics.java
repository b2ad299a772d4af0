package dev.autogen.ext.opentelemetry.internal;

import dev.autogen.core.models.RequestUsage;
import dev.autogen.ext.opentelemetry.GenAiAttributes;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The GenAI client metrics: {@code gen_ai.client.token.usage} and {@code gen_ai.client.operation.duration},
 * with the bucket boundaries the conventions advise.
 */
final class GenAiMetrics {
    private static final List<Long> TOKEN_BUCKETS = List.of(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L,
            262144L, 1048576L, 4194304L, 16777216L, 67108864L);
    private static final List<Double> DURATION_BUCKETS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56,
            5.12, 10.24, 20.48, 40.96, 81.92);

    private final LongHistogram tokenUsage;
    private final DoubleHistogram duration;

    GenAiMetrics(Meter meter) {
        tokenUsage = meter.histogramBuilder("gen_ai.client.token.usage")
                .setDescription("Number of input and output tokens used.")
                .setUnit("{token}")
                .ofLongs()
                .setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS)
                .build();
        duration = meter.histogramBuilder("gen_ai.client.operation.duration")
                .setDescription("GenAI operation duration.")
                .setUnit("s")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
                .build();
    }

    /**
     * Records one model call: its duration, and its tokens when it returned a result.
     *
     * @param attributes operation, provider and model (and {@code error.type} for a failed call)
     */
    void recordCall(Attributes attributes, long nanos, @Nullable RequestUsage usage) {
        duration.record(nanos / 1e9, attributes);
        if (usage != null) {
            tokenUsage.record(usage.promptTokens(), attributes.toBuilder().put(GenAiAttributes.TOKEN_TYPE, "input").build());
            tokenUsage.record(usage.completionTokens(),
                    attributes.toBuilder().put(GenAiAttributes.TOKEN_TYPE, "output").build());
        }
    }
}
