package dev.canopy.partners;

import java.time.Instant;
import java.util.UUID;

/** A CSV import of partners and how far it got. */
public record ImportView(
        UUID id,
        String fileName,
        Status status,
        int totalRows,
        int processed,
        int imported,
        int rejected,
        String failure,
        String createdBy,
        Instant createdAt,
        Instant finishedAt) {

    public enum Status {
        RUNNING,
        DONE,
        FAILED
    }

    /** 0 to 100, for the progress bar. */
    public int percent() {
        return totalRows == 0 ? (status == Status.RUNNING ? 0 : 100) : Math.min(100, processed * 100 / totalRows);
    }
}
