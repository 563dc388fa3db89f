package dev.canopy.payouts;

import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.internal.ExportFormat;
import dev.canopy.payouts.internal.ExportFormats;
import dev.canopy.payouts.internal.PayoutExportLine;
import dev.canopy.payouts.internal.PayoutMethod;
import dev.canopy.payouts.internal.ProfileTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import dev.canopy.shared.Money;
import dev.canopy.shared.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The bulk-payment files of an exported run: one per payout method and currency, each line built from the
 * run's payable line and the payout details it was exported with (a partner's later change pays the next run). A line converted into
 * the partner's own currency is paid in it, at the amount locked on the line.
 */
@Service
public class PayoutFiles {

    /** A file the run makes: its format, currency, how many payments and their total. */
    public record FileOffer(String format, String label, String currency, int payments, Money total) {}

    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(.+)");

    private final PayoutRuns runs;
    private final ProfileTable profiles;
    private final CurrentWorkspace currentWorkspace;

    PayoutFiles(PayoutRuns runs, ProfileTable profiles, CurrentWorkspace currentWorkspace) {
        this.runs = runs;
        this.profiles = profiles;
        this.currentWorkspace = currentWorkspace;
    }

    public List<FileOffer> offers(UUID run) {
        List<PayoutExportLine> lines = exportLines(runs.get(run));
        List<FileOffer> offers = new ArrayList<>();
        for (ExportFormat format : ExportFormats.all()) {
            lines.stream()
                    .filter(l -> l.method() == format.method())
                    .collect(Collectors.groupingBy(l -> l.amount().currencyCode()))
                    .forEach((currency, group) -> offers.add(new FileOffer(
                            format.id(),
                            format.label(),
                            currency,
                            group.size(),
                            group.stream()
                                    .map(PayoutExportLine::amount)
                                    .reduce(Money::plus)
                                    .orElseThrow())));
        }
        offers.sort(Comparator.comparing(FileOffer::format).thenComparing(FileOffer::currency));
        return offers;
    }

    /** Payable lines whose partner has no payout details: no file can pay them. */
    public List<PayoutLineView> missingDetails(UUID run) {
        List<PayoutLineView> payable = payable(runs.get(run));
        Map<PartnerId, PayoutProfile> details = details(payable);
        return payable.stream().filter(l -> !details.containsKey(l.partner())).toList();
    }

    /**
     * The file of {@code format} for the payments in {@code currency}. A line the format cannot pay refuses the
     * whole file, with the partner named instead of the line's index.
     */
    public PayoutDocument file(UUID run, String format, String currency) {
        PayoutRunView found = runs.get(run);
        if (found.status() != PayoutRunStatus.EXPORTED && found.status() != PayoutRunStatus.PAID) {
            throw new ConflictException(
                    null, "Export " + found.reference() + " first: payment files are made from an exported run");
        }
        ExportFormat chosen = ExportFormats.byId(format);
        String code = Money.currency(currency, "currency").getCurrencyCode();
        List<PayoutExportLine> lines = exportLines(found).stream()
                .filter(l -> l.method() == chosen.method()
                        && l.amount().currencyCode().equals(code))
                .toList();
        if (lines.isEmpty()) {
            throw new NotFoundException("Payment file");
        }
        try {
            return new PayoutDocument(
                    chosen.fileName(found.reference() + "-" + code), chosen.contentType(), chosen.write(lines));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(
                    e.problems().stream().map(p -> namedAfterPartner(p, lines)).toList());
        }
    }

    private static FieldProblem namedAfterPartner(FieldProblem problem, List<PayoutExportLine> lines) {
        Matcher m = LINE_FIELD.matcher(problem.field());
        if (!m.matches()) {
            return problem;
        }
        PayoutExportLine line = lines.get(Integer.parseInt(m.group(1)));
        return new FieldProblem(line.partnerName() + " (" + line.reference() + ")", problem.message());
    }

    /** An exported run's lines, each paid to the details it was exported with. */
    private List<PayoutExportLine> exportLines(PayoutRunView run) {
        List<PayoutLineView> payable = payable(run);
        Map<PartnerId, PayoutProfile> details = profiles.paidTo(currentWorkspace.id(), run.id()).stream()
                .collect(Collectors.toMap(PayoutProfile::partner, Function.identity()));
        return payable.stream()
                .filter(l -> details.containsKey(l.partner()))
                .map(l -> exportLine(l, details.get(l.partner())))
                .toList();
    }

    private static PayoutExportLine exportLine(PayoutLineView line, PayoutProfile to) {
        // The bank's country is optional in the details; an IBAN starts with it.
        String country = to.country() == null && to.iban() != null ? to.iban().substring(0, 2) : to.country();
        return new PayoutExportLine(
                line.reference(),
                line.partnerName(),
                to.payeeName(),
                PayoutMethod.valueOf(to.method()),
                to.email(),
                to.iban(),
                to.bic(),
                to.accountNumber(),
                to.bankCode(),
                country,
                line.paid(),
                line.net().currencyCode());
    }

    private List<PayoutLineView> payable(PayoutRunView run) {
        return runs.lines(run.id()).stream().filter(PayoutLineView::payable).toList();
    }

    private Map<PartnerId, PayoutProfile> details(List<PayoutLineView> lines) {
        return profiles
                .payouts(
                        currentWorkspace.id(),
                        lines.stream().map(PayoutLineView::partner).distinct().toList())
                .stream()
                .collect(Collectors.toMap(PayoutProfile::partner, Function.identity()));
    }
}
