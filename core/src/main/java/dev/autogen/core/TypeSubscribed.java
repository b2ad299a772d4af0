package dev.autogen.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Subscribes an agent class to a topic type when it is registered with {@link BaseAgent#register}:
 * the Java form of Python AutoGen's {@code @type_subscription(topic_type=...)} decorator.
 *
 * <pre>{@code
 * @TypeSubscribed("reviews")
 * final class Reviewer extends RoutedAgent {
 *     Reviewer(AgentInstantiationContext ctx) { super(ctx, "A reviewer agent."); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(TypeSubscribed.List.class)
public @interface TypeSubscribed {
    /** The topic type subscribed to. */
    String value();

    /** Container for repeated {@link TypeSubscribed} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        TypeSubscribed[] value();
    }
}
