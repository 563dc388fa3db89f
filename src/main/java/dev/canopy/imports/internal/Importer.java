package dev.canopy.imports.internal;

import dev.canopy.audit.AuditLog;
import dev.canopy.imports.ImportRun;
import dev.canopy.imports.ImportSource;
import dev.canopy.imports.RecordKind;
import dev.canopy.imports.internal.Formats.Field;
import dev.canopy.shared.Actor;
import dev.canopy.shared.Imported;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works on one run: partners, then links, customers and commissions, a batch of rows per transaction with the
 * run's position, so a run cut short resumes after its last committed batch and a re-run stores nothing twice (every
 * record's id is derived from the source's). A dry run does the very same work in one transaction that is rolled
 * back, so what it reports is what the real run will do.
 */
@Component
public class Importer {

    static final int BATCH = 1000;

    /** How long a node keeps a run without pushing its claim forward before another takes it over. */
    public static final Duration CLAIM = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    private final ImportRunTable runs;
    private final Records records;
    private final ApiFetcher fetcher;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final TransactionTemplate separately;
    private final Clock clock;

    Importer(
            ImportRunTable runs,
            Records records,
            ApiFetcher fetcher,
            AuditLog audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.runs = runs;
        this.records = records;
        this.fetcher = fetcher;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** A run being worked on: where it stands and its files, read once. */
    public static final class Cursor {
        private final ImportRunTable.Work work;
        private final Map<RecordKind, ImportFile> files;
        private RecordKind phase;
        private int position;

        Cursor(ImportRunTable.Work work, Map<RecordKind, ImportFile> files) {
            this.work = work;
            this.files = files;
            this.phase = work.phase();
            this.position = work.position();
        }

        /** Moves past finished files; false when every file is done. */
        boolean settle() {
            while (position >= rows(phase)) {
                if (phase.ordinal() == RecordKind.values().length - 1) {
                    return false;
                }
                phase = RecordKind.values()[phase.ordinal() + 1];
                position = 0;
            }
            return true;
        }

        private int rows(RecordKind kind) {
            ImportFile file = files.get(kind);
            return file == null ? 0 : file.size();
        }
    }

    /** Works on a run this node has claimed until it ends; a failure ends it with the reason. */
    public void run(UUID id) {
        try {
            Cursor cursor = open(id);
            if (cursor == null) {
                return;
            }
            if (cursor.work.dryRun()) {
                rehearse(cursor);
            } else {
                while (step(cursor)) {
                    // one batch per transaction
                }
            }
            finish(cursor.work, ImportRun.Status.DONE, null);
        } catch (RuntimeException e) {
            log.error("Import {} failed", id, e);
            runs.work(id)
                    .ifPresent(work -> finish(work, ImportRun.Status.FAILED, "The import stopped: " + e.getMessage()));
        }
    }

    /** Fetches a run's records from the source's API with the vendor's key, then imports them. */
    public void fetchThenRun(UUID id, ImportSource source, SourceApis.Credentials credentials) {
        try {
            Map<RecordKind, String> contents = fetcher.fetch(
                    source,
                    credentials,
                    n -> runs.fetched(id, n, clock.instant().plus(CLAIM)));
            Map<RecordKind, String> names = new EnumMap<>(RecordKind.class);
            Map<RecordKind, Integer> rows = new EnumMap<>(RecordKind.class);
            contents.forEach((kind, csv) -> {
                names.put(
                        kind,
                        source.name().toLowerCase(Locale.ROOT) + "-api-"
                                + kind.name().toLowerCase(Locale.ROOT) + ".csv");
                rows.put(kind, ImportFile.parse(csv).size());
            });
            transactions.executeWithoutResult(tx -> runs.fetchedAll(id, names, contents, rows));
        } catch (RuntimeException e) {
            log.warn("Fetching import {} from {} failed", id, source, e);
            runs.work(id)
                    .ifPresent(work -> finish(
                            work,
                            ImportRun.Status.FAILED,
                            "Fetching from " + source.label() + " failed: " + e.getMessage()));
            return;
        }
        run(id);
    }

    /** The run as it stands, its files read; null when it has ended. */
    public @Nullable Cursor open(UUID id) {
        ImportRunTable.Work work = runs.work(id).orElse(null);
        if (work == null) {
            return null;
        }
        if (work.dryRun() && (work.position() > 0 || work.phase() != RecordKind.PARTNERS)) {
            runs.restart(id); // nothing of a dry run cut short lasted
            work = runs.work(id).orElseThrow();
        }
        Map<RecordKind, ImportFile> files = new EnumMap<>(RecordKind.class);
        runs.files(id).forEach((kind, file) -> files.put(kind, ImportFile.parse(file[1])));
        return new Cursor(work, files);
    }

    /** Imports the next batch of a real run in one transaction with its position; false when nothing is left. */
    public boolean step(Cursor cursor) {
        if (!cursor.settle()) {
            return false;
        }
        transactions.executeWithoutResult(status -> {
            List<ImportRunTable.Outcome> outcomes = batch(cursor);
            runs.insertOutcomes(cursor.work.id(), outcomes);
            runs.advance(
                    cursor.work.id(),
                    cursor.phase,
                    cursor.position,
                    ImportRunTable.Counts.of(outcomes),
                    outcomes.size(),
                    clock.instant().plus(CLAIM));
        });
        return cursor.settle();
    }

    /** The whole run in one transaction rolled back at the end; progress is written beside it as it goes. */
    private void rehearse(Cursor cursor) {
        List<ImportRunTable.Outcome> all = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            while (cursor.settle()) {
                List<ImportRunTable.Outcome> outcomes = batch(cursor);
                all.addAll(outcomes);
                separately.executeWithoutResult(progress -> runs.advance(
                        cursor.work.id(),
                        cursor.phase,
                        cursor.position,
                        ImportRunTable.Counts.of(outcomes),
                        outcomes.size(),
                        clock.instant().plus(CLAIM)));
            }
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < all.size(); i += BATCH) {
                runs.insertOutcomes(cursor.work.id(), all.subList(i, Math.min(all.size(), i + BATCH)));
            }
        });
    }

    private List<ImportRunTable.Outcome> batch(Cursor cursor) {
        ImportRunTable.Work work = cursor.work;
        Formats.Format format = Formats.of(work.source(), cursor.phase);
        List<ImportFile.Row> rows =
                cursor.files.get(cursor.phase).rows(format, cursor.position, cursor.position + BATCH);
        Instant now = clock.instant();
        List<Imported> outcomes = records.store(work, cursor.phase, rows, now);
        cursor.position += rows.size();
        List<ImportRunTable.Outcome> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String sourceId = rows.get(i).get(Field.ID);
            result.add(new ImportRunTable.Outcome(
                    cursor.phase,
                    rows.get(i).line(),
                    sourceId,
                    outcomes.get(i).outcome(),
                    outcomes.get(i).reason()));
        }
        return result;
    }

    private void finish(ImportRunTable.Work work, ImportRun.Status status, @Nullable String error) {
        transactions.executeWithoutResult(tx -> {
            runs.finish(work.id(), status, error, clock.instant());
            audit.record(
                    work.workspace(),
                    Actor.system(),
                    work.dryRun() ? "imports.rehearsed" : "imports.finished",
                    "import",
                    work.id(),
                    null,
                    Map.of("status", status.name(), "source", work.source().name()));
        });
    }
}
