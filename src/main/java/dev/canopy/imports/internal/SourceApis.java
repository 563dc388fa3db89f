package dev.canopy.imports.internal;

import dev.canopy.imports.ImportSource;
import dev.canopy.imports.RecordKind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where each source's API lists each kind of record, how its pages follow one another, and which JSON field fills
 * each column of the source's CSV shape ({@link Formats}): an API import is the CSV import of what was fetched.
 * Shapes as the sources document them (and as Dub's importers read them).
 */
public final class SourceApis {

    /** What the vendor pastes: the key, and for some sources a second secret and an account or programme id. */
    public record Credentials(
            String key, @Nullable String secret, @Nullable String account) {}

    /** How pages follow: by the last item's id while {@code more} says so, or by number while pages are full. */
    public record Paging(
            boolean byCursor,
            String sizeParam,
            int size,
            String nextParam,
            String cursorField,
            @Nullable String more) {}

    /**
     * One listing. {@code items} is the path of the array in the answer ("" when the answer is the array). A nested
     * listing reads the array {@code nested} inside each item of the parent kind's listing instead of calling the
     * API; a per-parent one calls {@code path} with {@code {parent}} replaced by each parent's id. In a column's JSON
     * path, {@code parent.} reads the parent item.
     */
    public record Listing(
            String path,
            String items,
            Map<String, String> columns,
            @Nullable String nested,
            boolean perParent) {}

    /** A source's API: its address, how it is paged and authenticated, and its listings in import order. */
    public record Api(
            String baseUrl,
            boolean basicAuth,
            Paging paging,
            Map<RecordKind, Listing> listings,
            @Nullable String accountParam,
            @Nullable String accountHeader) {

        /** The Authorization header for these credentials. */
        public String authorization(Credentials credentials) {
            return basicAuth
                    ? "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((credentials.key() + ":"
                                                    + (credentials.secret() == null ? "" : credentials.secret()))
                                            .getBytes(StandardCharsets.UTF_8))
                    : "Bearer " + credentials.key();
        }
    }

    private static final Map<ImportSource, Api> APIS = new EnumMap<>(ImportSource.class);

    static {
        APIS.put(
                ImportSource.PARTNERSTACK,
                new Api(
                        "https://api.partnerstack.com/api/v2",
                        true,
                        new Paging(true, "limit", 250, "starting_after", "key", "data.has_more"),
                        listings(
                                RecordKind.PARTNERS,
                                list(
                                        "/partnerships",
                                        "data.items",
                                        "key=key email=email first_name=first_name"
                                                + " last_name=last_name company=company.name group=group.name"
                                                + " country=address.country"),
                                RecordKind.LINKS,
                                new Listing(
                                        "/links/partnership/{parent}",
                                        "data.items",
                                        columns("key=key partnership_key=parent.key url=url dest=dest"),
                                        null,
                                        true),
                                RecordKind.CUSTOMERS,
                                list(
                                        "/customers",
                                        "data.items",
                                        "key=key provider_key=provider_key"
                                                + " partnership_key=partnership_key email=email name=name created_at=created_at"),
                                RecordKind.COMMISSIONS,
                                list(
                                        "/rewards",
                                        "data.items",
                                        "key=key partnership_key=partnership_key"
                                                + " partnership_email=partnership.email customer_external_key=customer.external_key"
                                                + " amount=amount currency=currency transaction_amount=transaction.amount"
                                                + " reward_status=reward_status created_at=created_at")),
                        null,
                        null));
        APIS.put(
                ImportSource.REWARDFUL,
                new Api(
                        "https://api.getrewardful.com/v1",
                        true,
                        new Paging(false, "limit", 100, "page", "id", "pagination.next_page"),
                        listings(
                                RecordKind.PARTNERS,
                                list(
                                        "/affiliates",
                                        "data",
                                        "id=id email=email first_name=first_name"
                                                + " last_name=last_name company=company campaign=campaign.name"),
                                RecordKind.LINKS,
                                new Listing(
                                        "/affiliates",
                                        "data",
                                        columns("id=id affiliate_id=parent.id token=token url=url"),
                                        "links",
                                        false),
                                RecordKind.CUSTOMERS,
                                list(
                                        "/referrals",
                                        "data",
                                        "id=id stripe_customer_id=stripe_customer_id"
                                                + " affiliate_id=affiliate.id customer_email=customer.email"
                                                + " customer_name=customer.name conversion_state=conversion_state"
                                                + " created_at=created_at"),
                                RecordKind.COMMISSIONS,
                                list(
                                        "/commissions",
                                        "data",
                                        "id=id affiliate_id=sale.affiliate.id"
                                                + " stripe_customer_id=sale.referral.stripe_customer_id amount=amount"
                                                + " currency=currency sale_amount_cents=sale.sale_amount_cents state=state"
                                                + " created_at=created_at")),
                        null,
                        null));
        APIS.put(
                ImportSource.FIRSTPROMOTER,
                new Api(
                        "https://api.firstpromoter.com/api/v2/company",
                        false,
                        new Paging(false, "per_page", 100, "page", "id", null),
                        listings(
                                RecordKind.PARTNERS,
                                list(
                                        "/promoters",
                                        "data",
                                        "id=id email=email name=name"
                                                + " company_name=profile.company_name country=profile.country"
                                                + " campaign=promoter_campaigns.0.campaign.name"),
                                RecordKind.LINKS,
                                new Listing(
                                        "/promoters",
                                        "data",
                                        columns("ref_token=ref_token promoter_id=parent.id"),
                                        "promoter_campaigns",
                                        false),
                                RecordKind.CUSTOMERS,
                                list(
                                        "/referrals",
                                        "data",
                                        "id=id uid=uid"
                                                + " promoter_email=promoter_campaign.promoter.email email=email state=state"
                                                + " created_at=created_at"),
                                RecordKind.COMMISSIONS,
                                list(
                                        "/commissions",
                                        "data",
                                        "id=id"
                                                + " promoter_email=promoter_campaign.promoter.email referral_uid=referral.uid"
                                                + " amount=amount original_sale_currency=original_sale_currency"
                                                + " sale_amount=sale_amount status=status is_paid=is_paid"
                                                + " created_at=created_at")),
                        null,
                        "Account-ID"));
        APIS.put(
                ImportSource.TOLT,
                new Api(
                        "https://api.tolt.com/v1",
                        false,
                        new Paging(true, "limit", 100, "starting_after", "id", "has_more"),
                        listings(
                                RecordKind.PARTNERS,
                                list(
                                        "/partners",
                                        "data",
                                        "id=id email=email first_name=first_name"
                                                + " last_name=last_name company_name=company_name country_code=country_code"
                                                + " group=group.name"),
                                RecordKind.LINKS,
                                list("/links", "data", "id=id partner_id=partner.id value=value"),
                                RecordKind.CUSTOMERS,
                                list(
                                        "/customers",
                                        "data",
                                        "id=id customer_id=customer_id partner_id=partner.id"
                                                + " email=email name=name status=status created_at=created_at"),
                                RecordKind.COMMISSIONS,
                                list(
                                        "/commissions",
                                        "data",
                                        "id=id partner_id=partner.id customer_id=customer.id"
                                                + " amount=amount revenue=revenue currency=currency status=status"
                                                + " created_at=created_at")),
                        "program_id",
                        null));
        APIS.put(
                ImportSource.DUB,
                new Api(
                        "https://api.dub.co",
                        false,
                        new Paging(false, "pageSize", 100, "page", "id", null),
                        listings(
                                RecordKind.PARTNERS,
                                list(
                                        "/partners",
                                        "",
                                        "id=id email=email name=name company_name=companyName"
                                                + " country=country group=group.name"),
                                RecordKind.LINKS,
                                list("/links", "", "id=id partner_id=partnerId key=key url=url"),
                                RecordKind.CUSTOMERS,
                                list(
                                        "/customers",
                                        "",
                                        "id=id external_id=externalId partner_id=partner.id"
                                                + " email=email name=name created_at=createdAt"),
                                RecordKind.COMMISSIONS,
                                list(
                                        "/commissions",
                                        "",
                                        "id=id partner_id=partner.id customer_id=customer.id"
                                                + " earnings=earnings currency=currency amount=amount status=status"
                                                + " created_at=createdAt")),
                        "programId",
                        null));
    }

    private SourceApis() {}

    public static Api of(ImportSource source) {
        return APIS.get(source);
    }

    private static Listing list(String path, String items, String columns) {
        return new Listing(path, items, columns(columns), null, false);
    }

    /** "csv_column=json.path …", in the order the CSV is written. */
    private static Map<String, String> columns(String spec) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String pair : spec.split(" ")) {
            String[] parts = pair.split("=", 2);
            columns.put(parts[0], parts[1]);
        }
        return columns;
    }

    private static Map<RecordKind, Listing> listings(Object... pairs) {
        Map<RecordKind, Listing> listings = new EnumMap<>(RecordKind.class);
        for (int i = 0; i < pairs.length; i += 2) {
            listings.put((RecordKind) pairs[i], (Listing) pairs[i + 1]);
        }
        return listings;
    }
}
