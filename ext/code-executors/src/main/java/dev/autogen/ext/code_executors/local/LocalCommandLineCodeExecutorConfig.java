package dev.autogen.ext.code_executors.local;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link LocalCommandLineCodeExecutor}, with Python's field names and
 * defaults: {@code {"timeout": 60, "work_dir": null, "functions_module": "functions",
 * "cleanup_temp_files": true}}. Missing fields take those defaults when read.
 *
 * @param timeout seconds one block may run; at least 1
 * @param workDir the working directory, or {@code null} for a temporary one
 * @param functionsModule the name of the module user functions would be written to (kept for
 *     Python compatibility; Java does not write function modules)
 * @param cleanupTempFiles whether the files written for each block are deleted after the run
 */
public record LocalCommandLineCodeExecutorConfig(
        int timeout, @Nullable String workDir, String functionsModule, boolean cleanupTempFiles) {

    @JsonCreator
    static LocalCommandLineCodeExecutorConfig fromJson(
            @JsonProperty("timeout") @Nullable Integer timeout,
            @JsonProperty("work_dir") @Nullable String workDir,
            @JsonProperty("functions_module") @Nullable String functionsModule,
            @JsonProperty("cleanup_temp_files") @Nullable Boolean cleanupTempFiles) {
        return new LocalCommandLineCodeExecutorConfig(
                timeout == null ? 60 : timeout,
                workDir,
                functionsModule == null ? "functions" : functionsModule,
                cleanupTempFiles == null || cleanupTempFiles);
    }

    public LocalCommandLineCodeExecutorConfig {
        Objects.requireNonNull(functionsModule, "functionsModule");
    }
}
