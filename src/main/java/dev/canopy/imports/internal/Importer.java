package dev.canopy.imports.internal;

import dev.canopy.audit.AuditLog;
import dev.canopy.commissions.CommissionImports;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.deals.DealImports;
import dev.canopy.deals.DealStage;
import dev.canopy.deals.DealStatus;
import dev.canopy.deals.NewDeal;
import dev.canopy.imports.ImportRun;
import dev.canopy.imports.ImportSource;
import dev.canopy.imports.RecordKind;
import dev.canopy.imports.internal.Formats.Field;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerImports;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Actor;
import dev.canopy.shared.Imported;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.tracking.TrackingImports;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
    private final PartnerImports partners;
    private final Memberships memberships;
    private final TrackingImports tracking;
    private final CommissionImports commissions;
    private final ApiFetcher fetcher;
    private final DealImports deals;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final TransactionTemplate separately;
    private final Clock clock;

    Importer(
            ImportRunTable runs,
            PartnerImports partners,
            Memberships memberships,
            TrackingImports tracking,
            CommissionImports commissions,
            ApiFetcher fetcher,
            DealImports deals,
            AuditLog audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.runs = runs;
        this.partners = partners;
        this.memberships = memberships;
        this.tracking = tracking;
        this.commissions = commissions;
        this.fetcher = fetcher;
        this.deals = deals;
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
        List<Imported> outcomes = switch (cursor.phase) {
            case PARTNERS -> partners(work, rows, now);
            case LINKS -> links(work, rows, now);
            case CUSTOMERS -> customers(work, rows, now);
            case DEALS -> deals(work, rows);
            case COMMISSIONS -> commissions(work, rows, now);
        };
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

    /**
     * Reads each row into a record, or refuses it with the reason; the records read are handed to {@code store}
     * together, and the outcomes come back in the file's order.
     */
    private static <T> List<Imported> each(
            List<ImportFile.Row> rows, Function<ImportFile.Row, T> read, Function<List<T>, List<Imported>> store) {
        List<Imported> outcomes = new ArrayList<>();
        List<T> records = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (ImportFile.Row row : rows) {
            try {
                records.add(read.apply(row));
                at.add(outcomes.size());
                outcomes.add(null);
            } catch (InvalidInputException e) {
                outcomes.add(Imported.refused(e));
            }
        }
        List<Imported> stored = store.apply(records);
        for (int i = 0; i < at.size(); i++) {
            outcomes.set(at.get(i), stored.get(i));
        }
        return outcomes;
    }

    private List<Imported> partners(ImportRunTable.Work work, List<ImportFile.Row> rows, Instant now) {
        record Read(
                PartnerImports.SourcePartner partner,
                @Nullable String group) {}
        return each(
                rows,
                row -> {
                    String sourceId = Records.required(row, Field.ID);
                    String email = row.get(Field.EMAIL);
                    return new Read(
                            new PartnerImports.SourcePartner(
                                    new PartnerId(
                                            Records.id(work.workspace(), work.source(), RecordKind.PARTNERS, sourceId)),
                                    Records.partnerName(row),
                                    Records.personName(row),
                                    email == null ? "" : email,
                                    row.get(Field.COUNTRY)),
                            row.get(Field.GROUP));
                },
                read -> {
                    List<Imported> stored = partners.importFrom(
                            work.workspace(), read.stream().map(Read::partner).toList(), now);
                    List<PartnerId> members = new ArrayList<>();
                    List<String> groups = new ArrayList<>();
                    List<Integer> at = new ArrayList<>();
                    for (int i = 0; i < read.size(); i++) {
                        if (stored.get(i).outcome() == Imported.Outcome.CREATED) {
                            members.add(read.get(i).partner().id());
                            groups.add(read.get(i).group());
                            at.add(i);
                        }
                    }
                    List<String> notes = memberships.importMembers(
                            work.workspace(), new ProgramId(work.program()), members, groups, now);
                    List<Imported> outcomes = new ArrayList<>(stored);
                    for (int i = 0; i < at.size(); i++) {
                        if (notes.get(i) != null) {
                            outcomes.set(at.get(i), new Imported(Imported.Outcome.CREATED, notes.get(i)));
                        }
                    }
                    return outcomes;
                });
    }

    private List<Imported> links(ImportRunTable.Work work, List<ImportFile.Row> rows, Instant now) {
        Map<ImportFile.Row, PartnerId> owners = owners(work, rows);
        return each(
                rows,
                row -> {
                    String slug = Records.slug(row);
                    String sourceId = row.get(Field.ID) != null ? row.get(Field.ID) : slug;
                    if (sourceId == null) {
                        Records.required(row, Field.ID);
                    }
                    return new TrackingImports.SourceLink(
                            Records.id(work.workspace(), work.source(), RecordKind.LINKS, sourceId),
                            owner(row, owners),
                            slug,
                            Records.destination(row));
                },
                read -> tracking.importLinks(work.workspace(), new ProgramId(work.program()), read, now));
    }

    private List<Imported> customers(ImportRunTable.Work work, List<ImportFile.Row> rows, Instant now) {
        Map<ImportFile.Row, PartnerId> owners = owners(work, rows);
        return each(
                rows,
                row -> {
                    String sourceId = Records.required(row, Field.ID);
                    String externalId = row.get(Field.EXTERNAL_ID);
                    String state = row.get(Field.STATUS);
                    String created = row.get(Field.CREATED_AT);
                    return new TrackingImports.SourceCustomer(
                            Records.id(work.workspace(), work.source(), RecordKind.CUSTOMERS, sourceId),
                            externalId != null
                                    ? externalId
                                    : work.source().name().toLowerCase(Locale.ROOT) + ":" + sourceId,
                            owner(row, owners),
                            row.get(Field.EMAIL),
                            row.get(Field.NAME),
                            state == null || !Formats.LEAD_STATES.contains(state.toLowerCase(Locale.ROOT)),
                            created == null ? now : Records.instant(row.format().column(Field.CREATED_AT), created));
                },
                read -> tracking.importCustomers(work.workspace(), new ProgramId(work.program()), read, now));
    }

    private List<Imported> deals(ImportRunTable.Work work, List<ImportFile.Row> rows) {
        Map<ImportFile.Row, PartnerId> owners = owners(work, rows);
        return each(
                rows,
                row -> {
                    String sourceId = Records.required(row, Field.ID);
                    DealStatus status = Records.choice(row, Field.STATUS, DealStatus.class, DealStatus.PENDING);
                    String closed = row.get(Field.CLOSED_AT);
                    return new DealImports.SourceDeal(
                            Records.id(work.workspace(), work.source(), RecordKind.DEALS, sourceId),
                            owner(row, owners),
                            new NewDeal(
                                    work.program().toString(),
                                    row.get(Field.ACCOUNT_NAME),
                                    row.get(Field.WEBSITE),
                                    row.get(Field.CONTACT_NAME),
                                    row.get(Field.CONTACT_EMAIL),
                                    row.get(Field.AMOUNT),
                                    row.get(Field.CURRENCY) == null
                                            ? null
                                            : row.get(Field.CURRENCY).toUpperCase(Locale.ROOT),
                                    List.of(),
                                    row.get(Field.EXPECTED_CLOSE),
                                    null),
                            status,
                            Records.choice(row, Field.STAGE, DealStage.class, DealStage.QUALIFICATION),
                            Records.instant(
                                    row.format().column(Field.SUBMITTED_AT), Records.required(row, Field.SUBMITTED_AT)),
                            closed == null ? null : Records.instant(row.format().column(Field.CLOSED_AT), closed));
                },
                read -> deals.importDeals(work.workspace(), new ProgramId(work.program()), "Import", read));
    }

    private List<Imported> commissions(ImportRunTable.Work work, List<ImportFile.Row> rows, Instant now) {
        Map<ImportFile.Row, PartnerId> owners = owners(work, rows);
        String prefix = work.source().name().toLowerCase(Locale.ROOT) + ":";
        List<String> customerRefs = new ArrayList<>();
        for (ImportFile.Row row : rows) {
            String ref = row.get(Field.CUSTOMER_ID);
            if (ref != null) {
                customerRefs.add(ref);
                customerRefs.add(prefix + ref);
            }
        }
        Map<String, UUID> customers = tracking.customerIds(work.workspace(), customerRefs);
        Currency programmeCurrency = Currency.getInstance(commissions.currencyOf(work.workspace(), work.program()));
        return each(
                rows,
                row -> {
                    String sourceId = Records.required(row, Field.ID);
                    String currencyCode = row.get(Field.CURRENCY);
                    Currency currency = currencyCode == null
                            ? programmeCurrency
                            : Money.currency(
                                    currencyCode.toUpperCase(Locale.ROOT),
                                    row.format().column(Field.CURRENCY));
                    String sale = row.get(Field.SALE_AMOUNT);
                    String ref = row.get(Field.CUSTOMER_ID);
                    return new CommissionImports.SourceCommission(
                            Records.id(work.workspace(), work.source(), RecordKind.COMMISSIONS, sourceId),
                            owner(row, owners),
                            ref == null ? null : customers.getOrDefault(ref, customers.get(prefix + ref)),
                            Records.minorUnits(
                                    row.format().column(Field.AMOUNT), Records.required(row, Field.AMOUNT), currency),
                            sale == null
                                    ? null
                                    : Records.minorUnits(row.format().column(Field.SALE_AMOUNT), sale, currency),
                            status(work, row),
                            Records.instant(
                                    row.format().column(Field.CREATED_AT), Records.required(row, Field.CREATED_AT)));
                },
                read -> commissions.importHistory(
                        work.workspace(),
                        new ProgramId(work.program()),
                        work.source().label(),
                        read,
                        now));
    }

    private static CommissionStatus status(ImportRunTable.Work work, ImportFile.Row row) {
        String raw = Records.required(row, Field.STATUS);
        CommissionStatus status = Formats.status(work.source(), raw);
        if (status == null) {
            throw new InvalidInputException(
                    row.format().column(Field.STATUS),
                    "'" + raw + "' is not a " + work.source().label() + " status ("
                            + String.join(
                                    ", ",
                                    Formats.statuses(work.source()).stream()
                                            .sorted()
                                            .toList()) + ")");
        }
        // FirstPromoter keeps "paid" apart from its approval.
        return status == CommissionStatus.APPROVED && Records.truthy(row.get(Field.PAID))
                ? CommissionStatus.PAID
                : status;
    }

    /** Each row's partner, found by the source's partner id (imported before) or its contact's email. */
    private Map<ImportFile.Row, PartnerId> owners(ImportRunTable.Work work, List<ImportFile.Row> rows) {
        Map<ImportFile.Row, PartnerId> byId = new java.util.IdentityHashMap<>();
        List<PartnerId> candidates = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (ImportFile.Row row : rows) {
            String partnerId = row.get(Field.PARTNER_ID);
            if (partnerId != null) {
                PartnerId id =
                        new PartnerId(Records.id(work.workspace(), work.source(), RecordKind.PARTNERS, partnerId));
                byId.put(row, id);
                candidates.add(id);
            } else if (row.get(Field.PARTNER_EMAIL) != null) {
                emails.add(row.get(Field.PARTNER_EMAIL));
            }
        }
        List<String> names = new ArrayList<>();
        for (ImportFile.Row row : rows) {
            String named = row.get(Field.PARTNER);
            if (named != null) {
                (named.contains("@") ? emails : names).add(named);
            }
        }
        Set<PartnerId> existing = partners.existing(work.workspace(), candidates);
        Map<String, PartnerId> byEmail = partners.byContactEmail(work.workspace(), emails);
        Map<String, PartnerId> byName = partners.byName(work.workspace(), names);
        Map<ImportFile.Row, PartnerId> owners = new java.util.IdentityHashMap<>();
        for (ImportFile.Row row : rows) {
            PartnerId id = byId.get(row);
            if (id == null && row.get(Field.PARTNER_EMAIL) != null) {
                id = byEmail.get(row.get(Field.PARTNER_EMAIL).toLowerCase(Locale.ROOT));
            }
            String named = row.get(Field.PARTNER);
            if (id == null && named != null) {
                id = (named.contains("@") ? byEmail : byName).get(named.toLowerCase(Locale.ROOT));
            }
            if (id != null && (byId.get(row) == null || existing.contains(id))) {
                owners.put(row, id);
            }
        }
        return owners;
    }

    private static PartnerId owner(ImportFile.Row row, Map<ImportFile.Row, PartnerId> owners) {
        PartnerId owner = owners.get(row);
        if (owner == null && row.format().column(Field.PARTNER) != null) {
            String named = row.get(Field.PARTNER);
            throw new InvalidInputException(
                    row.format().column(Field.PARTNER),
                    named == null
                            ? "This record names no partner"
                            : "No partner is named " + named + " or has it as its contact's email");
        }
        if (owner == null) {
            String column = row.get(Field.PARTNER_ID) != null || row.format().column(Field.PARTNER_EMAIL) == null
                    ? row.format().column(Field.PARTNER_ID)
                    : row.format().column(Field.PARTNER_EMAIL);
            String value = row.get(Field.PARTNER_ID) != null ? row.get(Field.PARTNER_ID) : row.get(Field.PARTNER_EMAIL);
            throw new InvalidInputException(
                    column,
                    value == null
                            ? "This record names no partner"
                            : "No partner " + value + " was imported (import the partners file first)");
        }
        return owner;
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
