package dev.canopy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** A temporary folder removed with everything in it, for try-with-resources. */
public final class TemporaryFolders {

    private TemporaryFolders() {}

    public static AutoCloseable deletedOnClose(Path folder) {
        return () -> {
            if (folder == null || !Files.exists(folder)) {
                return;
            }
            try (var paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        };
    }
}
