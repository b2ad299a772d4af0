package dev.autogen.cli;

import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.component.ConsentRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The consent policy of {@code autogen validate}: it lets every component be built (validation only
 * builds, nothing runs) and notes each one that {@code autogen run} would ask about, with a warning for
 * each directory it would write in that lies outside the current directory or on a system path.
 */
final class ConsentNotes implements ConsentPolicy {
    /** System directories: a work directory there or below is always a mistake. */
    private static final Set<Path> SYSTEM_TREES = paths("/etc", "/proc", "/sys", "/dev", "/boot", "/bin", "/sbin", "/lib",
            "/lib32", "/lib64", "/usr", "/root");
    /** Directories that hold others': a work directory right there is a mistake. */
    private static final Set<Path> SYSTEM_ROOTS = paths("/", "/var", "/home", "/opt", "/srv", "/mnt", "/media");

    private final List<ConsentRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public Decision decide(ConsentRequest request) {
        requests.add(request);
        return Decision.ALLOW;
    }

    /** One line per component noted and per risky directory, {@code note: ...} or {@code warning: ...}. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ConsentRequest request : requests) {
            lines.add("note: " + request.path() + ": " + request.describe() + "; 'autogen run' asks before each start on"
                    + " a terminal, or allows it with " + ConsentPrompt.OPTION + ".");
            for (Map.Entry<String, Path> dir : request.directories().entrySet()) {
                risk(dir.getValue(), Path.of("").toAbsolutePath().normalize(), home())
                        .ifPresent(risk -> lines.add("warning: " + request.directoryPath(dir.getKey()) + ": " + risk));
            }
        }
        return lines;
    }

    /** What is wrong with writing code files in {@code dir}, if anything. */
    static Optional<String> risk(Path dir, Path currentDir, Path home) {
        String writes = "; code run from this config would write its files there.";
        if (SYSTEM_ROOTS.contains(dir) || SYSTEM_TREES.stream().anyMatch(dir::startsWith)) {
            return Optional.of("'" + dir + "' is a system directory" + writes + " Use a directory of its own under the"
                    + " current one.");
        }
        if (dir.equals(home)) {
            return Optional.of("'" + dir + "' is your home directory" + writes + " Use a directory of its own under the"
                    + " current one.");
        }
        if (!dir.startsWith(currentDir)) {
            return Optional.of("'" + dir + "' is outside the current directory" + writes
                    + " Check that it is the directory you mean.");
        }
        return Optional.empty();
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home", "/")).toAbsolutePath().normalize();
    }

    private static Set<Path> paths(String... paths) {
        return Set.of(java.util.Arrays.stream(paths).map(Path::of).toArray(Path[]::new));
    }
}
