package dev.canopy.enablement.internal;

import dev.canopy.shared.WorkspaceId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.springframework.core.io.Resource;

/**
 * Where the bytes of file assets live, apart from the database: keys are opaque, and a stored file never changes
 * (a new version is a new key). {@link FileSystemContentStore} is the one Canopy ships; a shared directory serves
 * several nodes.
 */
public interface ContentStore {

    /** A file written in full, its key, size and SHA-256; the stream is read to its end, or up to {@code limit}+1. */
    record Stored(String key, long sizeBytes, String sha256, Path path) {}

    /**
     * Writes {@code bytes}, refusing (with nothing kept) anything longer than {@code limit} bytes.
     *
     * @throws TooLargeException when the stream holds more than {@code limit} bytes
     */
    Stored put(WorkspaceId workspace, InputStream bytes, long limit) throws IOException;

    Resource get(String key);

    void delete(String key);

    /** An empty folder of the workspace's, for a file's unpacked contents (a SCORM package). */
    Path newFolder(WorkspaceId workspace, String name) throws IOException;

    /** A file inside a folder made by {@link #newFolder}; empty when {@code path} would lead outside it. */
    java.util.Optional<Resource> inFolder(WorkspaceId workspace, String folder, String path);

    /** Removes a folder made by {@link #newFolder}, with everything in it. */
    void deleteFolder(WorkspaceId workspace, String folder);

    /** A stream longer than the store accepts; nothing of it was kept. */
    final class TooLargeException extends IOException {
        public TooLargeException(long limit) {
            super("Longer than " + limit + " bytes");
        }
    }
}
