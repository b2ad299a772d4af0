/**
 * JMH benchmarks of the in-process runtime ({@link dev.autogen.core.runtime.InProcessAgentRuntime}): RPC
 * round trips and publish deliveries per second, each measured next to a bare-JDK baseline of
 * virtual threads exchanging through queues in the same run. Run them with
 * {@code benchmarks/run.sh}; {@link dev.autogen.benchmarks.Ratios} prints the ratios to the
 * baselines. See {@code docs/benchmarks.md} for the figures.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.benchmarks;
