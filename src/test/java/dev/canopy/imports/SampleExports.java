package dev.canopy.imports;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Exports of each source in the shapes its API documents, one column per field, as a vendor downloads them: two good
 * partners (one in the group "Gold") and one with a broken email; a link with a good slug, one with a slug Canopy
 * cannot keep, one of a partner not in the export; two customers; commissions paid, approved and pending, and one in
 * a status the source does not have. Amounts are in cents, dates as each source writes them.
 */
public final class SampleExports {

    private SampleExports() {}

    /** {@code pending} is the status of the third commission, so a later export can say it was paid. */
    public static Map<RecordKind, Imports.Upload> of(ImportSource source, String slug, String pending) {
        Map<RecordKind, String> files = switch (source) {
            case PARTNERSTACK ->
                Map.of(
                        RecordKind.PARTNERS,
                        """
                    key,email,first_name,last_name,company,group,country
                    part_a,ana@alpha.example,Ana,Alves,Alpha Consulting,Gold,PT
                    part_b,bo@beta.example,Bo,Berg,,,SE
                    part_c,not-an-email,Cy,Cole,Gamma Ltd,,GB
                    """,
                        RecordKind.LINKS,
                        """
                    key,partnership_key,url,dest
                    link_a,part_a,https://acme.partnerlinks.io/%s,https://shop.example/pricing?ps_partner_key=x
                    link_b,part_b,https://acme.partnerlinks.io/Bo_Ref,https://shop.example/
                    link_c,part_z,https://acme.partnerlinks.io/zed,https://shop.example/
                    """.formatted(slug),
                        RecordKind.CUSTOMERS,
                        """
                    key,provider_key,partnership_key,email,name,created_at
                    cust_a,cus_A1,part_a,buyer@one.example,One Inc,1767225600000
                    cust_b,,part_b,buyer@two.example,Two Inc,1767312000000
                    """,
                        RecordKind.COMMISSIONS,
                        """
                    key,partnership_key,partnership_email,customer_external_key,amount,currency,transaction_amount,reward_status,created_at
                    rwd_1,part_a,,cus_A1,5000,USD,50000,paid,1767225600000
                    rwd_2,part_a,,cus_A1,2500,USD,25000,approved,1769904000000
                    rwd_3,part_b,,,1000,USD,10000,%s,1772323200000
                    rwd_4,part_a,,,700,USD,7000,weird,1772323200000
                    """.formatted(pending));
            case REWARDFUL ->
                Map.of(
                        RecordKind.PARTNERS,
                        """
                    id,email,first_name,last_name,company,campaign
                    aff-a,ana@alpha.example,Ana,Alves,Alpha Consulting,Gold
                    aff-b,bo@beta.example,Bo,Berg,,
                    aff-c,not-an-email,Cy,Cole,Gamma Ltd,
                    """,
                        RecordKind.LINKS,
                        """
                    id,affiliate_id,token,url
                    lnk-a,aff-a,%s,https://shop.example/pricing?via=%s
                    lnk-b,aff-b,Bo_Ref,https://shop.example/
                    lnk-c,aff-z,zed,https://shop.example/
                    """.formatted(slug, slug),
                        RecordKind.CUSTOMERS,
                        """
                    id,stripe_customer_id,affiliate_id,customer_email,customer_name,conversion_state,created_at
                    ref-a,cus_A1,aff-a,buyer@one.example,One Inc,conversion,2026-01-01T00:00:00.000Z
                    ref-b,,aff-b,buyer@two.example,Two Inc,lead,2026-01-02T00:00:00.000Z
                    """,
                        RecordKind.COMMISSIONS,
                        """
                    id,affiliate_id,stripe_customer_id,amount,currency,sale_amount_cents,state,created_at
                    com-1,aff-a,cus_A1,5000,USD,50000,paid,2026-01-01T00:00:00Z
                    com-2,aff-a,cus_A1,2500,USD,25000,due,2026-02-01T00:00:00Z
                    com-3,aff-b,,1000,USD,10000,%s,2026-03-01T00:00:00Z
                    com-4,aff-a,,700,USD,7000,weird,2026-03-01T00:00:00Z
                    """.formatted(pending.equals("paid") ? "paid" : "pending"));
            case FIRSTPROMOTER ->
                Map.of(
                        RecordKind.PARTNERS,
                        """
                    id,email,name,company_name,country,campaign
                    101,ana@alpha.example,Ana Alves,Alpha Consulting,PT,Gold
                    102,bo@beta.example,Bo Berg,,SE,
                    103,not-an-email,Cy Cole,Gamma Ltd,GB,
                    """,
                        RecordKind.LINKS,
                        """
                    ref_token,promoter_id
                    %s,101
                    Bo_Ref,102
                    zed,999
                    """.formatted(slug),
                        RecordKind.CUSTOMERS,
                        """
                    id,uid,promoter_email,email,state,created_at
                    201,cus_A1,ana@alpha.example,buyer@one.example,active,2026-01-01T00:00:00Z
                    202,,bo@beta.example,buyer@two.example,signup,2026-01-02T00:00:00Z
                    """,
                        RecordKind.COMMISSIONS,
                        """
                    id,promoter_email,referral_uid,amount,original_sale_currency,sale_amount,status,is_paid,created_at
                    301,ana@alpha.example,cus_A1,5000,USD,50000,approved,true,2026-01-01T00:00:00Z
                    302,ana@alpha.example,cus_A1,2500,USD,25000,approved,false,2026-02-01T00:00:00Z
                    303,bo@beta.example,,1000,USD,10000,%s,2026-03-01T00:00:00Z
                    304,ana@alpha.example,,700,USD,7000,weird,false,2026-03-01T00:00:00Z
                    """.formatted(pending.equals("paid") ? "approved,true" : "pending,false"));
            case TOLT ->
                Map.of(
                        RecordKind.PARTNERS,
                        """
                    id,email,first_name,last_name,company_name,country_code,group
                    part_a,ana@alpha.example,Ana,Alves,Alpha Consulting,PT,Gold
                    part_b,bo@beta.example,Bo,Berg,,SE,
                    part_c,not-an-email,Cy,Cole,Gamma Ltd,GB,
                    """,
                        RecordKind.LINKS,
                        """
                    id,partner_id,value
                    lnk_a,part_a,%s
                    lnk_b,part_b,Bo_Ref
                    lnk_c,part_z,zed
                    """.formatted(slug),
                        RecordKind.CUSTOMERS,
                        """
                    id,customer_id,partner_id,email,name,status,created_at
                    cust_a,cus_A1,part_a,buyer@one.example,One Inc,active,2026-01-01T00:00:00Z
                    cust_b,,part_b,buyer@two.example,Two Inc,trialing,2026-01-02T00:00:00Z
                    """,
                        RecordKind.COMMISSIONS,
                        """
                    id,partner_id,customer_id,amount,revenue,currency,status,created_at
                    com_1,part_a,cust_a,5000,50000,USD,paid,2026-01-01T00:00:00Z
                    com_2,part_a,cust_a,2500,25000,USD,approved,2026-02-01T00:00:00Z
                    com_3,part_b,,1000,10000,USD,%s,2026-03-01T00:00:00Z
                    com_4,part_a,,700,7000,USD,weird,2026-03-01T00:00:00Z
                    """.formatted(pending));
            case DUB ->
                Map.of(
                        RecordKind.PARTNERS,
                        """
                    id,email,name,company_name,country,group
                    pn_a,ana@alpha.example,Ana Alves,Alpha Consulting,PT,Gold
                    pn_b,bo@beta.example,Bo Berg,,SE,
                    pn_c,not-an-email,Cy Cole,Gamma Ltd,GB,
                    """,
                        RecordKind.LINKS,
                        """
                    id,partner_id,key,url
                    link_a,pn_a,%s,https://shop.example/pricing
                    link_b,pn_b,Bo_Ref,https://shop.example/
                    link_c,pn_z,zed,https://shop.example/
                    """.formatted(slug),
                        RecordKind.CUSTOMERS,
                        """
                    id,external_id,partner_id,email,name,created_at
                    cus_a,cus_A1,pn_a,buyer@one.example,One Inc,2026-01-01T00:00:00.000Z
                    cus_b,,pn_b,buyer@two.example,Two Inc,2026-01-02T00:00:00.000Z
                    """,
                        RecordKind.COMMISSIONS,
                        """
                    id,partner_id,customer_id,earnings,currency,amount,status,created_at
                    cm_1,pn_a,cus_A1,5000,usd,50000,paid,2026-01-01T00:00:00.000Z
                    cm_2,pn_a,cus_A1,2500,usd,25000,processed,2026-02-01T00:00:00.000Z
                    cm_3,pn_b,,1000,usd,10000,%s,2026-03-01T00:00:00.000Z
                    cm_4,pn_a,,700,usd,7000,weird,2026-03-01T00:00:00.000Z
                    """.formatted(pending));
            case CSV -> throw new IllegalArgumentException("The vendor's own files have no PRM export");
        };
        Map<RecordKind, Imports.Upload> uploads = new EnumMap<>(RecordKind.class);
        files.forEach((kind, csv) -> uploads.put(
                kind,
                new Imports.Upload(
                        source.name().toLowerCase() + "-" + kind.name().toLowerCase() + ".csv",
                        csv.getBytes(StandardCharsets.UTF_8))));
        return uploads;
    }
}
