package dev.canopy.imports;

import dev.canopy.imports.internal.ColumnMatching;
import dev.canopy.imports.internal.ImportFile;
import dev.canopy.imports.internal.Importer;
import dev.canopy.imports.internal.Launcher;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor's own CSV of customers or deals, from a CRM or billing system with its own column names: uploaded, its
 * columns matched to Canopy's fields (guessed from the headers), then imported like a PRM's export.
 */
@Service
public class OwnCsvImports {

    private final Launcher launcher;
    private final Imports imports;

    OwnCsvImports(Launcher launcher, Imports imports) {
        this.launcher = launcher;
        this.imports = imports;
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
    public ImportRun upload(RecordKind kind, UUID program, Imports.Upload file, boolean dryRun) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (kind != RecordKind.CUSTOMERS && kind != RecordKind.DEALS) {
            problems.add(new InvalidInputException.FieldProblem("kind", "Choose customers or deals"));
        }
        launcher.checkProgram(program, problems);
        String text = null;
        int rows = 0;
        try {
            if (file == null || file.content() == null || file.content().length == 0) {
                throw new InvalidInputException("file", "Choose a CSV file");
            }
            text = Texts.utf8(file.content(), "file");
            rows = ImportFile.parse(text).size();
            if (rows == 0 || rows > Imports.MAX_ROWS) {
                throw new InvalidInputException(
                        "file", "Give a file of 1 to " + String.format("%,d", Imports.MAX_ROWS) + " rows");
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
        Instant now = launcher.now();
        launcher.runs()
                .insert(
                        launcher.workspace(),
                        id,
                        ImportSource.CSV,
                        program,
                        dryRun,
                        ImportRun.Status.MAPPING,
                        Map.of(kind, Launcher.fileName(file.fileName(), kind)),
                        Map.of(kind, text),
                        Map.of(kind, rows),
                        launcher.actor(),
                        now,
                        now);
        return imports.get(id);
    }

    /** The uploaded file's headers and first rows, and Canopy's fields with the column each looks like. */
    @Transactional(readOnly = true)
    public Columns columns(UUID id) {
        ImportRun run = waitingForColumns(id);
        Map.Entry<RecordKind, String[]> file =
                launcher.runs().files(id).entrySet().iterator().next();
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
                columns.kind(), ImportFile.parse(launcher.runs().files(id).get(columns.kind())[1]), clean);
        launcher.runs()
                .matched(
                        launcher.workspace(),
                        id,
                        columns.kind(),
                        content,
                        launcher.now().plus(Importer.CLAIM));
        launcher.start(
                id,
                columns.run().dryRun(),
                Map.of("source", ImportSource.CSV.name(), "columns", clean),
                () -> launcher.importer().run(id));
        return imports.get(id);
    }

    private ImportRun waitingForColumns(UUID id) {
        ImportRun run = imports.get(id);
        if (run.status() != ImportRun.Status.MAPPING) {
            throw new ConflictException("id", "This import's columns are matched already");
        }
        return run;
    }
}
