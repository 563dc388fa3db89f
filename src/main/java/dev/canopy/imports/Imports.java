package dev.canopy.imports;

import dev.canopy.audit.AuditLog;
import dev.canopy.imports.internal.ApiFetcher;
import dev.canopy.imports.internal.ColumnMatching;
import dev.canopy.imports.internal.Formats;
import dev.canopy.imports.internal.ImportFile;
import dev.canopy.imports.internal.ImportRunTable;
import dev.canopy.imports.internal.Importer;
import dev.canopy.imports.internal.SourceApis;
import dev.canopy.platform.CsvCells;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.Programs;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.Imported;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.Texts;
import dev.canopy.shared.WorkspaceId;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Imports from another PRM: the vendor uploads the source's exports (partners, links, customers, commissions; any
 * of them), rehearses the import with a dry run, and runs it for real, in the background with a progress bar. Each
 * record's outcome — created, updated, unchanged or refused with the reason — is kept for the report.
 */
@Service
public class Imports {

    /** The most rows of one file; a bigger export is split. */
    public static final int MAX_ROWS = 250_000;

    /** One uploaded file. */
    public record Upload(String fileName, byte[] content) {}

    private final ImportRunTable runs;
    private final Importer importer;
    private final ApiFetcher fetcher;
    private final Programs programs;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final TaskExecutor executor;
    private final Clock clock;

    Imports(
            ImportRunTable runs,
            Importer importer,
            ApiFetcher fetcher,
            Programs programs,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Clock clock) {
        this.runs = runs;
        this.importer = importer;
        this.fetcher = fetcher;
        this.programs = programs;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.executor = executor;
        this.clock = clock;
    }

    /** Checks every file has the source's shape for its kind, and starts the run in the background. */
    @Transactional
    public ImportRun start(ImportSource source, UUID program, Map<RecordKind, Upload> uploads, boolean dryRun) {
        WorkspaceId workspace = currentWorkspace.id();
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (source == null) {
            problems.add(new InvalidInputException.FieldProblem("source", "Choose the system you are moving from"));
        }
        if (program == null
                || programs.all(workspace).stream()
                        .noneMatch(p -> p.id().value().equals(program))) {
            problems.add(new InvalidInputException.FieldProblem("program", "Choose the programme to import into"));
        }
        Map<RecordKind, String> names = new EnumMap<>(RecordKind.class);
        Map<RecordKind, String> contents = new EnumMap<>(RecordKind.class);
        Map<RecordKind, Integer> rows = new EnumMap<>(RecordKind.class);
        for (Map.Entry<RecordKind, Upload> upload : uploads.entrySet()) {
            Upload file = upload.getValue();
            if (file == null || file.content() == null || file.content().length == 0) {
                continue;
            }
            String field = upload.getKey().name().toLowerCase(java.util.Locale.ROOT);
            try {
                String text = Texts.utf8(file.content(), field);
                ImportFile parsed = ImportFile.parse(text);
                Formats.Format format = source == null ? null : Formats.of(source, upload.getKey());
                if (source != null && format == null) {
                    throw new InvalidInputException(
                            field,
                            source.label() + " has no "
                                    + upload.getKey().label().toLowerCase(java.util.Locale.ROOT) + " export");
                }
                if (format != null) {
                    List<String> missing = parsed.missing(format);
                    if (!missing.isEmpty()) {
                        throw new InvalidInputException(
                                field,
                                "This is not a " + source.label() + " "
                                        + upload.getKey().label().toLowerCase(java.util.Locale.ROOT)
                                        + " export: it has no column " + String.join(", ", missing));
                    }
                }
                if (parsed.size() == 0 || parsed.size() > MAX_ROWS) {
                    throw new InvalidInputException(
                            field, "Give a file of 1 to " + String.format("%,d", MAX_ROWS) + " rows");
                }
                names.put(upload.getKey(), fileName(file.fileName(), upload.getKey()));
                contents.put(upload.getKey(), text);
                rows.put(upload.getKey(), parsed.size());
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInputException.FieldProblem(field, e.getMessage()));
            }
        }
        if (problems.isEmpty() && contents.isEmpty()) {
            problems.add(new InvalidInputException.FieldProblem("partners", "Choose at least one file to import"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!dryRun && runs.realRunUnderWay(workspace)) {
            throw new ConflictException("source", "An import is under way; start the next one when it has ended");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        runs.insert(
                workspace,
                id,
                source,
                program,
                dryRun,
                names,
                contents,
                rows,
                currentWorkspace.actor().name(),
                now,
                now.plus(Importer.CLAIM));
        audit.record(
                dryRun ? "imports.rehearsal_started" : "imports.started",
                "import",
                id,
                null,
                Map.of("source", source.name(), "rows", rows));
        afterCommit(() -> executor.execute(() -> importer.run(id)));
        return get(id);
    }

    /** What a source's API needs besides the key: its label on the form, or null when nothing. */
    private static String accountLabel(ImportSource source) {
        return switch (source) {
            case FIRSTPROMOTER -> "Account ID";
            case TOLT, DUB -> "Program ID";
            case PARTNERSTACK, REWARDFUL, CSV -> null;
        };
    }

    /**
     * Checks the key on the source's API at once (a wrong one is named on the form), then fetches every record in
     * the background and imports them like uploaded exports. The key is used for the fetch and kept nowhere.
     */
    @Transactional
    public ImportRun startFromApi(
            ImportSource source, UUID program, String key, String secret, String account, boolean dryRun) {
        WorkspaceId workspace = currentWorkspace.id();
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (source == null || source == ImportSource.CSV) {
            problems.add(new InvalidInputException.FieldProblem("source", "Choose the system you are moving from"));
        }
        if (program == null
                || programs.all(workspace).stream()
                        .noneMatch(p -> p.id().value().equals(program))) {
            problems.add(new InvalidInputException.FieldProblem("program", "Choose the programme to import into"));
        }
        String cleanKey = credential(problems, "key", key, true, "Paste the API key");
        String cleanSecret = credential(
                problems,
                "secret",
                secret,
                source == ImportSource.PARTNERSTACK,
                "PartnerStack needs its secret key too");
        String cleanAccount = credential(
                problems,
                "account",
                account,
                source != null && accountLabel(source) != null,
                source == null ? "" : source.label() + " needs the " + accountLabel(source));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!dryRun && runs.realRunUnderWay(workspace)) {
            throw new ConflictException("source", "An import is under way; start the next one when it has ended");
        }
        SourceApis.Credentials credentials = new SourceApis.Credentials(cleanKey, cleanSecret, cleanAccount);
        fetcher.check(source, credentials);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        runs.insertFetching(
                workspace, id, source, program, dryRun, currentWorkspace.actor().name(), now, now.plus(Importer.CLAIM));
        audit.record(
                dryRun ? "imports.rehearsal_started" : "imports.started",
                "import",
                id,
                null,
                Map.of("source", source.name(), "from", "api"));
        afterCommit(() -> executor.execute(() -> importer.fetchThenRun(id, source, credentials)));
        return get(id);
    }

    private static String credential(
            List<InvalidInputException.FieldProblem> problems,
            String field,
            String value,
            boolean required,
            String missing) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            if (required) {
                problems.add(new InvalidInputException.FieldProblem(field, missing));
            }
            return null;
        }
        if (clean.length() > 500 || !clean.matches("[\\x21-\\x7e]+")) {
            problems.add(
                    new InvalidInputException.FieldProblem(field, "Paste it as the source shows it, without spaces"));
        }
        return clean;
    }

    /** What the column-matching page shows: the file's headers, Canopy's fields with a guess each, a few rows. */
    public record Columns(
            ImportRun run,
            RecordKind kind,
            List<String> headers,
            List<ColumnMatching.Target> targets,
            Map<String, String> guesses,
            List<Map<String, String>> preview) {}

    /** The vendor's own CSV of customers or deals, kept until its columns are matched ({@link #match}). */
    @Transactional
    public ImportRun upload(RecordKind kind, UUID program, Upload file, boolean dryRun) {
        WorkspaceId workspace = currentWorkspace.id();
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (kind != RecordKind.CUSTOMERS && kind != RecordKind.DEALS) {
            problems.add(new InvalidInputException.FieldProblem("kind", "Choose customers or deals"));
        }
        if (program == null
                || programs.all(workspace).stream()
                        .noneMatch(p -> p.id().value().equals(program))) {
            problems.add(new InvalidInputException.FieldProblem("program", "Choose the programme to import into"));
        }
        String text = null;
        int rows = 0;
        try {
            if (file == null || file.content() == null || file.content().length == 0) {
                throw new InvalidInputException("file", "Choose a CSV file");
            }
            text = Texts.utf8(file.content(), "file");
            rows = ImportFile.parse(text).size();
            if (rows == 0 || rows > MAX_ROWS) {
                throw new InvalidInputException(
                        "file", "Give a file of 1 to " + String.format("%,d", MAX_ROWS) + " rows");
            }
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInputException.FieldProblem("file", e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        runs.insert(
                workspace,
                id,
                ImportSource.CSV,
                program,
                dryRun,
                ImportRun.Status.MAPPING,
                Map.of(kind, fileName(file.fileName(), kind)),
                Map.of(kind, text),
                Map.of(kind, rows),
                currentWorkspace.actor().name(),
                now,
                now);
        return get(id);
    }

    /** The uploaded file's headers and first rows, and Canopy's fields with the column each looks like. */
    @Transactional(readOnly = true)
    public Columns columns(UUID id) {
        ImportRun run = waitingForColumns(id);
        Map.Entry<RecordKind, String[]> file =
                runs.files(id).entrySet().iterator().next();
        ImportFile parsed = ImportFile.parse(file.getValue()[1]);
        return new Columns(
                run,
                file.getKey(),
                parsed.header(),
                ColumnMatching.targets(file.getKey()),
                ColumnMatching.guess(file.getKey(), parsed.header()),
                parsed.records().subList(0, Math.min(5, parsed.size())));
    }

    /**
     * Matches Canopy's fields to the file's columns ({@code field → header}; a blank header leaves the field out) and
     * starts the run. Every required field must be matched, and no column twice.
     */
    @Transactional
    public ImportRun match(UUID id, Map<String, String> matched) {
        Columns columns = columns(id);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        Map<String, String> clean = new java.util.HashMap<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (ColumnMatching.Target target : columns.targets()) {
            String header = matched.get(target.column());
            if (header == null || header.isBlank()) {
                if (target.required()) {
                    problems.add(
                            new InvalidInputException.FieldProblem(target.column(), "Choose the column that holds it"));
                }
            } else if (!columns.headers().contains(header)) {
                problems.add(
                        new InvalidInputException.FieldProblem(target.column(), "The file has no column " + header));
            } else if (!used.add(header)) {
                problems.add(new InvalidInputException.FieldProblem(
                        target.column(), "The column " + header + " is matched twice"));
            } else {
                clean.put(target.column(), header);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String content = ColumnMatching.rewrite(
                columns.kind(), ImportFile.parse(runs.files(id).get(columns.kind())[1]), clean);
        runs.matched(
                currentWorkspace.id(),
                id,
                columns.kind(),
                content,
                clock.instant().plus(Importer.CLAIM));
        audit.record(
                columns.run().dryRun() ? "imports.rehearsal_started" : "imports.started",
                "import",
                id,
                null,
                Map.of("source", ImportSource.CSV.name(), "columns", clean));
        afterCommit(() -> executor.execute(() -> importer.run(id)));
        return get(id);
    }

    private ImportRun waitingForColumns(UUID id) {
        ImportRun run = get(id);
        if (run.status() != ImportRun.Status.MAPPING) {
            throw new ConflictException("id", "This import's columns are matched already");
        }
        return run;
    }

    /** Runs for real what a dry run rehearsed, from the same files. */
    @Transactional
    public ImportRun confirm(UUID dryRun) {
        ImportRun rehearsal = get(dryRun);
        if (!rehearsal.dryRun() || rehearsal.status() != ImportRun.Status.DONE) {
            throw new ConflictException("id", "Only a finished dry run can be run for real");
        }
        Map<RecordKind, Upload> uploads = new EnumMap<>(RecordKind.class);
        runs.files(dryRun)
                .forEach((kind, file) -> uploads.put(
                        kind, new Upload(file[0], file[1].getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return start(rehearsal.source(), rehearsal.programId(), uploads, false);
    }

    public ImportRun get(UUID id) {
        return runs.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Import"));
    }

    public List<ImportRun> recent() {
        return runs.recent(currentWorkspace.id(), 50);
    }

    /** One record's outcome, as the run page and the report show it. */
    public record Outcome(RecordKind kind, long line, String sourceId, Imported.Outcome outcome, String reason) {}

    /** The refused, updated and noted records of a run, in file order, at most {@code limit}. */
    public List<Outcome> notable(UUID id, int limit) {
        get(id);
        return runs.outcomes(currentWorkspace.id(), id, true, limit).stream()
                .map(o -> new Outcome(o.kind(), o.line(), o.externalId(), o.outcome(), o.reason()))
                .toList();
    }

    /** Every record's outcome as CSV: file, line, the source's id, outcome, reason. */
    @Transactional(readOnly = true)
    public String report(UUID id) {
        get(id);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord("file", "line", "source_id", "outcome", "reason");
            runs.eachOutcome(currentWorkspace.id(), id, o -> {
                try {
                    printer.printRecord(
                            o.kind().name().toLowerCase(java.util.Locale.ROOT),
                            o.line(),
                            CsvCells.text(o.externalId()),
                            o.outcome().name().toLowerCase(java.util.Locale.ROOT),
                            CsvCells.text(o.reason()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String fileName(String given, RecordKind kind) {
        String name = given == null || given.isBlank()
                ? kind.name().toLowerCase(java.util.Locale.ROOT) + ".csv"
                : given.strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static void afterCommit(Runnable task) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                task.run();
            }
        });
    }
}
