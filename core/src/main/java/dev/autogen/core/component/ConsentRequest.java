package dev.autogen.core.component;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a component built from a config would start on this machine, for a {@link ConsentPolicy} to
 * decide on.
 *
 * @param path the component's JSON path, e.g. {@code team.config.participants[1].config.code_executor}
 * @param component the component's name, e.g. {@code LocalCommandLineCodeExecutor}
 * @param action what it would do, as the end of a sentence starting with "it would", e.g.
 *     {@code "run the code blocks it receives as programs on this machine"}
 * @param directories directories the config tells it to write in, by config field (e.g.
 *     {@code work_dir}); made absolute and normalized
 */
public record ConsentRequest(String path, String component, String action, Map<String, Path> directories) {
    public ConsentRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(action, "action");
        Map<String, Path> absolute = new LinkedHashMap<>();
        Objects.requireNonNull(directories, "directories")
                .forEach((field, dir) -> absolute.put(field, dir.toAbsolutePath().normalize()));
        directories = Collections.unmodifiableMap(absolute);
    }

    /** The JSON path of one of {@link #directories()}, e.g. {@code ...code_executor.config.work_dir}. */
    public String directoryPath(String field) {
        return path + ".config." + field;
    }

    /** {@code "LocalCommandLineCodeExecutor would run ..."}: the request as one sentence, without a full stop. */
    public String describe() {
        return component + " would " + action;
    }
}
