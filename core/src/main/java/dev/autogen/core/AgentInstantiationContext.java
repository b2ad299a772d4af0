package dev.autogen.core;

/**
 * What a factory receives when the runtime creates an agent: the runtime the agent lives in and the
 * id it is created for. Pass it to {@link BaseAgent}'s constructor. This replaces Python's ambient
 * {@code AgentInstantiationContext} with an explicit argument.
 *
 * <!-- java-context: import java.util.function.IntPredicate; AgentRuntime runtime;
 *      class Checker extends RoutedAgent {
 *          Checker(AgentInstantiationContext ctx, IntPredicate runUntil) { super(ctx, "A checker agent."); }
 *      } -->
 * <pre>{@code
 * runtime.registerFactory("checker", ctx -> new Checker(ctx, x -> x <= 1), Checker.class);
 * }</pre>
 *
 * @param runtime the runtime creating the agent
 * @param agentId the id of the agent being created
 */
public record AgentInstantiationContext(AgentRuntime runtime, AgentId agentId) {
}
