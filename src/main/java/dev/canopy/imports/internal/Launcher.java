package dev.canopy.imports.internal;

import dev.canopy.audit.AuditLog;
import dev.canopy.imports.RecordKind;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.Programs;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What every way of starting an import shares: the programme checked, one real run at a time per workspace, the
 * audit entry, and the work handed to a background thread once the run is committed.
 */
@Component
public class Launcher {

    private final ImportRunTable runs;
    private final Importer importer;
    private final Programs programs;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final TaskExecutor executor;
    private final Clock clock;

    Launcher(
            ImportRunTable runs,
            Importer importer,
            Programs programs,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Clock clock) {
        this.runs = runs;
        this.importer = importer;
        this.programs = programs;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.executor = executor;
        this.clock = clock;
    }

    public ImportRunTable runs() {
        return runs;
    }

    public Importer importer() {
        return importer;
    }

    public WorkspaceId workspace() {
        return currentWorkspace.id();
    }

    public String actor() {
        return currentWorkspace.actor().name();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Adds the problem of {@code program} not being one of the workspace's programmes. */
    public void checkProgram(UUID program, List<InvalidInputException.FieldProblem> problems) {
        if (program == null
                || programs.all(workspace()).stream()
                        .noneMatch(p -> p.id().value().equals(program))) {
            problems.add(new InvalidInputException.FieldProblem("program", "Choose the programme to import into"));
        }
    }

    /** A real run waits for the one under way: two writing the same records at once would fight over them. */
    public void oneRealRunAtATime(boolean dryRun) {
        if (!dryRun && runs.realRunUnderWay(workspace())) {
            throw new ConflictException("source", "An import is under way; start the next one when it has ended");
        }
    }

    /** Audits the start and hands {@code work} to a background thread once the transaction has committed. */
    public void start(UUID id, boolean dryRun, Map<String, Object> details, Runnable work) {
        audit.record(dryRun ? "imports.rehearsal_started" : "imports.started", "import", id, null, details);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                executor.execute(work);
            }
        });
    }

    public static String fileName(String given, RecordKind kind) {
        String name = given == null || given.isBlank() ? kind.name().toLowerCase(Locale.ROOT) + ".csv" : given.strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
