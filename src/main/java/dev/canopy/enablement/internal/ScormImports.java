package dev.canopy.enablement.internal;

import dev.canopy.enablement.LessonView;
import dev.canopy.enablement.Upload;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.WorkspaceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * SCORM packages as lessons play them: the uploaded zip is kept only while it is checked and unpacked
 * ({@link ScormPackage}) into a folder of its own in the content store, which a rolled-back lesson removes again.
 */
@Component
public class ScormImports {

    private final ContentStore store;
    private final long maxZipBytes;
    private final ScormPackage.Limits limits;

    ScormImports(
            ContentStore store,
            @Value("${canopy.content.max-file-size:200MB}") DataSize maxZip,
            @Value("${canopy.content.max-package-size:500MB}") DataSize maxUnpacked) {
        this.store = store;
        this.maxZipBytes = maxZip.toBytes();
        this.limits = new ScormPackage.Limits(maxUnpacked.toBytes(), 10_000, 100);
    }

    /** Checks and unpacks {@code zip}; the folder goes again unless the calling transaction commits. */
    public LessonView.ScormInfo unpack(WorkspaceId workspace, Upload zip) {
        ContentStore.Stored stored;
        try (InputStream in = zip.open()) {
            stored = store.put(workspace, in, maxZipBytes);
        } catch (ContentStore.TooLargeException e) {
            throw new InvalidInputException(
                    "file",
                    "Upload a package of at most "
                            + DataSize.ofBytes(maxZipBytes).toMegabytes() + " MB");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = UUID.randomUUID().toString();
        String folder = folder(key);
        try {
            Path target = store.newFolder(workspace, folder);
            ScormPackage.Manifest manifest = ScormPackage.unpack(stored.path(), target, limits);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        store.deleteFolder(workspace, folder);
                    }
                }
            });
            return new LessonView.ScormInfo(manifest.version().name(), key, manifest.launch());
        } catch (IOException e) {
            store.deleteFolder(workspace, folder);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            store.deleteFolder(workspace, folder);
            throw e;
        } finally {
            store.delete(stored.key());
        }
    }

    /** A file of the package served under {@code key}; empty for anything outside it. */
    public Optional<Resource> file(WorkspaceId workspace, String key, String path) {
        return store.inFolder(workspace, folder(key), path);
    }

    private static String folder(String key) {
        return "scorm-" + key;
    }
}
