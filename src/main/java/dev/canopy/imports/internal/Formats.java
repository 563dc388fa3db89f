package dev.canopy.imports.internal;

import dev.canopy.commissions.CommissionStatus;
import dev.canopy.imports.ImportSource;
import dev.canopy.imports.RecordKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How each source's export names what Canopy reads: per kind of file, the column holding each field (headers are
 * compared after {@link ImportFile#normalize}), and how its commission statuses map to Canopy's. The shapes follow
 * the objects each system's API documents, flattened one column per field; {@code docs/imports.md} lists them.
 */
public final class Formats {

    /** What Canopy reads from a row. Amounts are in the currency's minor unit (cents), as every source keeps them. */
    public enum Field {
        ID,
        PARTNER_ID,
        PARTNER_EMAIL,
        EMAIL,
        NAME,
        FIRST_NAME,
        LAST_NAME,
        COMPANY,
        GROUP,
        COUNTRY,
        SLUG,
        URL,
        DESTINATION,
        EXTERNAL_ID,
        CUSTOMER_ID,
        AMOUNT,
        SALE_AMOUNT,
        CURRENCY,
        STATUS,
        PAID,
        CREATED_AT,
        /** A partner named by its contact's email or its name (the vendor's own files). */
        PARTNER,
        ACCOUNT_NAME,
        WEBSITE,
        CONTACT_NAME,
        CONTACT_EMAIL,
        STAGE,
        EXPECTED_CLOSE,
        SUBMITTED_AT,
        CLOSED_AT
    }

    /** One kind of file of one source: its columns, and which of them must be there. */
    public record Format(Map<Field, String> columns, Set<Field> required) {

        public String column(Field field) {
            return columns.get(field);
        }

        public List<String> requiredColumns() {
            return required.stream().map(columns::get).sorted().toList();
        }
    }

    /** Customer states that mean the customer has not paid yet. */
    public static final Set<String> LEAD_STATES = Set.of("lead", "signup", "signed_up", "trial", "trialing", "pending");

    private static final Map<ImportSource, Map<RecordKind, Format>> FORMATS = new EnumMap<>(ImportSource.class);
    private static final Map<ImportSource, Map<String, CommissionStatus>> STATUSES = new EnumMap<>(ImportSource.class);

    static {
        define(
                ImportSource.PARTNERSTACK,
                Map.of(
                        RecordKind.PARTNERS,
                        format("ID=key EMAIL=email FIRST_NAME=first_name LAST_NAME=last_name COMPANY=company"
                                + " GROUP=group COUNTRY=country"),
                        RecordKind.LINKS,
                        format("ID=key PARTNER_ID=partnership_key URL=url DESTINATION=dest"),
                        RecordKind.CUSTOMERS,
                        format("ID=key EXTERNAL_ID=provider_key PARTNER_ID=partnership_key EMAIL=email NAME=name"
                                + " CREATED_AT=created_at"),
                        RecordKind.COMMISSIONS,
                        format("ID=key PARTNER_ID=partnership_key PARTNER_EMAIL=partnership_email"
                                + " CUSTOMER_ID=customer_external_key AMOUNT=amount CURRENCY=currency"
                                + " SALE_AMOUNT=transaction_amount STATUS=reward_status CREATED_AT=created_at")),
                Map.of(
                        "hold", CommissionStatus.HELD,
                        "pending", CommissionStatus.PENDING,
                        "approved", CommissionStatus.APPROVED,
                        "scheduled", CommissionStatus.APPROVED,
                        "paid", CommissionStatus.PAID,
                        "declined", CommissionStatus.DECLINED));
        define(
                ImportSource.REWARDFUL,
                Map.of(
                        RecordKind.PARTNERS,
                        format("ID=id EMAIL=email FIRST_NAME=first_name LAST_NAME=last_name COMPANY=company"
                                + " GROUP=campaign"),
                        RecordKind.LINKS,
                        format("ID=id PARTNER_ID=affiliate_id SLUG=token DESTINATION=url"),
                        RecordKind.CUSTOMERS,
                        format("ID=id EXTERNAL_ID=stripe_customer_id PARTNER_ID=affiliate_id EMAIL=customer_email"
                                + " NAME=customer_name STATUS=conversion_state CREATED_AT=created_at"),
                        RecordKind.COMMISSIONS,
                        format(
                                "ID=id PARTNER_ID=affiliate_id CUSTOMER_ID=stripe_customer_id AMOUNT=amount"
                                        + " CURRENCY=currency SALE_AMOUNT=sale_amount_cents STATUS=state CREATED_AT=created_at")),
                Map.of(
                        "pending", CommissionStatus.PENDING,
                        "due", CommissionStatus.APPROVED,
                        "paid", CommissionStatus.PAID,
                        "voided", CommissionStatus.DECLINED));
        define(
                ImportSource.FIRSTPROMOTER,
                Map.of(
                        RecordKind.PARTNERS,
                        format("ID=id EMAIL=email NAME=name COMPANY=company_name COUNTRY=country GROUP=campaign"),
                        RecordKind.LINKS,
                        format("ID=ref_token PARTNER_ID=promoter_id SLUG=ref_token"),
                        RecordKind.CUSTOMERS,
                        format("ID=id EXTERNAL_ID=uid PARTNER_EMAIL=promoter_email EMAIL=email STATUS=state"
                                + " CREATED_AT=created_at"),
                        RecordKind.COMMISSIONS,
                        format("ID=id PARTNER_EMAIL=promoter_email CUSTOMER_ID=referral_uid AMOUNT=amount"
                                + " CURRENCY=original_sale_currency SALE_AMOUNT=sale_amount STATUS=status PAID=is_paid"
                                + " CREATED_AT=created_at")),
                Map.of(
                        "pending", CommissionStatus.PENDING,
                        "approved", CommissionStatus.APPROVED,
                        "denied", CommissionStatus.DECLINED));
        define(
                ImportSource.TOLT,
                Map.of(
                        RecordKind.PARTNERS,
                        format("ID=id EMAIL=email FIRST_NAME=first_name LAST_NAME=last_name COMPANY=company_name"
                                + " COUNTRY=country_code GROUP=group"),
                        RecordKind.LINKS,
                        format("ID=id PARTNER_ID=partner_id SLUG=value"),
                        RecordKind.CUSTOMERS,
                        format("ID=id EXTERNAL_ID=customer_id PARTNER_ID=partner_id EMAIL=email NAME=name"
                                + " STATUS=status CREATED_AT=created_at"),
                        RecordKind.COMMISSIONS,
                        format("ID=id PARTNER_ID=partner_id CUSTOMER_ID=customer_id AMOUNT=amount SALE_AMOUNT=revenue"
                                + " CURRENCY=currency STATUS=status CREATED_AT=created_at")),
                Map.of(
                        "pending", CommissionStatus.PENDING,
                        "approved", CommissionStatus.APPROVED,
                        "paid", CommissionStatus.PAID,
                        "rejected", CommissionStatus.DECLINED,
                        "refunded", CommissionStatus.DECLINED));
        define(
                ImportSource.DUB,
                Map.of(
                        RecordKind.PARTNERS,
                        format("ID=id EMAIL=email NAME=name COMPANY=company_name COUNTRY=country GROUP=group"),
                        RecordKind.LINKS,
                        format("ID=id PARTNER_ID=partner_id SLUG=key DESTINATION=url"),
                        RecordKind.CUSTOMERS,
                        format("ID=id EXTERNAL_ID=external_id PARTNER_ID=partner_id EMAIL=email NAME=name"
                                + " CREATED_AT=created_at"),
                        RecordKind.COMMISSIONS,
                        format("ID=id PARTNER_ID=partner_id CUSTOMER_ID=customer_id AMOUNT=earnings CURRENCY=currency"
                                + " SALE_AMOUNT=amount STATUS=status CREATED_AT=created_at")),
                Map.of(
                        "pending", CommissionStatus.PENDING,
                        "processed", CommissionStatus.APPROVED,
                        "paid", CommissionStatus.PAID,
                        "refunded", CommissionStatus.DECLINED,
                        "duplicate", CommissionStatus.DECLINED,
                        "fraud", CommissionStatus.DECLINED,
                        "canceled", CommissionStatus.DECLINED));
    }

    /** The vendor's own files, in the columns its column matching writes. */
    static {
        define(
                ImportSource.CSV,
                Map.of(
                        RecordKind.CUSTOMERS,
                        format("ID=id PARTNER=partner EMAIL=email NAME=name STATUS=status CREATED_AT=created_at"),
                        RecordKind.DEALS,
                        format("ID=id PARTNER=partner ACCOUNT_NAME=account_name WEBSITE=website"
                                + " CONTACT_NAME=contact_name CONTACT_EMAIL=contact_email AMOUNT=amount CURRENCY=currency"
                                + " STAGE=stage STATUS=status EXPECTED_CLOSE=expected_close SUBMITTED_AT=submitted_at"
                                + " CLOSED_AT=closed_at")),
                Map.of());
    }

    private Formats() {}

    /** The shape of one kind of file of the source; null when the source has no such file. */
    public static @Nullable Format of(ImportSource source, RecordKind kind) {
        return FORMATS.get(source).get(kind);
    }

    /** Canopy's status for a commission status of the source, or null when the source has no such status. */
    public static CommissionStatus status(ImportSource source, String raw) {
        return STATUSES.get(source).get(raw.strip().toLowerCase(java.util.Locale.ROOT));
    }

    public static Set<String> statuses(ImportSource source) {
        return STATUSES.get(source).keySet();
    }

    private static void define(
            ImportSource source, Map<RecordKind, Format> formats, Map<String, CommissionStatus> statuses) {
        FORMATS.put(source, new EnumMap<>(formats));
        STATUSES.put(source, statuses);
    }

    /** "ID=key EMAIL=email …": each field with its column; the ones every file of its kind needs are required. */
    private static Format format(String spec) {
        Map<Field, String> columns = new EnumMap<>(Field.class);
        for (String pair : spec.split(" ")) {
            String[] parts = pair.split("=", 2);
            columns.put(Field.valueOf(parts[0]), parts[1]);
        }
        Set<Field> required = columns.keySet().stream()
                .filter(f -> Set.of(Field.ID, Field.AMOUNT, Field.STATUS, Field.SLUG, Field.URL, Field.EMAIL)
                                .contains(f)
                        || (f == Field.PARTNER_ID && !columns.containsKey(Field.PARTNER_EMAIL))
                        || (f == Field.PARTNER_EMAIL && !columns.containsKey(Field.PARTNER_ID)))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new Format(Map.copyOf(columns), required);
    }
}
