package dev.canopy.partners;

import dev.canopy.partners.internal.ImportTable;
import dev.canopy.partners.internal.PartnerCsv;
import dev.canopy.partners.internal.PartnerImporter;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Actor;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.Texts;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/** Bulk partners: CSV import in the background with progress and a report of refused rows, and export. */
@Service
public class PartnerImports {

    public static final int MAX_ROWS = 50_000;

    private final ImportTable imports;
    private final PartnerImporter importer;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final TaskExecutor executor;
    private final Clock clock;

    PartnerImports(
            ImportTable imports,
            PartnerImporter importer,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Clock clock) {
        this.imports = imports;
        this.importer = importer;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.executor = executor;
        this.clock = clock;
    }

    /** Checks the file is a partner CSV and starts importing it; the returned import shows progress. */
    public ImportView start(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "Choose a CSV file to import");
        }
        String text = Texts.utf8(content, "file");
        PartnerCsv.Parsed parsed = PartnerCsv.parse(text)
                .orElseThrow(() -> new InvalidInputException(
                        "file", "This is not a partner CSV: the first line must name the columns, including 'name'"));
        if (parsed.rows().isEmpty()) {
            throw new InvalidInputException("file", "The file has a header but no rows");
        }
        if (parsed.rows().size() > MAX_ROWS) {
            throw new InvalidInputException("file", "Import at most " + MAX_ROWS + " rows at a time");
        }
        WorkspaceId workspace = currentWorkspace.id();
        Actor actor = currentWorkspace.actor();
        UUID id = UUID.randomUUID();
        String name = fileName == null || fileName.isBlank() ? "partners.csv" : fileName.strip();
        imports.start(workspace, id, name, parsed.rows().size(), actor.name(), clock.instant());
        executor.execute(() -> importer.run(workspace, actor, id, parsed));
        return get(id);
    }

    public ImportView get(UUID id) {
        return imports.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Import"));
    }

    public List<ImportView> recent() {
        return imports.recent(currentWorkspace.id());
    }

    /** The refused rows with their reasons, as CSV; empty text when every row was imported. */
    public String rejectedRows(UUID id) {
        get(id);
        return imports.rejectedCsv(currentWorkspace.id(), id).orElse("");
    }

    /** Every partner the search finds, as CSV. */
    public String export(PartnerSearch search) {
        List<PartnerView> all = new ArrayList<>();
        PartnerSearch page = search.page(null, PartnerSearch.MAX_LIMIT);
        while (true) {
            PartnerPage result = partners.search(page);
            all.addAll(result.partners());
            if (result.nextCursor() == null) {
                return PartnerCsv.export(all);
            }
            page = search.page(result.nextCursor(), PartnerSearch.MAX_LIMIT);
        }
    }
}
