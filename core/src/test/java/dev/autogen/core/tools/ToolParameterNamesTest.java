package dev.autogen.core.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @ToolFunction} methods of a class compiled without {@code -parameters}, as a user's project
 * may be: names from {@code @ToolParam(name = ...)} work, missing names fail naming the method.
 */
class ToolParameterNamesTest {
    @TempDir
    Path dir;

    @Test
    void namesFromToolParamWorkWithoutTheParametersFlag() throws Exception {
        Object tools = compileWithoutParameters("Named", """
                public class Named {
                    @dev.autogen.core.tools.annotation.ToolFunction("Weather")
                    public String weather(@dev.autogen.core.tools.annotation.ToolParam(name = "city", value = "A city") String city) {
                        return "Sunny in " + city;
                    }
                }""");
        List<FunctionTool> list = FunctionTool.fromMethods(tools);
        assertThat(list.getFirst().schema().parameters().properties()).containsOnlyKeys("city");
        assertThat(list.getFirst().runJson(AutogenJson.mapper().readTree("{\"city\": \"Oslo\"}"), new CancellationToken(), null))
                .isEqualTo("Sunny in Oslo");
    }

    @Test
    void missingNamesFailNamingTheMethodAndTheFix() throws Exception {
        Object tools = compileWithoutParameters("Unnamed", """
                public class Unnamed {
                    @dev.autogen.core.tools.annotation.ToolFunction("Weather")
                    public String weather(String city) {
                        return "Sunny in " + city;
                    }
                }""");
        assertThatThrownBy(() -> FunctionTool.fromMethods(tools))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unnamed.weather(java.lang.String)")
                .hasMessageContaining("-parameters")
                .hasMessageContaining("@ToolParam(name = ...)");
    }

    private Object compileWithoutParameters(String className, String source) throws Exception {
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"),
                file.toString());
        assertThat(status).isZero();
        var loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass(className).getConstructor().newInstance();
    }
}
