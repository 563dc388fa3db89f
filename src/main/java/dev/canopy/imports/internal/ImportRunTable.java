package dev.canopy.imports.internal;

import dev.canopy.imports.ImportRun;
import dev.canopy.imports.ImportSource;
import dev.canopy.imports.RecordKind;
import dev.canopy.shared.Imported;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import runs, the files they read, and what became of each record. */
@Repository
public class ImportRunTable {

    /** What a node needs to work on a run. */
    public record Work(
            UUID id,
            WorkspaceId workspace,
            ImportSource source,
            UUID program,
            boolean dryRun,
            RecordKind phase,
            int position) {}

    /** The outcome of one record, for the report. */
    public record Outcome(RecordKind kind, long line, String externalId, Imported.Outcome outcome, String reason) {}

    /** How many records each outcome had in one batch. */
    public record Counts(int created, int updated, int unchanged, int refused) {

        public static Counts of(List<Outcome> outcomes) {
            int[] n = new int[4];
            outcomes.forEach(o -> n[o.outcome().ordinal()]++);
            return new Counts(n[0], n[1], n[2], n[3]);
        }
    }

    private final JdbcClient db;

    ImportRunTable(JdbcClient db) {
        this.db = db;
    }

    /** A run in {@code status}: RUNNING to start at once, MAPPING to wait for its columns to be matched. */
    public void insert(
            WorkspaceId workspace,
            UUID id,
            ImportSource source,
            UUID program,
            boolean dryRun,
            ImportRun.Status status,
            Map<RecordKind, String> names,
            Map<RecordKind, String> contents,
            Map<RecordKind, Integer> rows,
            String createdBy,
            Instant now,
            Instant claimedUntil) {
        int total = rows.values().stream().mapToInt(Integer::intValue).sum();
        db.sql("""
                        insert into imports_run (id, workspace_id, source, program_id, dry_run, status, phase, total,
                                                 created_by, created_at, claimed_until)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        workspace.value(),
                        source.name(),
                        program,
                        dryRun,
                        status.name(),
                        RecordKind.PARTNERS.name(),
                        total,
                        createdBy,
                        Timestamp.from(now),
                        Timestamp.from(claimedUntil))
                .update();
        insertFiles(id, names, contents, rows);
    }

    private void insertFiles(
            UUID run, Map<RecordKind, String> names, Map<RecordKind, String> contents, Map<RecordKind, Integer> rows) {
        for (RecordKind kind : contents.keySet()) {
            db.sql("insert into imports_file (run_id, kind, file_name, content, rows) values (?, ?, ?, ?, ?)")
                    .params(run, kind.name(), names.get(kind), contents.get(kind), rows.get(kind))
                    .update();
        }
    }

    /** A run that first fetches its records from the source's API; its files come when the fetch is done. */
    public void insertFetching(
            WorkspaceId workspace,
            UUID id,
            ImportSource source,
            UUID program,
            boolean dryRun,
            String createdBy,
            Instant now,
            Instant claimedUntil) {
        db.sql("""
                        insert into imports_run (id, workspace_id, source, program_id, dry_run, from_api, status, phase,
                                                 total, created_by, created_at, claimed_until)
                        values (?, ?, ?, ?, ?, true, 'FETCHING', 'PARTNERS', 0, ?, ?, ?)
                        """)
                .params(
                        id,
                        workspace.value(),
                        source.name(),
                        program,
                        dryRun,
                        createdBy,
                        Timestamp.from(now),
                        Timestamp.from(claimedUntil))
                .update();
    }

    /** How many records the fetch has read so far. */
    public void fetched(UUID run, int count, Instant claimedUntil) {
        db.sql("update imports_run set processed = ?, claimed_until = ? where id = ? and status = 'FETCHING'")
                .params(count, Timestamp.from(claimedUntil), run)
                .update();
    }

    /** The fetch is done: its files are the run's, and the import proper starts. */
    public void fetchedAll(
            UUID run, Map<RecordKind, String> names, Map<RecordKind, String> contents, Map<RecordKind, Integer> rows) {
        insertFiles(run, names, contents, rows);
        db.sql("update imports_run set status = 'RUNNING', processed = 0, total = ? where id = ?")
                .params(rows.values().stream().mapToInt(Integer::intValue).sum(), run)
                .update();
    }

    /** The columns of a run's own file are matched: the file in Canopy's columns replaces it, and the run starts. */
    public boolean matched(WorkspaceId workspace, UUID run, RecordKind kind, String content, Instant claimedUntil) {
        db.sql("update imports_file set content = ? where run_id = ? and kind = ?")
                .params(content, run, kind.name())
                .update();
        return db.sql("""
                        update imports_run set status = 'RUNNING', claimed_until = ?
                        where workspace_id = ? and id = ? and status = 'MAPPING'
                        """)
                        .params(Timestamp.from(claimedUntil), workspace.value(), run)
                        .update()
                == 1;
    }

    /** Uploads whose columns were never matched, made before {@code before}: gone, with their files. */
    public int forgetUnmatched(Instant before) {
        return db.sql("delete from imports_run where status = 'MAPPING' and created_at < ?")
                .param(Timestamp.from(before))
                .update();
    }

    /** Fetches whose node stopped: the key was never kept, so they cannot go on; answers how many ended. */
    public int failStaleFetches(Instant now) {
        return db.sql("""
                        update imports_run
                        set status = 'FAILED', finished_at = ?, claimed_until = null,
                            error = 'The fetch was cut short, and the API key is not kept: start the import again'
                        where status = 'FETCHING' and claimed_until < ?
                        """).params(Timestamp.from(now), Timestamp.from(now)).update();
    }

    public Optional<ImportRun> find(WorkspaceId workspace, UUID id) {
        return db.sql("select * from imports_run where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query(this::run)
                .optional();
    }

    public List<ImportRun> recent(WorkspaceId workspace, int limit) {
        return db.sql("select * from imports_run where workspace_id = ? order by created_at desc, id limit ?")
                .params(workspace.value(), limit)
                .query(this::run)
                .list();
    }

    /** Whether the workspace has a real (not dry) run under way. */
    public boolean realRunUnderWay(WorkspaceId workspace) {
        return db.sql("select exists (select 1 from imports_run where workspace_id = ? and status = 'RUNNING'"
                        + " and not dry_run)")
                .param(workspace.value())
                .query(Boolean.class)
                .single();
    }

    public Optional<Work> work(UUID id) {
        return db.sql("select * from imports_run where id = ? and status in ('FETCHING', 'RUNNING')")
                .param(id)
                .query((rs, n) -> new Work(
                        id,
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        ImportSource.valueOf(rs.getString("source")),
                        rs.getObject("program_id", UUID.class),
                        rs.getBoolean("dry_run"),
                        RecordKind.valueOf(rs.getString("phase")),
                        rs.getInt("position")))
                .optional();
    }

    /** The files of a run, by kind: name and content. */
    public Map<RecordKind, String[]> files(UUID run) {
        Map<RecordKind, String[]> files = new EnumMap<>(RecordKind.class);
        db.sql("select kind, file_name, content from imports_file where run_id = ?")
                .param(run)
                .query((rs, n) -> files.put(
                        RecordKind.valueOf(rs.getString("kind")),
                        new String[] {rs.getString("file_name"), rs.getString("content")}))
                .list();
        return files;
    }

    /** Takes over one run whose node stopped pushing its claim forward (it crashed); empty when none. */
    public Optional<UUID> claimStale(Instant now, Instant until) {
        return db.sql("""
                        update imports_run set claimed_until = ?
                        where id = (select id from imports_run where status = 'RUNNING' and claimed_until < ?
                                    order by created_at limit 1 for update skip locked)
                        returning id
                        """)
                .params(Timestamp.from(until), Timestamp.from(now))
                .query(UUID.class)
                .optional();
    }

    /** A batch is done: where the run stands now, and its outcomes counted. */
    public void advance(UUID run, RecordKind phase, int position, Counts counts, int processed, Instant until) {
        db.sql("""
                        update imports_run set phase = ?, position = ?, processed = processed + ?,
                          created = created + ?, updated = updated + ?, unchanged = unchanged + ?,
                          refused = refused + ?, claimed_until = ?
                        where id = ?
                        """)
                .params(
                        phase.name(),
                        position,
                        processed,
                        counts.created(),
                        counts.updated(),
                        counts.unchanged(),
                        counts.refused(),
                        Timestamp.from(until),
                        run)
                .update();
    }

    /** A dry run starts again from nothing: it wrote nothing that lasts. */
    public void restart(UUID run) {
        db.sql("delete from imports_outcome where run_id = ?").param(run).update();
        db.sql("""
                        update imports_run set phase = 'PARTNERS', position = 0, processed = 0, created = 0, updated = 0,
                          unchanged = 0, refused = 0
                        where id = ?
                        """).param(run).update();
    }

    public void insertOutcomes(UUID run, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        db.sql("""
                        insert into imports_outcome (run_id, kind, line, external_id, outcome, reason)
                        select ?, o.kind, o.line, o.external_id, o.outcome, o.reason
                        from unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[])
                             as o(kind, line, external_id, outcome, reason)
                        """)
                .params(
                        run,
                        outcomes.stream().map(o -> o.kind().name()).toArray(String[]::new),
                        outcomes.stream().map(o -> (int) o.line()).toArray(Integer[]::new),
                        outcomes.stream().map(Outcome::externalId).toArray(String[]::new),
                        outcomes.stream().map(o -> o.outcome().name()).toArray(String[]::new),
                        outcomes.stream().map(Outcome::reason).toArray(String[]::new))
                .update();
    }

    /** Ends a run; a real run's files are emptied (they hold people's details), a dry run's stay for the real one. */
    public void finish(UUID run, ImportRun.Status status, String error, Instant now) {
        db.sql("update imports_run set status = ?, error = ?, finished_at = ?, claimed_until = null where id = ?")
                .params(status.name(), error, Timestamp.from(now), run)
                .update();
        db.sql("update imports_file f set content = '' from imports_run r where f.run_id = r.id and r.id = ?"
                        + " and not r.dry_run")
                .param(run)
                .update();
    }

    /** The run's outcomes in file order, the refused (and updated) ones only when {@code notable}. */
    public List<Outcome> outcomes(WorkspaceId workspace, UUID run, boolean notable, int limit) {
        return db.sql("""
                        select o.* from imports_outcome o join imports_run r on r.id = o.run_id
                        where r.workspace_id = ? and o.run_id = ?
                          and (not ? or o.outcome in ('REFUSED', 'UPDATED') or o.reason is not null)
                        order by array_position(array['PARTNERS', 'LINKS', 'CUSTOMERS', 'DEALS', 'COMMISSIONS'], o.kind), o.line
                        limit ?
                        """)
                .params(workspace.value(), run, notable, limit)
                .query(ImportRunTable::outcome)
                .list();
    }

    /** Every outcome of the run, in file order, to {@code sink}. */
    public void eachOutcome(WorkspaceId workspace, UUID run, Consumer<Outcome> sink) {
        db.sql("""
                        select o.* from imports_outcome o join imports_run r on r.id = o.run_id
                        where r.workspace_id = ? and o.run_id = ?
                        order by array_position(array['PARTNERS', 'LINKS', 'CUSTOMERS', 'DEALS', 'COMMISSIONS'], o.kind), o.line
                        """).params(workspace.value(), run).query(ImportRunTable::outcome).stream()
                .forEach(sink);
    }

    private static Outcome outcome(ResultSet rs, int n) throws SQLException {
        return new Outcome(
                RecordKind.valueOf(rs.getString("kind")),
                rs.getInt("line"),
                rs.getString("external_id"),
                Imported.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("reason"));
    }

    private ImportRun run(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<ImportRun.FileView> files =
                new ArrayList<>(db.sql("select kind, file_name, rows from imports_file where run_id = ? order by kind")
                        .param(id)
                        .query((f, i) -> new ImportRun.FileView(
                                RecordKind.valueOf(f.getString("kind")), f.getString("file_name"), f.getInt("rows")))
                        .list());
        String phase = rs.getString("phase");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportRun(
                id,
                ImportSource.valueOf(rs.getString("source")),
                rs.getObject("program_id", UUID.class),
                rs.getBoolean("dry_run"),
                rs.getBoolean("from_api"),
                ImportRun.Status.valueOf(rs.getString("status")),
                phase == null ? null : RecordKind.valueOf(phase),
                rs.getInt("total"),
                rs.getInt("processed"),
                rs.getInt("created"),
                rs.getInt("updated"),
                rs.getInt("unchanged"),
                rs.getInt("refused"),
                rs.getString("error"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                files);
    }
}
