package dev.autogen.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link RoutedAgent} as the handler of its first parameter's type, for both direct and published messages: Python AutoGen's {@code @message_handler}.
 *
 * <p>The method takes the message, optionally followed by a {@link MessageContext}. See
 * {@link RoutedAgent} for how a handler is chosen.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MessageHandler {
    /**
     * The name of a method of the agent that decides whether this handler takes a message: it takes
     * the message (and optionally the {@link MessageContext}) and returns {@code boolean}. Empty for
     * a handler that takes every message of its type.
     */
    String match() default "";
}
