package dev.canopy.payouts;

import dev.canopy.commissions.CommissionFilter;
import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.CommissionReview;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.commissions.CommissionView;
import dev.canopy.commissions.Commissions;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.PayoutDetails.PayoutInput;
import dev.canopy.payouts.PayoutDetails.TaxInput;
import dev.canopy.payouts.PayoutRules.SettingsInput;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;

/**
 * Partners with payout and tax details, commissions finance has approved, and runs taken through their phases,
 * all through the real services.
 */
public class PayoutFixtures {

    /** Valid IBANs (their check digits match); partners of one workspace need different ones, or they look like one. */
    public static final List<String> IBANS = List.of(
            "DE89370400440532013000", "GB82WEST12345698765432", "NL91ABNA0417164300", "FR1420041010050500013M02606");

    /** A GST-registered partner in Karnataka (29) and its PAN; one per workspace, or the PANs collide. */
    public static final String PAN = "AABCZ1234A";

    public static final String GSTIN = "29AABCZ1234A1ZQ";

    /** The vendor, registered in Karnataka too: invoices split GST into CGST and SGST. */
    public static final String VENDOR_GSTIN = "29AAGCB7383J1Z4";

    private final Fixtures fixtures;
    private final CommissionFixtures commissionFixtures;
    private final Commissions commissions;
    private final CommissionReview review;
    private final PayoutDetails details;
    private final PayoutRuns runs;
    private final PayoutRunPayments payments;
    private final PayoutRules rules;
    private final Workspaces workspaces;

    public PayoutFixtures(ApplicationContext context) {
        this.fixtures = context.getBean(Fixtures.class);
        this.commissionFixtures = new CommissionFixtures(context);
        this.commissions = context.getBean(Commissions.class);
        this.review = context.getBean(CommissionReview.class);
        this.details = context.getBean(PayoutDetails.class);
        this.runs = context.getBean(PayoutRuns.class);
        this.payments = context.getBean(PayoutRunPayments.class);
        this.rules = context.getBean(PayoutRules.class);
        this.workspaces = context.getBean(Workspaces.class);
    }

    public CommissionFixtures commissions() {
        return commissionFixtures;
    }

    /** A referral programme paying 15 % of first-year contract value, with no minimum worth mentioning. */
    public ProgramView referralProgramme(Fixtures.Tenant tenant, String currency) {
        ProgramView program = commissionFixtures.referralProgram(tenant, currency, 30);
        commissionFixtures.rule(tenant, program, CommissionFixtures.referralFee("15"));
        return program;
    }

    /** A partner of {@code program} paid by bank transfer to {@code iban}. */
    public DealFixtures.Member bankPartner(Fixtures.Tenant tenant, ProgramView program, String iban) {
        return bankPartner(tenant, program, iban, null);
    }

    /** A partner of {@code program} paid by bank transfer to {@code iban} in {@code payoutCurrency} (null: as earned). */
    public DealFixtures.Member bankPartner(
            Fixtures.Tenant tenant, ProgramView program, String iban, String payoutCurrency) {
        return paidBy(
                tenant,
                program,
                email -> new PayoutInput(
                        "BANK", "Payee of " + email, null, iban, "COBADEFFXXX", null, null, null, payoutCurrency));
    }

    /** A partner of {@code program} paid to an Indian bank account (IFSC HDFC0000123) and no tax details given. */
    public DealFixtures.Member indianBankPartner(Fixtures.Tenant tenant, ProgramView program, String account) {
        return paidBy(
                tenant,
                program,
                email -> new PayoutInput(
                        "BANK", "Payee of " + email, null, null, null, account, "HDFC0000123", "IN", null));
    }

    /** Where the vendor is tax resident, and whether an Indian partner without a PAN is held (else TDS at 20 %). */
    public void vendorResidence(Fixtures.Tenant tenant, String country, boolean holdWithoutPan) {
        fixtures.as(
                tenant.owner(),
                () -> rules.save(new SettingsInput(
                        true,
                        "15",
                        "10000",
                        "USD",
                        false,
                        null,
                        null,
                        null,
                        country,
                        holdWithoutPan ? "HOLD" : "WITHHOLD_20")));
    }

    /** A partner of {@code program} paid by PayPal at an address of its own, its bank in {@code country} (or unknown). */
    public DealFixtures.Member paypalPartner(Fixtures.Tenant tenant, ProgramView program, String country) {
        return paidBy(
                tenant,
                program,
                email -> new PayoutInput("PAYPAL", "Payee of " + email, email, null, null, null, null, country, null));
    }

    private DealFixtures.Member paidBy(
            Fixtures.Tenant tenant, ProgramView program, Function<String, PayoutInput> details) {
        DealFixtures.Member member = commissionFixtures.member(tenant, program);
        fixtures.as(tenant.owner(), () -> this.details.savePayout(member.id(), details.apply(member.email())));
        return member;
    }

    /** Tax details in {@code country} with a US form on file (W9, W8BEN, W8BENE) or none (null). */
    public void usTaxForm(Fixtures.Tenant tenant, PartnerId partner, String country, String usForm) {
        fixtures.as(
                tenant.owner(),
                () -> details.saveTax(
                        partner, new TaxInput(country, "Legal " + partner.value(), null, null, null, usForm, null)));
    }

    /** The workspace's time zone, which decides the day (and year) a run is paid on. */
    public void timezone(Fixtures.Tenant tenant, String zone) {
        fixtures.as(
                tenant.owner(),
                () -> workspaces.update(
                        new Workspaces.Settings(workspaces.current().name(), null, zone, "USD")));
    }

    /** Indian tax details with PAN and GSTIN: its INR payouts add GST and, past the threshold, withhold TDS. */
    public void gstRegistered(Fixtures.Tenant tenant, PartnerId partner) {
        fixtures.as(
                tenant.owner(),
                () -> details.saveTax(
                        partner,
                        new TaxInput(
                                "IN", "Bluebird Consulting LLP", "12 MG Road, Bengaluru", PAN, GSTIN, null, null)));
    }

    /** The vendor's details for self-billed invoices: an Indian company, so Indian partners' TDS and GST apply. */
    public void vendorGstin(Fixtures.Tenant tenant) {
        fixtures.as(
                tenant.owner(),
                () -> rules.save(new SettingsInput(
                        true,
                        "15",
                        "10000",
                        "USD",
                        false,
                        "Northwind Cloud India Pvt Ltd",
                        "4 Residency Road, Bengaluru",
                        VENDOR_GSTIN,
                        "IN",
                        null)));
    }

    /** A won deal of {@code amount} for the partner, whose 15 % fee finance approves at once. */
    public void approvedCommission(
            Fixtures.Tenant tenant, ProgramView program, PartnerId partner, String amount, String currency) {
        commissionFixtures.dealWon(tenant, program, partner, amount, currency);
        fixtures.as(tenant.owner(), () -> {
            List<CommissionView> pending = commissions
                    .list(new CommissionFilter(CommissionStatus.PENDING, partner, null, null))
                    .items();
            return review.approve(pending.stream().map(CommissionView::id).toList(), "Approved by the fixture");
        });
    }

    /** A run of everything approved, started by the owner, approved (twice if needed), exported and paid. */
    public PayoutRunView paidRun(Fixtures.Tenant tenant) {
        PayoutRunView run = approvedRun(tenant);
        fixtures.as(tenant.owner(), () -> payments.export(run.id()));
        return fixtures.as(tenant.owner(), () -> payments.markPaid(run.id()));
    }

    /** A run of everything approved, started by the owner and approved (by a finance colleague as well if needed). */
    public PayoutRunView approvedRun(Fixtures.Tenant tenant) {
        PayoutRunView run = fixtures.as(tenant.owner(), runs::start);
        if (run.needsSecondApproval()) {
            return fixtures.as(fixtures.member(tenant, Role.FINANCE), () -> runs.approve(run.id()));
        }
        return fixtures.as(tenant.owner(), () -> runs.approve(run.id()));
    }

    /** The line of {@code partner} in {@code run}. */
    public PayoutLineView line(Fixtures.Tenant tenant, PayoutRunView run, PartnerId partner) {
        return fixtures.as(tenant.owner(), () -> runs.lines(run.id())).stream()
                .filter(l -> l.partner().equals(partner))
                .findFirst()
                .orElseThrow();
    }
}
