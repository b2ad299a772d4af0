package dev.autogen.core.tools.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a tool for {@link dev.autogen.core.tools.FunctionTool#fromMethods(Object)}.
 * The tool's arguments are the method's parameters (compile with {@code -parameters} so their
 * names survive; describe them with {@link ToolParam}); a {@link dev.autogen.core.CancellationToken}
 * parameter receives the call's token and is not shown to the model.
 *
 * <!-- java-context: import java.util.List; import dev.autogen.core.tools.FunctionTool; -->
 * <pre>{@code
 * class WeatherTools {
 *     @ToolFunction("Get the current weather for a city")
 *     String getWeather(@ToolParam("The city name") String city) { return "Sunny in " + city; }
 * }
 * List<FunctionTool> tools = FunctionTool.fromMethods(new WeatherTools());
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ToolFunction {
    /** What the tool does, for the model (Python takes the docstring). Defaults to the tool name. */
    String value() default "";

    /** The tool name; defaults to the method name. */
    String name() default "";

    /**
     * Strict mode (structured outputs): the model must follow the schema exactly. Every parameter
     * must then be required.
     */
    boolean strict() default false;
}
