/**
 * The built-in termination conditions, mirroring {@code autogen_agentchat.conditions}: a team asks
 * its {@link dev.autogen.agentchat.base.TerminationCondition} after every agent response whether
 * to stop. Start at {@link dev.autogen.agentchat.conditions.MaxMessageTermination} and
 * {@link dev.autogen.agentchat.conditions.TextMentionTermination}; combine conditions with
 * {@link dev.autogen.agentchat.base.TerminationCondition#or} and
 * {@link dev.autogen.agentchat.base.TerminationCondition#and}. Every condition except
 * {@link dev.autogen.agentchat.conditions.FunctionalTermination} is a component with Python's
 * provider string and config, and the stop reasons read exactly as Python's.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.agentchat.conditions;
