package dev.canopy.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfBilledInvoicePdfTest {

    private static final Party BLUEBIRD = new Party(
            "Bluebird Consulting Private Limited",
            "12 MG Road\nBengaluru 560001, Karnataka",
            "29AABCZ1234A1ZQ",
            "AABCZ1234A");
    private static final Party NORTHWIND_KARNATAKA =
            new Party("Northwind Cloud India Pvt Ltd", "4 Residency Road\nBengaluru 560025", "29AAGCB7383J1Z4", "");
    private static final Party NORTHWIND_MAHARASHTRA =
            new Party("Northwind Cloud India Pvt Ltd", "7 Nariman Point\nMumbai 400021", "27AAPFU0939F1ZV", "");

    @Test
    void anIntraStateInvoiceShowsCgstAndSgstAndTheSelfBillingDeclaration() {
        PdfText pdf = PdfText.of(SelfBilledInvoicePdf.render(invoice(NORTHWIND_KARNATAKA, "Karnataka (29)")));

        assertThat(pdf.text())
                .contains("Self-billed invoice")
                .contains("Invoice issued by the recipient on behalf of the supplier under self-billing")
                .contains("SB-2026-000042", "30 Apr 2026", "Karnataka (29)")
                .contains("Bluebird Consulting Private Limited", "GSTIN: 29AABCZ1234A1ZQ", "PAN: AABCZ1234A")
                .contains("Northwind Cloud India Pvt Ltd", "GSTIN: 29AAGCB7383J1Z4")
                .contains("Referral commission, April 2026 998599 INR 150000.00")
                .contains("Resale margin, April 2026 998599 INR 30000.00")
                .contains("Taxable value INR 180000.00")
                .contains("CGST @ 9 % INR 16200.00")
                .contains("SGST @ 9 % INR 16200.00")
                .contains("Invoice total INR 212400.00")
                .contains("TDS withheld INR 3600.00")
                .contains("Amount paid INR 208800.00")
                .doesNotContain("IGST");
    }

    @Test
    void anInterStateInvoiceShowsIgst() {
        PdfText pdf = PdfText.of(SelfBilledInvoicePdf.render(invoice(NORTHWIND_MAHARASHTRA, "Maharashtra (27)")));

        assertThat(pdf.text())
                .contains("IGST @ 18 % INR 32400.00")
                .contains("Invoice total INR 212400.00")
                .doesNotContain("CGST", "SGST");
    }

    @Test
    void refusesLinesThatDoNotMakeTheTaxableValue() {
        assertThatThrownBy(() -> new SelfBilledInvoice(
                        "SB-1",
                        LocalDate.of(2026, 4, 30),
                        BLUEBIRD,
                        NORTHWIND_KARNATAKA,
                        List.of(new InvoiceLine("Referral commission", "998599", inr("100"))),
                        inr("200"),
                        new BigDecimal("18"),
                        inr("18"),
                        inr("18"),
                        inr("0"),
                        inr("236"),
                        inr("0"),
                        "Karnataka (29)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SelfBilledInvoice invoice(Party recipient, String placeOfSupply) {
        Money taxable = inr("180000");
        BigDecimal rate = new BigDecimal("18");
        GstSplit gst = GstSplit.of(
                Gstin.parse(BLUEBIRD.gstin(), "supplier.gstin"),
                Gstin.parse(recipient.gstin(), "recipient.gstin"),
                taxable,
                rate);
        return new SelfBilledInvoice(
                "SB-2026-000042",
                LocalDate.of(2026, 4, 30),
                BLUEBIRD,
                recipient,
                List.of(
                        new InvoiceLine("Referral commission, April 2026", "998599", inr("150000")),
                        new InvoiceLine("Resale margin, April 2026", "998599", inr("30000"))),
                taxable,
                rate,
                gst.cgst(),
                gst.sgst(),
                gst.igst(),
                taxable.plus(gst.total()),
                inr("3600"),
                placeOfSupply);
    }

    private static Money inr(String amount) {
        return Money.of(amount, "INR");
    }
}
