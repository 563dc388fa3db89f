package dev.canopy.enablement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.shared.WorkspaceId;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store keeps a file whole or not at all: one byte over the limit leaves nothing behind, not even a part. */
class FileSystemContentStoreKeepsOnlyWholeFiles {

    @TempDir
    Path root;

    @Test
    void aFileOverTheLimitLeavesNothingAndOneAtTheLimitIsKeptWithItsDigest() throws Exception {
        FileSystemContentStore store = new FileSystemContentStore(root);
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());

        assertThatThrownBy(() -> store.put(workspace, new ByteArrayInputStream(new byte[11]), 10))
                .isInstanceOf(ContentStore.TooLargeException.class);
        try (var files = Files.list(root.resolve(workspace.value().toString()))) {
            assertThat(files).isEmpty();
        }

        ContentStore.Stored stored = store.put(workspace, new ByteArrayInputStream("abc".getBytes()), 3);
        assertThat(stored.sizeBytes()).isEqualTo(3);
        assertThat(stored.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(store.get(stored.key()).getContentAsByteArray()).isEqualTo("abc".getBytes());
        store.delete(stored.key());
        assertThat(store.get(stored.key()).exists()).isFalse();
    }
}
