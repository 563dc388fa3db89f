package dev.canopy.imports.internal;

import dev.canopy.commissions.CommissionImports;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.deals.DealImports;
import dev.canopy.deals.DealStage;
import dev.canopy.deals.DealStatus;
import dev.canopy.deals.NewDeal;
import dev.canopy.imports.RecordKind;
import dev.canopy.imports.internal.Formats.Field;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerImports;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Imported;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.tracking.TrackingImports;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A batch of an export's rows read into records — the source's ids turned into Canopy's, partners found by the
 * source's id, their contact's email or their name — and handed to the modules that own them, which answer one
 * outcome per row. A row that cannot be read is refused with the column at fault.
 */
@Component
class Records {

    private final PartnerImports partners;
    private final Memberships memberships;
    private final TrackingImports tracking;
    private final CommissionImports commissions;
    private final DealImports deals;

    Records(
            PartnerImports partners,
            Memberships memberships,
            TrackingImports tracking,
            CommissionImports commissions,
            DealImports deals) {
        this.partners = partners;
        this.memberships = memberships;
        this.tracking = tracking;
        this.commissions = commissions;
        this.deals = deals;
    }

    /** Stores a batch of rows of one kind; one outcome per row, in order. */
    List<Imported> store(ImportRunTable.Work work, RecordKind kind, List<ImportFile.Row> rows, Instant now) {
        return switch (kind) {
            case PARTNERS -> partners(work, rows, now);
            case LINKS -> links(work, rows, now);
            case CUSTOMERS -> customers(work, rows, now);
            case DEALS -> deals(work, rows);
            case COMMISSIONS -> commissions(work, rows, now);
        };
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
                    String sourceId = Values.required(row, Field.ID);
                    String email = row.get(Field.EMAIL);
                    return new Read(
                            new PartnerImports.SourcePartner(
                                    new PartnerId(
                                            Values.id(work.workspace(), work.source(), RecordKind.PARTNERS, sourceId)),
                                    Values.partnerName(row),
                                    Values.personName(row),
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
                    String slug = Values.slug(row);
                    String sourceId = row.get(Field.ID) != null ? row.get(Field.ID) : slug;
                    if (sourceId == null) {
                        Values.required(row, Field.ID);
                    }
                    return new TrackingImports.SourceLink(
                            Values.id(work.workspace(), work.source(), RecordKind.LINKS, sourceId),
                            owner(row, owners),
                            slug,
                            Values.destination(row));
                },
                read -> tracking.importLinks(work.workspace(), new ProgramId(work.program()), read, now));
    }

    private List<Imported> customers(ImportRunTable.Work work, List<ImportFile.Row> rows, Instant now) {
        Map<ImportFile.Row, PartnerId> owners = owners(work, rows);
        return each(
                rows,
                row -> {
                    String sourceId = Values.required(row, Field.ID);
                    String externalId = row.get(Field.EXTERNAL_ID);
                    String state = row.get(Field.STATUS);
                    String created = row.get(Field.CREATED_AT);
                    return new TrackingImports.SourceCustomer(
                            Values.id(work.workspace(), work.source(), RecordKind.CUSTOMERS, sourceId),
                            externalId != null
                                    ? externalId
                                    : work.source().name().toLowerCase(Locale.ROOT) + ":" + sourceId,
                            owner(row, owners),
                            row.get(Field.EMAIL),
                            row.get(Field.NAME),
                            state == null || !Formats.LEAD_STATES.contains(state.toLowerCase(Locale.ROOT)),
                            created == null ? now : Values.instant(row.format().column(Field.CREATED_AT), created));
                },
                read -> tracking.importCustomers(work.workspace(), new ProgramId(work.program()), read, now));
    }

    private List<Imported> deals(ImportRunTable.Work work, List<ImportFile.Row> rows) {
        Map<ImportFile.Row, PartnerId> owners = owners(work, rows);
        return each(
                rows,
                row -> {
                    String sourceId = Values.required(row, Field.ID);
                    DealStatus status = Values.choice(row, Field.STATUS, DealStatus.class, DealStatus.PENDING);
                    String closed = row.get(Field.CLOSED_AT);
                    return new DealImports.SourceDeal(
                            Values.id(work.workspace(), work.source(), RecordKind.DEALS, sourceId),
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
                                    null,
                                    null),
                            status,
                            Values.choice(row, Field.STAGE, DealStage.class, DealStage.QUALIFICATION),
                            Values.instant(
                                    row.format().column(Field.SUBMITTED_AT), Values.required(row, Field.SUBMITTED_AT)),
                            closed == null ? null : Values.instant(row.format().column(Field.CLOSED_AT), closed));
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
                    String sourceId = Values.required(row, Field.ID);
                    String currencyCode = row.get(Field.CURRENCY);
                    Currency currency = currencyCode == null
                            ? programmeCurrency
                            : Money.currency(
                                    currencyCode.toUpperCase(Locale.ROOT),
                                    row.format().column(Field.CURRENCY));
                    String sale = row.get(Field.SALE_AMOUNT);
                    String ref = row.get(Field.CUSTOMER_ID);
                    return new CommissionImports.SourceCommission(
                            Values.id(work.workspace(), work.source(), RecordKind.COMMISSIONS, sourceId),
                            owner(row, owners),
                            ref == null ? null : customers.getOrDefault(ref, customers.get(prefix + ref)),
                            Values.minorUnits(
                                    row.format().column(Field.AMOUNT), Values.required(row, Field.AMOUNT), currency),
                            sale == null
                                    ? null
                                    : Values.minorUnits(row.format().column(Field.SALE_AMOUNT), sale, currency),
                            status(work, row),
                            Values.instant(
                                    row.format().column(Field.CREATED_AT), Values.required(row, Field.CREATED_AT)));
                },
                read -> commissions.importHistory(
                        work.workspace(),
                        new ProgramId(work.program()),
                        work.source().label(),
                        read,
                        now));
    }

    private static CommissionStatus status(ImportRunTable.Work work, ImportFile.Row row) {
        String raw = Values.required(row, Field.STATUS);
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
        return status == CommissionStatus.APPROVED && Values.truthy(row.get(Field.PAID))
                ? CommissionStatus.PAID
                : status;
    }

    /** Each row's partner, found by the source's partner id (imported before) or its contact's email. */
    private Map<ImportFile.Row, PartnerId> owners(ImportRunTable.Work work, List<ImportFile.Row> rows) {
        Map<ImportFile.Row, PartnerId> byId = new IdentityHashMap<>();
        List<PartnerId> candidates = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (ImportFile.Row row : rows) {
            String partnerId = row.get(Field.PARTNER_ID);
            if (partnerId != null) {
                PartnerId id =
                        new PartnerId(Values.id(work.workspace(), work.source(), RecordKind.PARTNERS, partnerId));
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
        Map<ImportFile.Row, PartnerId> owners = new IdentityHashMap<>();
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
}
