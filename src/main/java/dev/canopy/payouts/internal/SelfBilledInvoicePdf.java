package dev.canopy.payouts.internal;

import static dev.canopy.payouts.internal.PdfLayout.date;
import static dev.canopy.payouts.internal.PdfLayout.money;

import dev.canopy.payouts.internal.PdfLayout.Column;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A self-billed GST invoice as a PDF: the vendor (recipient of the partner's services) issues it on the
 * partner's behalf, says so in the declaration line, and shows CGST and SGST, or IGST, at the invoice's rate.
 */
public final class SelfBilledInvoicePdf {

    static final String DECLARATION = "Invoice issued by the recipient on behalf of the supplier under self-billing";

    private static final List<Column> PARTIES = List.of(
            new Column("Supplier", PdfLayout.WIDTH / 2, false), new Column("Recipient", PdfLayout.WIDTH / 2, false));
    private static final List<Column> LINES = List.of(
            new Column("#", 25, false),
            new Column("Description", PdfLayout.WIDTH - 25 - 70 - 110, false),
            new Column("SAC", 70, false),
            new Column("Taxable value", 110, true));
    private static final List<Column> FIELDS =
            List.of(new Column("", 90, false), new Column("", PdfLayout.WIDTH - 90, false));

    private SelfBilledInvoicePdf() {}

    public static byte[] render(SelfBilledInvoice invoice) {
        try (PdfLayout pdf = new PdfLayout(
                "Self-billed invoice " + invoice.number(),
                "Self-billed invoice " + invoice.number() + " · "
                        + invoice.supplier().legalName())) {
            pdf.title("Self-billed invoice");
            pdf.paragraph(DECLARATION, 9, false);
            pdf.space(8);
            pdf.fields(
                    FIELDS,
                    List.of(
                            List.of("Invoice number", invoice.number()),
                            List.of("Date", date(invoice.issuedOn())),
                            List.of("Place of supply", invoice.placeOfSupply())));
            pdf.space(10);
            pdf.table(PARTIES, List.of(List.of(party(invoice.supplier()), party(invoice.recipient()))));
            pdf.space(10);
            List<InvoiceLine> lines = invoice.lines();
            pdf.table(
                    LINES,
                    IntStream.range(0, lines.size())
                            .mapToObj(i -> List.of(
                                    String.valueOf(i + 1),
                                    lines.get(i).description(),
                                    lines.get(i).sac(),
                                    money(lines.get(i).amount())))
                            .toList());
            pdf.space(8);
            pdf.total("Taxable value", money(invoice.taxableValue()), false);
            if (invoice.cgst().isZero() && invoice.sgst().isZero()) {
                pdf.total("IGST @ " + percent(invoice.gstRate()), money(invoice.igst()), false);
            } else {
                String half = percent(invoice.gstRate().divide(BigDecimal.TWO));
                pdf.total("CGST @ " + half, money(invoice.cgst()), false);
                pdf.total("SGST @ " + half, money(invoice.sgst()), false);
            }
            pdf.total("Invoice total", money(invoice.total()), true);
            pdf.total("TDS withheld", money(invoice.tdsWithheld()), false);
            pdf.total("Amount paid", money(invoice.amountPaid()), false);
            return pdf.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render invoice " + invoice.number(), e);
        }
    }

    private static String party(Party party) {
        List<String> lines = new ArrayList<>(List.of(party.legalName()));
        if (!party.address().isBlank()) {
            lines.add(party.address());
        }
        if (!party.gstin().isBlank()) {
            lines.add("GSTIN: " + party.gstin());
        }
        if (!party.pan().isBlank()) {
            lines.add("PAN: " + party.pan());
        }
        return String.join("\n", lines);
    }

    private static String percent(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString() + " %";
    }
}
