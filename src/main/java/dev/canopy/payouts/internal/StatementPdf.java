package dev.canopy.payouts.internal;

import static dev.canopy.payouts.internal.PdfLayout.date;
import static dev.canopy.payouts.internal.PdfLayout.money;

import dev.canopy.payouts.Conversion;
import dev.canopy.payouts.internal.PdfLayout.Column;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A partner statement as a PDF: one row per commission, on as many pages as it takes, then totals and notes.
 * Reimbursements (MDF) have a row of their own below the tax, since no tax applies to them.
 */
public final class StatementPdf {

    private static final List<Column> LINES = List.of(
            new Column("Date", 62, false),
            new Column("Description", PdfLayout.WIDTH - 62 - 85 - 80 - 40 - 85, false),
            new Column("Programme", 85, false),
            new Column("Basis", 80, false),
            new Column("Rate", 40, true),
            new Column("Amount", 85, true));
    private static final List<Column> FIELDS =
            List.of(new Column("", 70, false), new Column("", PdfLayout.WIDTH - 70, false));

    private StatementPdf() {}

    public static byte[] render(PartnerStatement statement) {
        try (PdfLayout pdf = new PdfLayout(
                "Statement " + statement.reference(),
                statement.workspaceName() + " · partner statement " + statement.reference())) {
            pdf.title("Partner statement");
            pdf.fields(
                    FIELDS,
                    List.of(
                            List.of("From", statement.workspaceName()),
                            List.of("To", statement.partnerName()),
                            List.of("Period", statement.periodLabel()),
                            List.of("Reference", statement.reference()),
                            List.of("Issued on", date(statement.issuedOn()))));
            pdf.space(12);
            pdf.table(
                    LINES,
                    statement.lines().stream()
                            .map(line -> List.of(
                                    date(line.date()),
                                    line.description(),
                                    line.programme(),
                                    line.basis(),
                                    line.rate(),
                                    money(line.amount())))
                            .toList());
            pdf.space(8);
            pdf.total("Gross commission", money(statement.gross()), false);
            pdf.total("GST added", money(statement.gst()), false);
            pdf.total("TDS withheld", money(statement.tds()), false);
            if (!statement.reimbursed().isZero()) {
                pdf.total("Reimbursements (MDF), untaxed", money(statement.reimbursed()), false);
            }
            Conversion conversion = statement.conversion();
            if (conversion == null) {
                pdf.total("Net paid", money(statement.net()), true);
            } else {
                pdf.total("Net", money(statement.net()), false);
                pdf.total("Paid in " + conversion.paid().currencyCode(), money(conversion.paid()), true);
                pdf.space(6);
                pdf.paragraph(conversion.describe(statement.net()), 9, false);
            }
            if (!statement.notes().isEmpty()) {
                pdf.space(12);
                pdf.paragraph("Notes", 10, true);
                for (String note : statement.notes()) {
                    pdf.paragraph("• " + note, 9, false);
                }
            }
            return pdf.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render statement " + statement.reference(), e);
        }
    }
}
