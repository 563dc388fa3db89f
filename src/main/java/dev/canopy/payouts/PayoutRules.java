package dev.canopy.payouts;

import dev.canopy.audit.AuditLog;
import dev.canopy.identity.Workspaces;
import dev.canopy.payouts.internal.Gstin;
import dev.canopy.payouts.internal.PayoutSchedule;
import dev.canopy.payouts.internal.PayoutSettingsTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's payout settings: the monthly schedule and its NET days, the total above which two people
 * approve a run, the vendor as self-billed invoices name it, where it is tax resident and what happens to an
 * Indian partner without a PAN. Bad input names each field and stores nothing.
 */
@Service
public class PayoutRules {

    /** Form input; {@code scheduled} is a checkbox; {@code withoutPan} is WITHHOLD_20 (or empty) or HOLD. */
    public record SettingsInput(
            boolean scheduled,
            String netDays,
            String secondApprovalAbove,
            String secondApprovalCurrency,
            Boolean separateDuties,
            String legalName,
            String address,
            String gstin,
            String taxCountry,
            String withoutPan) {}

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final PayoutSettingsTable settings;
    private final CurrentWorkspace currentWorkspace;
    private final Workspaces workspaces;
    private final AuditLog audit;
    private final Clock clock;

    PayoutRules(
            PayoutSettingsTable settings,
            CurrentWorkspace currentWorkspace,
            Workspaces workspaces,
            AuditLog audit,
            Clock clock) {
        this.settings = settings;
        this.workspaces = workspaces;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PayoutSettings settings() {
        return settings.get(currentWorkspace.id());
    }

    /** The day the next scheduled run starts, in the workspace's time zone; empty when runs are started by hand. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> nextScheduledRun() {
        PayoutSettings current = settings();
        if (!current.scheduled()) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.of(workspaces.current().timezone());
        return Optional.of(PayoutSchedule.nextRunOn(LocalDate.ofInstant(clock.instant(), zone), current.netDays()));
    }

    @Transactional
    public PayoutSettings save(SettingsInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer netDays = checked(problems, () -> netDays(in.netDays()));
        String currency = checked(
                problems,
                () -> Money.currency(in.secondApprovalCurrency(), "secondApprovalCurrency")
                        .getCurrencyCode());
        BigDecimal threshold = checked(problems, () -> threshold(in.secondApprovalAbove(), currency));
        String gstin = text(in.gstin()) == null
                ? null
                : checked(problems, () -> Gstin.parse(in.gstin(), "gstin").value());
        String legalName = text(in.legalName());
        String address = text(in.address());
        if (text(in.gstin()) != null && legalName == null) {
            problems.add(new FieldProblem("legalName", "Enter the legal name your GSTIN is registered to"));
        }
        if (text(in.gstin()) != null && address == null) {
            problems.add(new FieldProblem("address", "Enter the registered address: invoices print it"));
        }
        String taxCountry =
                text(in.taxCountry()) == null ? null : in.taxCountry().strip().toUpperCase(Locale.ROOT);
        if (taxCountry != null && !COUNTRIES.contains(taxCountry)) {
            problems.add(new FieldProblem("taxCountry", "Use a two-letter ISO country code, like IN or US"));
        }
        String withoutPan =
                text(in.withoutPan()) == null ? "WITHHOLD_20" : in.withoutPan().strip();
        if (!Set.of("WITHHOLD_20", "HOLD").contains(withoutPan)) {
            problems.add(new FieldProblem("withoutPan", "Choose WITHHOLD_20 (TDS at 20 %) or HOLD (hold the payout)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PayoutSettings saved = new PayoutSettings(
                in.scheduled(),
                netDays,
                Money.of(threshold, currency),
                Boolean.TRUE.equals(in.separateDuties()),
                legalName,
                address,
                gstin,
                taxCountry,
                "HOLD".equals(withoutPan));
        WorkspaceId workspace = currentWorkspace.id();
        PayoutSettings before = settings.get(workspace);
        settings.save(workspace, saved, clock.instant());
        audit.record("payouts.settings-changed", "workspace", workspace.value(), before, saved);
        return saved;
    }

    private static int netDays(String raw) {
        try {
            int days = Integer.parseInt(raw == null ? "" : raw.strip());
            if (days >= 0 && days <= 60) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw new InvalidInputException("netDays", "Enter a number of days from 0 to 60, like 15");
    }

    private static BigDecimal threshold(String raw, String currency) {
        BigDecimal amount = currency == null
                ? Money.parseAmount(raw, "secondApprovalAbove")
                : Money.parse(raw, Money.currency(currency, "secondApprovalCurrency"), "secondApprovalAbove")
                        .amount();
        if (amount.signum() < 0) {
            throw new InvalidInputException("secondApprovalAbove", "Enter 0 or more (0: every run needs two people)");
        }
        return amount;
    }

    /** The value, or null with its problems added, so every field at fault is named at once. */
    private static <T> T checked(List<FieldProblem> problems, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
