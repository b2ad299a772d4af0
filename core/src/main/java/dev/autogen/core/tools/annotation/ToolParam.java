package dev.autogen.core.tools.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a tool argument: a parameter of a {@link ToolFunction} method, or a component of a tool's
 * argument record. Arguments of type {@code Optional<T>} or annotated
 * {@code @org.jspecify.annotations.Nullable} are optional; all others are required.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface ToolParam {
    /** What the argument means, for the model. */
    String value() default "";

    /** The argument name the model uses; defaults to the Java name in snake_case. */
    String name() default "";
}
