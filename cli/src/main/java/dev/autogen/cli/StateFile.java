package dev.autogen.cli;

import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** The {@code --state-out} file: a saved state, replaced whole on each write so a reader never sees half of one. */
final class StateFile {
    private StateFile() {
    }

    /**
     * Writes {@code state} to {@code file} through a temporary file moved into place.
     *
     * @throws CliException (run failure) if the file cannot be written
     */
    static void write(Path file, Map<String, Object> state) {
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, AutogenJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(state) + "\n");
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CliException(CliException.RUN_FAILURE, "autogen: cannot write state file '" + file + "': "
                    + CliException.describe(e) + ". Check that its folder exists and is writable.");
        }
    }
}
