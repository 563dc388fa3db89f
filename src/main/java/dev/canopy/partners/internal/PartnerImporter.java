package dev.canopy.partners.internal;

import dev.canopy.audit.AuditLog;
import dev.canopy.partners.Contact;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerType;
import dev.canopy.shared.Actor;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a parsed partner CSV: each row checked by the same rules as the forms, valid rows stored in
 * batches (a batch per transaction, progress after each), invalid rows kept with their reason.
 */
@Component
public class PartnerImporter {

    static final int BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(PartnerImporter.class);

    private final PartnerTable partners;
    private final ContactTable contacts;
    private final ImportTable imports;
    private final AuditLog audit;
    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PartnerImporter(
            PartnerTable partners,
            ContactTable contacts,
            ImportTable imports,
            AuditLog audit,
            JdbcClient db,
            TransactionTemplate transactions,
            Clock clock) {
        this.partners = partners;
        this.contacts = contacts;
        this.imports = imports;
        this.audit = audit;
        this.db = db;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Valid(PartnerTable.Row partner, Contact contact) {}

    public void run(WorkspaceId workspace, Actor actor, UUID importId, PartnerCsv.Parsed file) {
        try {
            process(workspace, actor, importId, file);
        } catch (RuntimeException e) {
            log.error("Partner import {} failed", importId, e);
            imports.fail(
                    importId,
                    "The import stopped unexpectedly; rows already imported stay. " + e.getMessage(),
                    clock.instant());
        }
    }

    private void process(WorkspaceId workspace, Actor actor, UUID importId, PartnerCsv.Parsed file) {
        Set<String> knownDomains = new HashSet<>(
                db.sql("select domain from partners_partner where workspace_id = ? and domain is not null")
                        .param(workspace.value())
                        .query(String.class)
                        .list());
        List<Map.Entry<PartnerCsv.Row, String>> rejected = new ArrayList<>();
        List<Valid> batch = new ArrayList<>();
        int processed = 0;
        int imported = 0;
        Instant now = clock.instant();
        for (PartnerCsv.Row row : file.rows()) {
            try {
                Valid valid = validate(row, now);
                String domain = Websites.domain(valid.partner().website());
                if (domain != null && !knownDomains.add(domain)) {
                    throw new InvalidInputException(
                            "website", "A partner with the domain " + domain + " exists already");
                }
                batch.add(valid);
            } catch (InvalidInputException e) {
                rejected.add(new AbstractMap.SimpleEntry<>(row, reason(e)));
            }
            processed++;
            if (batch.size() == BATCH || processed == file.rows().size()) {
                imported += store(workspace, batch, now);
                batch.clear();
                imports.progress(importId, processed, imported, rejected.size());
            }
        }
        int total = imported;
        transactions.executeWithoutResult(status -> {
            imports.finish(
                    importId,
                    rejected.isEmpty() ? null : PartnerCsv.rejected(file.header(), rejected),
                    clock.instant());
            audit.record(
                    workspace,
                    actor,
                    "partners.imported",
                    "partner_import",
                    importId,
                    null,
                    Map.of("imported", total, "rejected", rejected.size()));
        });
    }

    private int store(WorkspaceId workspace, List<Valid> batch, Instant now) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Valid> rows = List.copyOf(batch);
        transactions.executeWithoutResult(status -> {
            partners.insertAll(workspace, rows.stream().map(Valid::partner).toList(), now);
            List<Valid> withContact =
                    rows.stream().filter(v -> v.contact() != null).toList();
            contacts.insertAll(
                    workspace,
                    withContact.stream().map(v -> v.partner().id()).toList(),
                    withContact.stream().map(Valid::contact).toList());
        });
        return rows.size();
    }

    private static Valid validate(PartnerCsv.Row row, Instant now) {
        PartnerTable.Row[] partner = new PartnerTable.Row[1];
        Contact[] contact = new Contact[1];
        InvalidInputException.collect(
                () -> {
                    PartnerStatus status = status(row.get("status"));
                    partner[0] = PartnerRows.validate(
                            PartnerId.random(),
                            row.get("name"),
                            row.get("website"),
                            PartnerType.parseAll("types", row.list("types")),
                            row.list("regions"),
                            row.list("verticals"),
                            row.get("size"),
                            status);
                },
                () -> contact[0] = contact(row, now));
        return new Valid(partner[0], contact[0]);
    }

    private static PartnerStatus status(String raw) {
        if (raw == null) {
            return PartnerStatus.ACTIVE;
        }
        try {
            return PartnerStatus.valueOf(raw.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "Unknown status '" + raw + "'");
        }
    }

    private static Contact contact(PartnerCsv.Row row, Instant now) {
        String email = row.get("contact_email");
        if (email == null) {
            return null;
        }
        EmailAddress address = EmailAddress.parse(email)
                .orElseThrow(
                        () -> new InvalidInputException("contact_email", "'" + email + "' is not an email address"));
        String name = row.get("contact_name");
        return new Contact(
                UUID.randomUUID(), name == null ? address.value() : name, address.value(), null, null, true, now);
    }

    private static String reason(InvalidInputException e) {
        return String.join(
                "; ",
                e.problems().stream().map(p -> p.field() + ": " + p.message()).toList());
    }
}
