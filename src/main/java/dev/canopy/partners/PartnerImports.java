package dev.canopy.partners;

import dev.canopy.partners.internal.ContactTable;
import dev.canopy.partners.internal.ImportTable;
import dev.canopy.partners.internal.PartnerCsv;
import dev.canopy.partners.internal.PartnerImporter;
import dev.canopy.partners.internal.PartnerRows;
import dev.canopy.partners.internal.PartnerTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Actor;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.Imported;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.Texts;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Bulk partners: CSV import in the background with progress and a report of refused rows, and export. */
@Service
public class PartnerImports {

    public static final int MAX_ROWS = 50_000;

    private final ImportTable imports;
    private final PartnerImporter importer;
    private final PartnerTable partnerTable;
    private final ContactTable contactTable;
    private final JdbcClient db;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final TaskExecutor executor;
    private final Clock clock;

    PartnerImports(
            ImportTable imports,
            PartnerImporter importer,
            PartnerTable partnerTable,
            ContactTable contactTable,
            JdbcClient db,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Clock clock) {
        this.imports = imports;
        this.importer = importer;
        this.partnerTable = partnerTable;
        this.contactTable = contactTable;
        this.db = db;
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

    /** A partner as another PRM knew it, under an id the caller derives from the source's own. */
    public record SourcePartner(
            PartnerId id,
            String name,
            String contactName,
            String contactEmail,
            @Nullable String country) {}

    /**
     * Stores the partners not stored before — active, with their contact, and not invited: moving a directory is not
     * inviting people — and answers one outcome per partner, in order. Joins the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Imported> importFrom(WorkspaceId workspace, List<SourcePartner> given, Instant now) {
        Set<UUID> known = new HashSet<>(db.sql("select id from partners_partner where workspace_id = ? and id = any(?)")
                .params(
                        workspace.value(),
                        given.stream().map(p -> p.id().value()).toArray(UUID[]::new))
                .query(UUID.class)
                .list());
        List<Imported> outcomes = new ArrayList<>();
        List<PartnerTable.Row> rows = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        for (SourcePartner partner : given) {
            if (!known.add(partner.id().value())) {
                outcomes.add(Imported.UNCHANGED);
                continue;
            }
            try {
                PartnerTable.Row[] row = new PartnerTable.Row[1];
                EmailAddress[] email = new EmailAddress[1];
                InvalidInputException.collect(
                        () -> row[0] = PartnerRows.validate(
                                partner.id(),
                                partner.name(),
                                null,
                                Set.of(),
                                partner.country() == null ? List.of() : List.of(partner.country()),
                                List.of(),
                                null,
                                PartnerStatus.ACTIVE),
                        () -> PartnerRows.requireText("contact_name", partner.contactName(), 120),
                        () -> email[0] = EmailAddress.parse(partner.contactEmail())
                                .orElseThrow(() -> new InvalidInputException(
                                        "email", "'" + partner.contactEmail() + "' is not an email address")));
                rows.add(row[0]);
                contacts.add(new Contact(
                        UUID.randomUUID(), partner.contactName().strip(), email[0].value(), null, null, true, now));
                outcomes.add(Imported.CREATED);
            } catch (InvalidInputException e) {
                known.remove(partner.id().value());
                outcomes.add(Imported.refused(e));
            }
        }
        partnerTable.insertAll(workspace, rows, now);
        contactTable.insertAll(
                workspace, rows.stream().map(PartnerTable.Row::id).toList(), contacts);
        return outcomes;
    }

    /** The partners named one of {@code names} (compared without case), by that name; the oldest when two share one. */
    public Map<String, PartnerId> byName(WorkspaceId workspace, Collection<String> names) {
        Map<String, PartnerId> found = new HashMap<>();
        db.sql("""
                        select lower(name) as name, id from partners_partner
                        where workspace_id = ? and lower(name) = any(?)
                        order by created_at, id
                        """)
                .params(
                        workspace.value(),
                        names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .query((rs, n) ->
                        found.putIfAbsent(rs.getString("name"), new PartnerId(rs.getObject("id", UUID.class))))
                .list();
        return found;
    }

    /** Which of these partners exist in the workspace. */
    public Set<PartnerId> existing(WorkspaceId workspace, Collection<PartnerId> ids) {
        return db.sql("select id from partners_partner where workspace_id = ? and id = any(?)")
                .params(workspace.value(), ids.stream().map(PartnerId::value).toArray(UUID[]::new))
                .query((rs, n) -> new PartnerId(rs.getObject("id", UUID.class)))
                .set();
    }

    /** The partners whose primary contact has one of {@code emails} (compared without case), by that email. */
    public Map<String, PartnerId> byContactEmail(WorkspaceId workspace, Collection<String> emails) {
        Map<String, PartnerId> found = new HashMap<>();
        db.sql("""
                        select lower(email) as email, partner_id from partners_contact
                        where workspace_id = ? and is_primary and lower(email) = any(?)
                        """)
                .params(
                        workspace.value(),
                        emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .query((rs, n) ->
                        found.putIfAbsent(rs.getString("email"), new PartnerId(rs.getObject("partner_id", UUID.class))))
                .list();
        return found;
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
