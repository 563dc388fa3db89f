package dev.canopy.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An import as its page shows it: what it reads, how far it is, and what became of the records so far. */
public record ImportRun(
        UUID id,
        ImportSource source,
        UUID programId,
        boolean dryRun,
        boolean fromApi,
        Status status,
        @Nullable RecordKind phase,
        int total,
        int processed,
        int created,
        int updated,
        int unchanged,
        int refused,
        @Nullable String error,
        String createdBy,
        Instant createdAt,
        @Nullable Instant finishedAt,
        List<FileView> files) {

    public enum Status {
        MAPPING,
        FETCHING,
        RUNNING,
        DONE,
        FAILED
    }

    /** One uploaded file of the run. */
    public record FileView(RecordKind kind, String fileName, int rows) {}

    public int percent() {
        return total == 0 ? 100 : (int) Math.floor(100.0 * processed / total);
    }

    public boolean running() {
        return status == Status.RUNNING || status == Status.FETCHING;
    }
}
