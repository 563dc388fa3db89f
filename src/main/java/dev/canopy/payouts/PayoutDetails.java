package dev.canopy.payouts;

import dev.canopy.audit.AuditLog;
import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.internal.BankDetails;
import dev.canopy.payouts.internal.Gstin;
import dev.canopy.payouts.internal.Pan;
import dev.canopy.payouts.internal.ProfileTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's payout and tax details, kept by the partner in the portal (or by staff for it). PAN and
 * GSTIN are checked (format, holder type, state code, check character), a payout currency is an ISO 4217
 * code; bad details name each field and store nothing.
 */
@Service
public class PayoutDetails {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final ProfileTable profiles;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    PayoutDetails(ProfileTable profiles, CurrentWorkspace currentWorkspace, AuditLog audit, Clock clock) {
        this.profiles = profiles;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in partner user's company. */
    public PartnerId myPartner() {
        return PartnerId.signedIn(currentWorkspace)
                .orElseThrow(() -> new AccessDeniedException("Only partner users have payout details of their own"));
    }

    @Transactional(readOnly = true)
    public Optional<PayoutProfile> payout(PartnerId partner) {
        return profiles.payout(currentWorkspace.id(), partner);
    }

    @Transactional(readOnly = true)
    public Optional<TaxProfile> tax(PartnerId partner) {
        return profiles.tax(currentWorkspace.id(), partner);
    }

    /** Form input for payout details; a blank payout currency pays in the currency earned. */
    public record PayoutInput(
            String method,
            String payeeName,
            String email,
            String iban,
            String bic,
            String accountNumber,
            String bankCode,
            String country,
            String payoutCurrency) {}

    /** Form input for tax details. */
    public record TaxInput(
            String country, String legalName, String address, String pan, String gstin, String usForm, String taxId) {}

    @Transactional
    public PayoutProfile savePayout(PartnerId partner, PayoutInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        String method = upper(in.method());
        if (method == null || !Set.of("BANK", "PAYPAL", "WISE").contains(method)) {
            problems.add(new FieldProblem("method", "Choose bank transfer, PayPal or Wise"));
        }
        String payee = text(in.payeeName());
        if (payee == null) {
            problems.add(new FieldProblem("payeeName", "Enter the name the account is held in"));
        }
        String email = null;
        if (text(in.email()) != null) {
            try {
                email = new EmailAddress(in.email()).value();
            } catch (InvalidInputException e) {
                problems.add(new FieldProblem("email", "Enter an email address, like pay@partner.example"));
            }
        }
        String iban = text(in.iban()) == null ? null : BankDetails.compactIban(in.iban());
        if (iban != null && !BankDetails.isIban(iban)) {
            problems.add(new FieldProblem("iban", "This is not a valid IBAN (its check digits do not match)"));
        }
        String bic = upper(in.bic());
        if (bic != null && !BankDetails.isBic(bic)) {
            problems.add(new FieldProblem("bic", "A BIC has 8 or 11 letters and digits, like DEUTDEFF"));
        }
        String country = upper(in.country());
        if (country != null && !COUNTRIES.contains(country)) {
            problems.add(new FieldProblem("country", "Use a two-letter ISO country code, like IN or DE"));
        }
        String payoutCurrency = null;
        if (text(in.payoutCurrency()) != null) {
            try {
                payoutCurrency =
                        Money.currency(in.payoutCurrency(), "payoutCurrency").getCurrencyCode();
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        String account = text(in.accountNumber());
        if ("BANK".equals(method) && iban == null && account == null) {
            problems.add(new FieldProblem("iban", "Enter an IBAN or an account number"));
        }
        if (("PAYPAL".equals(method) || "WISE".equals(method)) && email == null && iban == null) {
            problems.add(new FieldProblem("email", "Enter the email of the " + label(method) + " account"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PayoutProfile profile = new PayoutProfile(
                partner,
                method,
                payee,
                email,
                iban,
                bic,
                account,
                text(in.bankCode()),
                country,
                payoutCurrency,
                clock.instant(),
                currentWorkspace.actor().name());
        String fingerprint =
                method + ":" + (iban != null ? iban : account != null ? account + "@" + text(in.bankCode()) : email);
        WorkspaceId workspace = currentWorkspace.id();
        Optional<PayoutProfile> before = profiles.payout(workspace, partner);
        profiles.savePayout(workspace, profile, fingerprint.toLowerCase(Locale.ROOT));
        audit.record("payouts.details-changed", "partner", partner.value(), before.orElse(null), profile);
        return profile;
    }

    @Transactional
    public TaxProfile saveTax(PartnerId partner, TaxInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        String country = upper(in.country());
        if (country == null || !COUNTRIES.contains(country)) {
            problems.add(new FieldProblem("country", "Use a two-letter ISO country code, like IN or US"));
        }
        String legalName = text(in.legalName());
        if (legalName == null) {
            problems.add(new FieldProblem("legalName", "Enter the legal name tax documents are issued to"));
        }
        String pan = null;
        String gstin = null;
        if (text(in.pan()) != null) {
            try {
                pan = Pan.parse(in.pan(), "pan").value();
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (text(in.gstin()) != null) {
            try {
                Gstin parsed = Gstin.parse(in.gstin(), "gstin");
                gstin = parsed.value();
                if (pan != null && !parsed.pan().value().equals(pan)) {
                    problems.add(new FieldProblem(
                            "gstin", "This GSTIN belongs to PAN " + parsed.pan().value()));
                }
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if ("IN".equals(country)
                && pan == null
                && problems.stream().noneMatch(p -> p.field().equals("pan"))) {
            problems.add(new FieldProblem("pan", "Indian partners need a PAN (without one, TDS is 20 %)"));
        }
        String usForm = upper(in.usForm());
        if (usForm != null && !Set.of("W9", "W8BEN", "W8BENE").contains(usForm)) {
            problems.add(new FieldProblem("usForm", "Choose W-9, W-8BEN or W-8BEN-E"));
        }
        String taxId = text(in.taxId());
        if ("W9".equals(usForm) && taxId != null) {
            taxId = usTin(taxId, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        TaxProfile profile = new TaxProfile(
                partner,
                country,
                legalName,
                text(in.address()),
                pan,
                gstin,
                usForm,
                taxId,
                clock.instant(),
                currentWorkspace.actor().name());
        WorkspaceId workspace = currentWorkspace.id();
        Optional<TaxProfile> before = profiles.tax(workspace, partner);
        profiles.saveTax(workspace, profile);
        audit.record("payouts.tax-details-changed", "partner", partner.value(), before.orElse(null), profile);
        return profile;
    }

    private static String label(String method) {
        return "PAYPAL".equals(method) ? "PayPal" : "Wise";
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * A W-9's taxpayer id as a 1099 prints it: an EIN (12-3456789) or an SSN/ITIN (123-45-6789), nine digits
     * either way; typed with or without dashes.
     */
    private static String usTin(String raw, List<FieldProblem> problems) {
        String digits = raw.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{9}")) {
            problems.add(new FieldProblem(
                    "taxId", "A W-9's tax id is 9 digits: an EIN like 12-3456789 or an SSN like 123-45-6789"));
            return raw;
        }
        return raw.contains("-") && raw.replaceAll("\\s", "").indexOf('-') == 3
                ? digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5)
                : digits.substring(0, 2) + "-" + digits.substring(2);
    }

    private static String upper(String s) {
        return text(s) == null ? null : s.strip().toUpperCase(Locale.ROOT).replace("-", "");
    }
}
