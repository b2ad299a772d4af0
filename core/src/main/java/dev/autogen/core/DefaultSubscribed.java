package dev.autogen.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Subscribes an agent class to the default topic when it is registered with
 * {@link BaseAgent#register}: the Java form of Python AutoGen's {@code @default_subscription} decorator.
 *
 * <pre>{@code
 * @DefaultSubscribed
 * final class Checker extends RoutedAgent {
 *     Checker(AgentInstantiationContext ctx) { super(ctx, "A checker agent."); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DefaultSubscribed {
    /** The topic type; {@code "default"} unless the agent listens on a named default topic. */
    String topicType() default DefaultTopicId.DEFAULT_TYPE;
}
