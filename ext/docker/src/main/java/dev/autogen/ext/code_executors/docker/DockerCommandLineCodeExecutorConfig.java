package dev.autogen.ext.code_executors.docker;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link DockerCommandLineCodeExecutor}, with Python's field names and
 * defaults:
 * <pre>{@code
 * {"image": "python:3-slim", "container_name": null, "timeout": 60, "work_dir": null, "bind_dir": null,
 *  "auto_remove": true, "stop_container": true, "functions_module": "functions", "extra_volumes": {},
 *  "extra_hosts": {}, "init_command": null, "delete_tmp_files": false}
 * }</pre>
 * Missing fields take those defaults when read; null fields are left out when written, as Python's
 * {@code dump_component()} does. Functions and device requests are not part of the
 * config, as in Python.
 *
 * @param image the image the container runs
 * @param containerName the container's name, or {@code null} for {@code autogen-code-exec-<uuid>}
 * @param timeout seconds one block may run; at least 1
 * @param workDir where code files are written on this machine, or {@code null} for a temporary directory
 * @param bindDir the host directory mounted at {@code /workspace} as the Docker engine sees it, or
 *     {@code null} for {@code work_dir}
 * @param autoRemove whether the engine removes the container once it stops
 * @param stopContainer whether the container is stopped when this JVM exits
 * @param functionsModule the module name functions are importable from
 * @param extraVolumes more mounts: host path to {@code {"bind": "/container/path", "mode": "rw"|"ro"}}
 * @param extraHosts more {@code /etc/hosts} entries: host name to IP (or {@code host-gateway})
 * @param initCommand a shell command run when the container starts, or {@code null}
 * @param deleteTmpFiles whether code files are deleted after each run
 */
public record DockerCommandLineCodeExecutorConfig(
        String image,
        @Nullable String containerName,
        int timeout,
        @Nullable String workDir,
        @Nullable String bindDir,
        boolean autoRemove,
        boolean stopContainer,
        String functionsModule,
        Map<String, Map<String, String>> extraVolumes,
        Map<String, String> extraHosts,
        @Nullable String initCommand,
        boolean deleteTmpFiles) {

    @JsonCreator
    static DockerCommandLineCodeExecutorConfig fromJson(
            @JsonProperty("image") @Nullable String image,
            @JsonProperty("container_name") @Nullable String containerName,
            @JsonProperty("timeout") @Nullable Integer timeout,
            @JsonProperty("work_dir") @Nullable String workDir,
            @JsonProperty("bind_dir") @Nullable String bindDir,
            @JsonProperty("auto_remove") @Nullable Boolean autoRemove,
            @JsonProperty("stop_container") @Nullable Boolean stopContainer,
            @JsonProperty("functions_module") @Nullable String functionsModule,
            @JsonProperty("extra_volumes") @Nullable Map<String, Map<String, String>> extraVolumes,
            @JsonProperty("extra_hosts") @Nullable Map<String, String> extraHosts,
            @JsonProperty("init_command") @Nullable String initCommand,
            @JsonProperty("delete_tmp_files") @Nullable Boolean deleteTmpFiles) {
        return new DockerCommandLineCodeExecutorConfig(
                image == null ? DockerCommandLineCodeExecutor.DEFAULT_IMAGE : image,
                containerName,
                timeout == null ? 60 : timeout,
                workDir,
                bindDir,
                autoRemove == null || autoRemove,
                stopContainer == null || stopContainer,
                functionsModule == null ? "functions" : functionsModule,
                extraVolumes == null ? Map.of() : extraVolumes,
                extraHosts == null ? Map.of() : extraHosts,
                initCommand,
                deleteTmpFiles != null && deleteTmpFiles);
    }

    public DockerCommandLineCodeExecutorConfig {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(functionsModule, "functionsModule");
        extraVolumes = copy(Objects.requireNonNull(extraVolumes, "extraVolumes"));
        extraHosts = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extraHosts, "extraHosts")));
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> volumes) {
        var copy = new LinkedHashMap<String, Map<String, String>>();
        volumes.forEach((host, spec) -> copy.put(host, Collections.unmodifiableMap(
                new LinkedHashMap<>(Objects.requireNonNull(spec, "extra_volumes['" + host + "']")))));
        return Collections.unmodifiableMap(copy);
    }
}
