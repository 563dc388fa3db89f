package dev.canopy.enablement.internal;

import dev.canopy.platform.Sha256;
import dev.canopy.shared.WorkspaceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.PathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Files under {@code canopy.content.directory} (default {@code data/content} beside where Canopy runs; point every
 * node at one shared directory), one folder per workspace. A file is written to a temporary name and moved into
 * place, so that a reader never sees half of one.
 */
@Component
class FileSystemContentStore implements ContentStore {

    private final Path root;

    FileSystemContentStore(@Value("${canopy.content.directory:data/content}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Stored put(WorkspaceId workspace, InputStream bytes, long limit) throws IOException {
        Path folder = Files.createDirectories(root.resolve(workspace.value().toString()));
        String name = UUID.randomUUID().toString();
        Path partial = folder.resolve(name + ".partial");
        MessageDigest sha256 = Sha256.digest();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = bytes.read(buffer)) != -1; ) {
                size += read;
                if (size > limit) {
                    throw new TooLargeException(limit);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Path target = folder.resolve(name);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        String key = workspace.value() + "/" + name;
        return new Stored(key, size, HexFormat.of().formatHex(sha256.digest()), target);
    }

    @Override
    public Resource get(String key) {
        return new PathResource(path(key));
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path newFolder(WorkspaceId workspace, String name) throws IOException {
        Path folder = folder(workspace, name);
        Files.createDirectories(folder.getParent());
        return Files.createDirectory(folder);
    }

    @Override
    public Optional<Resource> inFolder(WorkspaceId workspace, String folder, String path) {
        Path base = folder(workspace, folder);
        Path file = base.resolve(path).normalize();
        if (!file.startsWith(base) || file.equals(base) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new PathResource(file));
    }

    @Override
    public void deleteFolder(WorkspaceId workspace, String folder) {
        Path base = folder(workspace, folder);
        if (!Files.exists(base)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(base)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path folder(WorkspaceId workspace, String name) {
        if (!name.matches("[a-z0-9-]{1,80}")) {
            throw new IllegalArgumentException("Not a folder name: " + name);
        }
        return root.resolve(workspace.value().toString()).resolve(name);
    }

    /** Keys are made here (workspace/uuid); one that leads outside the root is a bug, never a file. */
    private Path path(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Not a content key: " + key);
        }
        return path;
    }
}
