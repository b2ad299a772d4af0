package dev.autogen.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds the subscriptions a {@link SubscriptionFactory} makes when the agent class is registered with
 * {@link BaseAgent#register}: the Java form of Python AutoGen's {@code @subscription_factory(...)}
 * decorator. The factory class needs a no-argument constructor; it is created and called once per
 * registration with a {@link SubscriptionInstantiationContext} naming the agent type.
 *
 * <!-- java-context: import java.util.List;
 *      public static final class ReviewTopics implements SubscriptionFactory {
 *          public List<Subscription> subscriptions(SubscriptionInstantiationContext ctx) {
 *              return List.of(new TypeSubscription("reviews", ctx.agentType().type()));
 *          }
 *      } -->
 * <pre>{@code
 * @SubscribedBy(ReviewTopics.class)
 * final class Reviewer extends RoutedAgent {
 *     Reviewer(AgentInstantiationContext ctx) { super(ctx, "A reviewer agent."); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(SubscribedBy.List.class)
public @interface SubscribedBy {
    /** The factory class. */
    Class<? extends SubscriptionFactory> value();

    /** Container for repeated {@link SubscribedBy} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        SubscribedBy[] value();
    }
}
