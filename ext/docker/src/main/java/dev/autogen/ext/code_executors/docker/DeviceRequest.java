package dev.autogen.ext.code_executors.docker;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request for host devices such as GPUs, the counterpart of {@code docker.types.DeviceRequest}
 * that Python's {@code device_requests} takes ({@code docker run --gpus}).
 *
 * <pre>{@code
 * DockerCommandLineCodeExecutor.builder().deviceRequests(List.of(DeviceRequest.allGpus())).build();
 * }</pre>
 *
 * @param driver the device driver (e.g. {@code "nvidia"}), or {@code null} for the default
 * @param count how many devices; {@code -1} for all
 * @param deviceIds specific device ids instead of a count
 * @param capabilities alternatives of capability sets, e.g. {@code [["gpu"]]}
 * @param options driver-specific options
 */
public record DeviceRequest(@Nullable String driver, int count, List<String> deviceIds,
        List<List<String>> capabilities, Map<String, String> options) {
    public DeviceRequest {
        deviceIds = List.copyOf(deviceIds);
        capabilities = capabilities.stream().map(List::copyOf).toList();
        options = Map.copyOf(options);
    }

    /** Every GPU: {@code count=-1, capabilities=[["gpu"]]}, as {@code docker run --gpus all}. */
    public static DeviceRequest allGpus() {
        return new DeviceRequest(null, -1, List.of(), List.of(List.of("gpu")), Map.of());
    }

    com.github.dockerjava.api.model.DeviceRequest toDocker() {
        var request = new com.github.dockerjava.api.model.DeviceRequest()
                .withCount(count)
                .withCapabilities(capabilities)
                .withOptions(options);
        if (driver != null) {
            request.withDriver(driver);
        }
        if (!deviceIds.isEmpty()) {
            request.withDeviceIds(deviceIds).withCount(null);
        }
        return request;
    }
}
