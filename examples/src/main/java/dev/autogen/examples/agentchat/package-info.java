/**
 * Samples from the AgentChat user guide, each a runnable {@code main}: tool use without
 * ({@link dev.autogen.examples.agentchat.WeatherAgentExample}) and with
 * ({@link dev.autogen.examples.agentchat.ToolReflectionExample}) reflection, streaming tokens
 * ({@link dev.autogen.examples.agentchat.StreamingTokensExample}), structured output
 * ({@link dev.autogen.examples.agentchat.StructuredOutputExample}), custom agents
 * ({@link dev.autogen.examples.agentchat.CountDownAgentExample},
 * {@link dev.autogen.examples.agentchat.NestedCountingExample}) and saving state
 * ({@link dev.autogen.examples.agentchat.AgentStateExample}). Examples that need a model get it
 * from {@link dev.autogen.examples.agentchat.ExampleModels}, which falls back to scripted replies so
 * they run offline.
 */
@NullMarked
package dev.autogen.examples.agentchat;

import org.jspecify.annotations.NullMarked;
