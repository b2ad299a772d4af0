package dev.autogen.ext.code_executors.jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecTest {
    @TempDir
    Path root;

    @Test
    void findsTheFirstSpecInSearchOrderAndFillsItsPlaceholders() throws Exception {
        Path first = root.resolve("first");
        Path second = root.resolve("second");
        write(second, "mykernel", "{\"argv\": [\"other\"]}");
        write(first, "mykernel", """
                {"argv": ["/opt/py/bin/python", "-m", "ipykernel_launcher", "-f", "{connection_file}",
                          "--resources={resource_dir}"],
                 "env": {"FOO": "bar"}, "display_name": "Mine", "language": "python"}
                """);

        KernelSpec spec = KernelSpec.find("MyKernel", List.of(root.resolve("missing"), first, second)).orElseThrow();

        Path dir = first.resolve("kernels/mykernel");
        assertThat(spec.command(Path.of("/tmp/c.json"))).containsExactly("/opt/py/bin/python", "-m",
                "ipykernel_launcher", "-f", "/tmp/c.json", "--resources=" + dir);
        assertThat(spec.env()).isEqualTo(Map.of("FOO", "bar"));
        assertThat(KernelSpec.find("absent", List.of(first, second))).isEmpty();
    }

    @Test
    void aSpecWithoutArgvIsReportedWithItsFile() throws Exception {
        write(root, "broken", "{\"display_name\": \"Broken\"}");

        assertThatThrownBy(() -> KernelSpec.find("broken", List.of(root)))
                .hasMessageContaining("kernels/broken/kernel.json").hasMessageContaining("argv");
    }

    @Test
    void searchPathFollowsJupyterCoreOrder() {
        List<Path> dirs = KernelSpec.searchPath(Map.of("JUPYTER_PATH", "/a" + java.io.File.pathSeparator + "/b",
                "JUPYTER_DATA_DIR", "/data"));

        assertThat(dirs).startsWith(Path.of("/a"), Path.of("/b"), Path.of("/data"));
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertThat(dirs).endsWith(Path.of("/usr/local/share/jupyter"), Path.of("/usr/share/jupyter"));
        }
    }

    private static void write(Path dataDir, String name, String json) throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("kernels").resolve(name));
        Files.writeString(dir.resolve("kernel.json"), json);
    }
}
