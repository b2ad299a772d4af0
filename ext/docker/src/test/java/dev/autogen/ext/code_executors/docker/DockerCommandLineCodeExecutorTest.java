package dev.autogen.ext.code_executors.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.code_executor.CodeBlock;
import dev.autogen.core.code_executor.CodeExecutor;
import dev.autogen.core.code_executor.CodeFileRules;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.serialization.AutogenJson;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What runs without a Docker engine: options, config, the requests the executor would send, engine errors. */
class DockerCommandLineCodeExecutorTest {
    @TempDir
    Path dir;

    @Test
    void configMatchesPythonAndRoundTrips() throws Exception {
        String python = """
                {"provider": "autogen_ext.code_executors.docker.DockerCommandLineCodeExecutor",
                 "component_type": "code_executor", "version": 1, "component_version": 1,
                 "description": "Executes code through a command line environment in a Docker container.",
                 "label": "DockerCommandLineCodeExecutor",
                 "config": {"image": "python:3.12-slim", "container_name": "my-exec", "timeout": 120,
                            "work_dir": "%1$s", "bind_dir": "/host/coding", "auto_remove": false,
                            "stop_container": true, "functions_module": "tools",
                            "extra_volumes": {"/data": {"bind": "/mnt/data", "mode": "ro"}},
                            "extra_hosts": {"kubernetes.docker.internal": "host-gateway"},
                            "init_command": "pip install numpy", "delete_tmp_files": true}}
                """.formatted(dir.toString().replace("\\", "\\\\"));
        var mapper = AutogenJson.mapper();

        CodeExecutor loaded = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(python, CodeExecutor.class);

        assertThat(loaded).isInstanceOfSatisfying(DockerCommandLineCodeExecutor.class, docker -> {
            assertThat(docker.image()).isEqualTo("python:3.12-slim");
            assertThat(docker.containerName()).isEqualTo("my-exec");
            assertThat(docker.timeout()).isEqualTo(Duration.ofSeconds(120));
            assertThat(docker.workDir()).isEqualTo(dir.toAbsolutePath());
            assertThat(docker.bindDir()).isEqualTo(Path.of("/host/coding"));
            assertThat(docker.isRunning()).isFalse();
        });
        assertThat(mapper.readTree(loaded.dumpComponent().toJson())).isEqualTo(mapper.readTree(python));
    }

    @Test
    void missingConfigFieldsTakePythonsDefaults() throws Exception {
        var config = AutogenJson.mapper().readValue("{}", DockerCommandLineCodeExecutorConfig.class);

        assertThat(config).isEqualTo(new DockerCommandLineCodeExecutorConfig("python:3-slim", null, 60, null, null,
                true, true, "functions", Map.of(), Map.of(), null, false));
        var dumped = DockerCommandLineCodeExecutor.builder().containerName("c").build().dumpComponent().toJsonNode();
        assertThat(dumped.path("config").toString()).isEqualTo("{\"image\":\"python:3-slim\",\"container_name\":\"c\","
                + "\"timeout\":60,\"auto_remove\":true,\"stop_container\":true,\"functions_module\":\"functions\","
                + "\"extra_volumes\":{},\"extra_hosts\":{},\"delete_tmp_files\":false}");
    }

    @Test
    void badConfigIsReportedAtItsPath() {
        assertThatThrownBy(() -> ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load("{\"provider\": \"DockerCommandLineCodeExecutor\", "
                + "\"config\": {\"extra_volumes\": {\"/data\": {\"mode\": \"ro\"}}}}", CodeExecutor.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("extra_volumes['/data'] needs a \"bind\" container path");
    }

    @Test
    void theContainerIsCreatedAsPythonCreatesIt() {
        Map<String, Map<String, String>> volumes = new LinkedHashMap<>();
        volumes.put("/home/user1", Map.of("bind", "/mnt/vol2", "mode", "rw"));
        volumes.put("/var/www", Map.of("bind", "/mnt/vol1", "mode", "ro"));
        var executor = DockerCommandLineCodeExecutor.builder()
                .containerName("autogen-test")
                .workDir(dir)
                .bindDir(Path.of("/host/work"))
                .autoRemove(false)
                .extraVolumes(volumes)
                .extraHosts(Map.of("kubernetes.docker.internal", "host-gateway"))
                .initCommand("kubectl config use-context docker-hub")
                .deviceRequests(List.of(DeviceRequest.allGpus()))
                .build();

        try (DockerEngine engine = DockerEngine.connect(unreachableSocket())) {
            CreateContainerCmd cmd = executor.createContainerCmd(engine);

            assertThat(cmd.getImage()).isEqualTo("python:3-slim");
            assertThat(cmd.getName()).isEqualTo("autogen-test");
            assertThat(cmd.getEntrypoint()).containsExactly("/bin/sh");
            assertThat(cmd.getCmd()).containsExactly("-c", "kubectl config use-context docker-hub;exec /bin/sh");
            assertThat(cmd.isTty()).isTrue();
            assertThat(cmd.getWorkingDir()).isEqualTo("/workspace");
            assertThat(Arrays.stream(cmd.getHostConfig().getBinds()).map(Bind::toString))
                    .containsExactly("/host/work:/workspace:rw", "/home/user1:/mnt/vol2:rw", "/var/www:/mnt/vol1:ro");
            assertThat(cmd.getHostConfig().getExtraHosts()).containsExactly("kubernetes.docker.internal:host-gateway");
            assertThat(cmd.getHostConfig().getAutoRemove()).isFalse();
            assertThat(cmd.getHostConfig().getDeviceRequests()).singleElement().satisfies(request -> {
                assertThat(request.getCount()).isEqualTo(-1);
                assertThat(request.getCapabilities()).isEqualTo(List.of(List.of("gpu")));
            });
        }
    }

    @Test
    void withoutAnInitCommandTheImageRunsAPlainShell() {
        var executor = DockerCommandLineCodeExecutor.builder().workDir(dir).build();

        try (DockerEngine engine = DockerEngine.connect(unreachableSocket())) {
            CreateContainerCmd cmd = executor.createContainerCmd(engine);

            assertThat(cmd.getCmd()).isNullOrEmpty();
            assertThat(cmd.getName()).matches("autogen-code-exec-[0-9a-f-]{36}");
            assertThat(cmd.getHostConfig().getAutoRemove()).isTrue();
            assertThat(Arrays.stream(cmd.getHostConfig().getBinds()).map(Bind::toString))
                    .containsExactly(dir.toAbsolutePath() + ":/workspace:rw");
        }
    }

    @Test
    void blocksRunUnderTheContainersTimeoutCommand() {
        assertThat(CodeFiles.command("python", "tmp_code_ab.py", 60)).containsExactly("timeout", "60", "python",
                "tmp_code_ab.py");
        assertThat(CodeFiles.command(CodeFileRules.normalize("Py"), "x.py", 5)).containsExactly("timeout", "5", "python", "x.py");
        assertThat(CodeFiles.command("shell", "x.shell", 5)).containsExactly("timeout", "5", "sh", "x.shell");
        assertThat(CodeFiles.command("bash", "x.bash", 5)).containsExactly("timeout", "5", "bash", "x.bash");
        assertThat(CodeFiles.command("ps1", "x.ps1", 5)).containsExactly("timeout", "5", "pwsh", "x.ps1");
        assertThat(CodeFiles.killCommand(List.of("timeout", "5", "python", "x.py")))
                .containsExactly("pkill", "-f", "timeout 5 python x.py");
        assertThatThrownBy(() -> CodeFiles.program("ruby")).hasMessage("Unsupported language: ruby");
    }

    @Test
    void codeFilesAreNamedByHashOrByTheirFilenameComment() {
        assertThat(CodeFileRules.defaultFileName("print(1)", "python")).matches("tmp_code_[0-9a-f]{64}\\.py");
        assertThat(CodeFileRules.defaultFileName("echo", "sh")).endsWith(".sh");
        assertThat(CodeFileRules.fileNameFromContent("# filename: sub/app.py\nprint(1)", dir)).contains("sub/app.py");
        assertThat(CodeFileRules.fileNameFromContent("print(1)", dir)).isEmpty();
        assertThatThrownBy(() -> CodeFileRules.fileNameFromContent("# filename: ../escape.py\n", dir))
                .hasMessageContaining("is not in the workspace");
        assertThat(CodeFileRules.silencePip("pip install numpy", "sh")).isEqualTo("pip install -qqq numpy");
    }

    @Test
    void functionsBecomeOneModuleWithTheirImports() {
        var add = PythonFunction.of("""
                    def add(a, b):
                        return a + b
                """);
        var table = PythonFunction.of("def table(rows):\n    return tabulate.tabulate(rows)\n")
                .withPythonPackages("tabulate", "numpy>=1.0").withGlobalImports("tabulate", "from os import path");

        assertThat(CodeFiles.functionsModule(List.of(add, table))).isEqualTo("""
                import tabulate
                from os import path

                def add(a, b):
                    return a + b

                def table(rows):
                    return tabulate.tabulate(rows)

                """);
        assertThat(CodeFiles.requiredPackages(List.of(add, table, table))).containsExactly("tabulate", "numpy>=1.0");
        assertThat(CodeFiles.shellJoin(List.of("tabulate", "numpy>=1.0", "it's"))).isEqualTo(
                "tabulate 'numpy>=1.0' 'it'\"'\"'s'");
    }

    @Test
    void startSaysClearlyWhenNoEngineAnswers() throws Exception {
        String host = unreachableSocket();
        var executor = DockerCommandLineCodeExecutor.builder().dockerHost(host).build();

        assertThatThrownBy(executor::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine answered at " + host)
                .hasMessageContaining("Please ensure Docker is installed and running");
        assertThat(executor.isRunning()).isFalse();
        assertThatThrownBy(() -> executor.executeCodeBlocks(List.of(new CodeBlock("print(1)", "python")),
                new CancellationToken()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Container is not running");
        executor.stop();
    }

    @Test
    void startSaysClearlyWhenATcpEngineIsNotListening() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var executor = DockerCommandLineCodeExecutor.builder().workDir(dir).dockerHost("tcp://127.0.0.1:" + port).build();

        assertThatThrownBy(executor::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine answered at tcp://127.0.0.1:" + port);
    }

    @Test
    void badOptionsAreRejectedWithTheirNames() {
        var builder = DockerCommandLineCodeExecutor.builder();
        assertThatThrownBy(() -> builder.timeout(Duration.ofMillis(500))).hasMessageContaining("timeout must be at least 1 second");
        assertThatThrownBy(() -> builder.functionsModule("my-module")).hasMessageContaining("functions_module 'my-module'");
        assertThatThrownBy(() -> builder.containerName("bad name")).hasMessageContaining("container_name 'bad name'");
        assertThatThrownBy(() -> builder.extraVolumes(Map.of("/data", Map.of("bind", "/mnt", "mode", "rx"))))
                .hasMessageContaining("extra_volumes['/data']").hasMessageContaining("mode 'rx'");
        var badHost = builder.dockerHost("not a host").build();
        assertThatThrownBy(badHost::start)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'not a host'");
        assertThatThrownBy(badHost::workDir).as("the temporary work_dir is removed when start() fails")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.build().executeCodeBlocks(List.of(), new CancellationToken()))
                .hasMessage("No code blocks to execute.");
    }

    private String unreachableSocket() {
        Path socket = dir.resolve("no-engine.sock");
        assertThat(Files.exists(socket)).isFalse();
        return "unix://" + socket.toAbsolutePath();
    }
}
