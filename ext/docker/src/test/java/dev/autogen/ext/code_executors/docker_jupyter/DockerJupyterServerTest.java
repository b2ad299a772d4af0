package dev.autogen.ext.code_executors.docker_jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.code_executor.CodeBlock;
import dev.autogen.ext.code_executors.docker.DockerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel gateway in a container, end to end. Needs a Docker engine (and, the first time, network
 * access to build the image); skipped where no engine answers, as ext/docker's other engine tests.
 */
class DockerJupyterServerTest {
    static void assumeEngine() {
        String problem;
        try (DockerEngine engine = DockerEngine.connect(null)) {
            engine.ping();
            problem = "";
        } catch (RuntimeException e) {
            problem = e.getMessage();
        }
        assumeTrue(problem.isEmpty(), "Docker engine tests skipped: no Docker engine answered a ping. " + problem);
    }

    @Test
    void codeRunsInTheContainersKernelAndFilesLandInTheBindDirectory(@TempDir Path bind) throws Exception {
        assumeEngine();
        try (var server = DockerJupyterServer.builder().bindDir(bind).build();
                var executor = DockerJupyterCodeExecutor.builder(server).build()) {
            executor.start();
            var result = executor.executeCodeBlocks(List.of(new CodeBlock(
                    "import os\nopen('made-in-container.txt', 'w').write(os.getcwd())\nprint('hi')", "python")),
                    new CancellationToken());

            assertThat(result.exitCode()).isEqualTo(0);
            assertThat(result.output()).isEqualTo("hi\n");
            assertThat(Files.readString(bind.resolve("made-in-container.txt"))).isEqualTo("/workspace");
            assertThat(executor.outputDir()).isEqualTo(bind.toAbsolutePath());
            assertThat(server.connectionInfo().token()).hasSize(64);
        }
    }
}
