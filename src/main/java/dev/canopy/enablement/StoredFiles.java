package dev.canopy.enablement;

import dev.canopy.enablement.internal.ContentStore;
import dev.canopy.enablement.internal.FileInspector;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.WorkspaceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The content library's file store lent to other modules (MDF receipts): a file is stored, its type read from its
 * bytes and checked against what the caller takes, and removed again when the caller's transaction rolls back.
 */
@Service
public class StoredFiles {

    /** A stored file: its opaque key, the name it was sent with, its real type and size. */
    public record StoredFile(String key, String fileName, String contentType, long sizeBytes) {}

    private final ContentStore store;
    private final FileInspector inspector;

    StoredFiles(ContentStore store, FileInspector inspector) {
        this.store = store;
        this.inspector = inspector;
    }

    /**
     * Stores {@code file} if it is one of {@code types} and at most {@code limit} bytes; refused with {@code field}
     * named. Call it inside the transaction that records the key.
     */
    public StoredFile store(WorkspaceId workspace, Upload file, String field, Set<String> types, long limit) {
        String name = file.fileName() == null ? "" : file.fileName().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException(field, "Attach the file (a name of at most 200 characters)");
        }
        ContentStore.Stored stored;
        try (InputStream in = file.open()) {
            stored = store.put(workspace, in, limit);
        } catch (ContentStore.TooLargeException e) {
            throw new InvalidInputException(field, "Attach at most " + limit / (1024 * 1024) + " MB");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (stored.sizeBytes() == 0) {
                throw new InvalidInputException(field, "The file is empty");
            }
            String type;
            try {
                type = inspector.inspect(stored.path(), name).contentType();
            } catch (InvalidInputException e) {
                throw new InvalidInputException(field, e.problems().getFirst().message());
            }
            if (!types.contains(type)) {
                throw new InvalidInputException(field, "This kind of file (" + type + ") is not taken here");
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        store.delete(stored.key());
                    }
                }
            });
            return new StoredFile(stored.key(), name, type, stored.sizeBytes());
        } catch (RuntimeException e) {
            store.delete(stored.key());
            throw e;
        }
    }

    public Resource open(String key) {
        return store.get(key);
    }
}
