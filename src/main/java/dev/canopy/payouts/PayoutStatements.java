package dev.canopy.payouts;

import dev.canopy.commissions.CommissionView;
import dev.canopy.commissions.Commissions;
import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.payouts.internal.GstSplit;
import dev.canopy.payouts.internal.GstStates;
import dev.canopy.payouts.internal.Gstin;
import dev.canopy.payouts.internal.InvoiceLine;
import dev.canopy.payouts.internal.PartnerStatement;
import dev.canopy.payouts.internal.Party;
import dev.canopy.payouts.internal.PayoutLineTable;
import dev.canopy.payouts.internal.PayoutSettingsTable;
import dev.canopy.payouts.internal.ProfileTable;
import dev.canopy.payouts.internal.RunTable;
import dev.canopy.payouts.internal.SelfBilledInvoice;
import dev.canopy.payouts.internal.SelfBilledInvoicePdf;
import dev.canopy.payouts.internal.StatementLine;
import dev.canopy.payouts.internal.StatementPdf;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-line documents: the partner statement (every commission paid, then gross, GST, TDS, reimbursements and net)
 * and, for an Indian payout with GST, the self-billed invoice the vendor issues on the partner's behalf. Staff get
 * them for any payable line; a partner only for its own lines of exported or paid runs.
 */
@Service
public class PayoutStatements {

    /** "Other support services": the SAC the vendor's invoices use for partner commissions. */
    private static final String SAC = "998599";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    private final RunTable runs;
    private final PayoutLineTable lines;
    private final ProfileTable profiles;
    private final PayoutSettingsTable settings;
    private final Commissions commissions;
    private final Partners partners;
    private final Workspaces workspaces;
    private final PayoutDetails details;
    private final CurrentWorkspace currentWorkspace;
    private final Clock clock;

    PayoutStatements(
            RunTable runs,
            PayoutLineTable lines,
            ProfileTable profiles,
            PayoutSettingsTable settings,
            Commissions commissions,
            Partners partners,
            Workspaces workspaces,
            PayoutDetails details,
            CurrentWorkspace currentWorkspace,
            Clock clock) {
        this.runs = runs;
        this.lines = lines;
        this.profiles = profiles;
        this.settings = settings;
        this.commissions = commissions;
        this.partners = partners;
        this.workspaces = workspaces;
        this.details = details;
        this.currentWorkspace = currentWorkspace;
        this.clock = clock;
    }

    /** The signed-in partner's lines of exported and paid runs, newest first: its statements. */
    @Transactional(readOnly = true)
    public List<PayoutLineView> mine() {
        PartnerId partner = details.myPartner();
        String name = name(partner);
        return lines.paidLines(currentWorkspace.id(), partner, id -> name);
    }

    /** A payable line's statement, for staff; the line must be of {@code run}. */
    @Transactional(readOnly = true)
    public PayoutDocument statement(UUID run, UUID line) {
        return statementOf(payableLine(run, line));
    }

    @Transactional(readOnly = true)
    public PayoutDocument myStatement(UUID line) {
        return statementOf(myLine(line));
    }

    @Transactional(readOnly = true)
    public PayoutDocument invoice(UUID run, UUID line) {
        return invoiceOf(payableLine(run, line));
    }

    @Transactional(readOnly = true)
    public PayoutDocument myInvoice(UUID line) {
        return invoiceOf(myLine(line));
    }

    private PayoutLineView payableLine(UUID run, UUID id) {
        return lines.line(currentWorkspace.id(), id, this::name)
                .filter(l -> l.payable() && l.runId().equals(run))
                .orElseThrow(() -> new NotFoundException("Payout line"));
    }

    private PayoutLineView myLine(UUID id) {
        return mine().stream()
                .filter(l -> l.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Statement"));
    }

    private PayoutDocument statementOf(PayoutLineView line) {
        PayoutRunView run = run(line);
        ZoneId zone = zone();
        List<StatementLine> paid = commissions
                .inPayout(run.id(), line.partner(), line.gross().currencyCode())
                .stream()
                .map(c -> statementLine(c, zone))
                .toList();
        PartnerStatement statement = new PartnerStatement(
                vendorName(),
                line.partnerName(),
                period(run, zone),
                line.reference(),
                issuedOn(run, zone),
                paid,
                line.gross(),
                line.gst(),
                line.tds(),
                line.reimbursed(),
                line.net(),
                line.conversion(),
                line.taxNotes());
        return new PayoutDocument(
                "statement-" + line.reference() + ".pdf", "application/pdf", StatementPdf.render(statement));
    }

    private static StatementLine statementLine(CommissionView c, ZoneId zone) {
        return new StatementLine(
                LocalDate.ofInstant(c.occurredAt(), zone),
                c.sourceDescription(),
                c.programName(),
                c.base() == null ? "" : c.base().toString(),
                c.rate() == null ? "flat" : c.rate().stripTrailingZeros().toPlainString() + " %",
                c.amount());
    }

    /**
     * The supplier is the partner as its tax details say; the recipient is the vendor as payout settings say.
     * The rate is the one the line was taxed at (GST ÷ gross), so the invoice repeats the payout's own numbers.
     * Only the commissions are a supply: reimbursements paid with the line are repaid expenses, not on the invoice.
     */
    private PayoutDocument invoiceOf(PayoutLineView line) {
        if (!line.selfBilled()) {
            throw new NotFoundException("Self-billed invoice");
        }
        PayoutSettings vendor = settings.get(currentWorkspace.id());
        if (vendor.gstin() == null) {
            throw new ConflictException(
                    null, "Add your GSTIN, legal name and address in payout settings to issue self-billed invoices");
        }
        TaxProfile supplier = profiles.taxOfLine(currentWorkspace.id(), line.id())
                .filter(TaxProfile::gstRegistered)
                .orElseThrow(() -> new ConflictException(
                        null,
                        line.partnerName() + " had no GSTIN in its tax details when " + line.reference()
                                + " was made"));
        PayoutRunView run = run(line);
        ZoneId zone = zone();
        Gstin recipientGstin = new Gstin(vendor.gstin());
        BigDecimal rate = line.gst()
                .amount()
                .multiply(BigDecimal.valueOf(100))
                .divide(line.gross().amount(), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        GstSplit gst = GstSplit.of(new Gstin(supplier.gstin()), recipientGstin, line.gross(), rate);
        SelfBilledInvoice invoice = new SelfBilledInvoice(
                line.reference(),
                issuedOn(run, zone),
                new Party(supplier.legalName(), supplier.address(), supplier.gstin(), supplier.pan()),
                new Party(vendorName(), vendor.address(), vendor.gstin(), ""),
                List.of(new InvoiceLine("Partner commission, " + period(run, zone), SAC, line.gross())),
                line.gross(),
                rate,
                gst.cgst(),
                gst.sgst(),
                gst.igst(),
                line.gross().plus(gst.total()),
                line.tds(),
                GstStates.placeOf(recipientGstin));
        return new PayoutDocument(
                "invoice-" + line.reference() + ".pdf", "application/pdf", SelfBilledInvoicePdf.render(invoice));
    }

    private PayoutRunView run(PayoutLineView line) {
        return runs.get(currentWorkspace.id(), line.runId()).orElseThrow(() -> new NotFoundException("Payout run"));
    }

    /** A scheduled run's month, or what an on-demand run took: commissions approved up to its cutoff. */
    private static String period(PayoutRunView run, ZoneId zone) {
        if (run.period() != null) {
            return YearMonth.parse(run.period()).format(MONTH);
        }
        return "Approved up to " + DAY.format(run.cutoff().atZone(zone));
    }

    private LocalDate issuedOn(PayoutRunView run, ZoneId zone) {
        Instant issued = run.exportedAt() != null ? run.exportedAt() : clock.instant();
        return LocalDate.ofInstant(issued, zone);
    }

    private ZoneId zone() {
        return ZoneId.of(workspace().timezone());
    }

    private String vendorName() {
        String legalName = settings.get(currentWorkspace.id()).legalName();
        return legalName != null ? legalName : workspace().name();
    }

    private WorkspaceView workspace() {
        return workspaces.current();
    }

    private String name(PartnerId id) {
        return partners.byIds(List.of(id)).stream()
                .findFirst()
                .map(PartnerView::name)
                .orElse(id.toString());
    }
}
