package dev.autogen.ext.code_executors.jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.code_executor.CodeExecutor;
import dev.autogen.core.code_executor.CodeFileRules;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.serialization.AutogenJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What needs no ipykernel: options, config, start-up errors. */
class JupyterCodeExecutorTest {
    @TempDir
    Path outputDir;

    private JupyterCodeExecutor executor;

    @AfterEach
    void stopExecutor() {
        if (executor != null) {
            executor.stop();
        }
    }

    @Test
    void pipInstallLinesAreSilenced() {
        assertThat(CodeFileRules.silencePip("!pip install numpy\nx = 1", "python"))
                .isEqualTo("!pip install -qqq numpy\nx = 1");
        assertThat(CodeFileRules.silencePip("pip install -qqq numpy", "sh")).isEqualTo("pip install -qqq numpy");
        assertThat(CodeFileRules.silencePip("pip install numpy", "r")).isEqualTo("pip install numpy");
    }

    @Test
    void aKernelCommandThatExitsIsReportedWithItsOutput() {
        executor = JupyterCodeExecutor.builder()
                .kernelCommand(List.of("/bin/sh", "-c", "echo no kernel here; exit 3", "{connection_file}"))
                .outputDir(outputDir)
                .build();

        assertThatThrownBy(executor::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 3").hasMessageContaining("no kernel here");
        assertThat(executor.kernelPid()).isEmpty();
    }

    @Test
    void anUnknownKernelNameIsReportedWithWhereItWasLookedFor() {
        executor = JupyterCodeExecutor.builder().kernelName("no-such-kernel").outputDir(outputDir).build();

        assertThatThrownBy(executor::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no kernelspec named 'no-such-kernel'")
                .hasMessageContaining("/usr/share/jupyter")
                .hasMessageContaining("kernelCommand");
    }

    @Test
    void badOptionsAreRejectedWithTheirNames() {
        assertThatThrownBy(() -> JupyterCodeExecutor.builder().timeout(Duration.ofMillis(10)))
                .hasMessageContaining("timeout must be at least 1 second");
        assertThatThrownBy(() -> JupyterCodeExecutor.builder().kernelName(" ")).hasMessageContaining("kernel_name");
        assertThatThrownBy(() -> JupyterCodeExecutor.builder().kernelCommand(List.of("python3", "-m", "ipykernel")))
                .hasMessageContaining("{connection_file}");
    }

    @Test
    void configMatchesPythonAndRoundTrips() throws Exception {
        String python = """
                {"provider": "autogen_ext.code_executors.jupyter.JupyterCodeExecutor",
                 "component_type": "code_executor", "version": 1, "component_version": 1,
                 "description": "A code executor class that executes code statefully using [nbclient](https://github.com/jupyter/nbclient).",
                 "label": "JupyterCodeExecutor",
                 "config": {"kernel_name": "python3", "timeout": 90, "output_dir": "%s"}}
                """.formatted(outputDir.toString().replace("\\", "\\\\"));
        var mapper = AutogenJson.mapper();

        CodeExecutor loaded = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(python, CodeExecutor.class);

        assertThat(loaded).isInstanceOfSatisfying(JupyterCodeExecutor.class, jupyter -> {
            assertThat(jupyter.kernelName()).isEqualTo("python3");
            assertThat(jupyter.timeout()).isEqualTo(Duration.ofSeconds(90));
            assertThat(jupyter.outputDir()).isEqualTo(outputDir.toAbsolutePath());
        });
        assertThat(mapper.readTree(loaded.dumpComponent().toJson())).isEqualTo(mapper.readTree(python));
        assertThat(mapper.readValue("{}", JupyterCodeExecutorConfig.class))
                .isEqualTo(new JupyterCodeExecutorConfig("python3", 60, null));
        assertThatThrownBy(() -> ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(
                "{\"provider\": \"autogen_ext.code_executors.jupyter.JupyterCodeExecutor\", \"config\": {\"timeout\": 0}}",
                CodeExecutor.class))
                .isInstanceOf(ComponentLoadException.class).hasMessageContaining("timeout must be at least 1 second");
    }

    @Test
    void resultJsonUsesPythonsFieldNamesAndPlainPaths() throws Exception {
        var mapper = AutogenJson.mapper();
        var result = new JupyterCodeResult(0, "42\n", List.of(outputDir.resolve("a.png")));

        String json = mapper.writeValueAsString(result);

        assertThat(mapper.readTree(json)).isEqualTo(mapper.createObjectNode().put("exit_code", 0).put("output", "42\n")
                .set("output_files", mapper.createArrayNode().add(outputDir.resolve("a.png").toString())));
        assertThat(mapper.readValue(json, JupyterCodeResult.class)).isEqualTo(result);
    }
}
