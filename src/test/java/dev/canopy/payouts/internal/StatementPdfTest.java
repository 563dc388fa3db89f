package dev.canopy.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.payouts.Conversion;
import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatementPdfTest {

    private static final LocalDate APRIL_30 = LocalDate.of(2026, 4, 30);

    @Test
    void showsThePartnerEachCommissionTheTotalsAndTheNotes() {
        PartnerStatement statement = statement(
                "Bluebird Consulting Pvt Ltd",
                List.of(
                        line(
                                4,
                                "Referral: Wide World Importers",
                                "Referral Partner Program",
                                "150000.00",
                                "15 %",
                                "22500.00"),
                        line(
                                17,
                                "Resale margin: Contoso annual plan",
                                "Reseller Program",
                                "45000.00",
                                "20 %",
                                "9000.00"),
                        line(28, "Refund reversal: Fabrikam", "Reseller Program", "-1000.00", "20 %", "-200.00")),
                "31300.00",
                "5634.00",
                "626.00",
                "36308.00",
                List.of("TDS under s.194H at 2 %", "GST at 18 % added as the partner is registered"));

        PdfText pdf = PdfText.of(StatementPdf.render(statement));

        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.text())
                .contains("Partner statement")
                .contains("Northwind Cloud")
                .contains("Bluebird Consulting Pvt Ltd")
                .contains("April 2026")
                .contains("STMT-2026-04-0007")
                .contains("30 Apr 2026")
                .contains("Referral: Wide World Importers", "INR 22500.00")
                .contains("Resale margin: Contoso annual plan", "INR 9000.00")
                .contains("Refund reversal: Fabrikam", "INR -200.00")
                .contains("Gross commission INR 31300.00")
                .contains("GST added INR 5634.00")
                .contains("TDS withheld INR 626.00")
                .contains("Net paid INR 36308.00")
                .contains("TDS under s.194H at 2 %")
                .contains("Page 1 of 1");
    }

    @Test
    void aPartnerPaidInItsOwnCurrencySeesTheNetAsEarnedAndWhatItWasPaidAtWhichRate() {
        Money net = Money.of("1000", "EUR");
        PartnerStatement statement = new PartnerStatement(
                "Northwind Cloud",
                "Integrately Inc.",
                "October 2026",
                "PR-0003-0001",
                LocalDate.of(2026, 11, 15),
                List.of(new StatementLine(
                        LocalDate.of(2026, 10, 2), "Deal won: Contoso", "Referral", "EUR 6666.67", "15 %", net)),
                net,
                Money.of("0", "EUR"),
                Money.of("0", "EUR"),
                Money.of("0", "EUR"),
                net,
                new Conversion(Money.of("1083.40", "USD"), new BigDecimal("1.0834"), LocalDate.of(2026, 10, 31)),
                List.of());

        String text = PdfText.of(StatementPdf.render(statement)).text();

        assertThat(text)
                .contains("Gross commission EUR 1000.00")
                .contains("Net EUR 1000.00")
                .contains("Paid in USD USD 1083.40")
                .contains("1,000.00 EUR paid as 1,083.40 USD at 1.0834 (rate of 2026-10-31)")
                .doesNotContain("Net paid");
    }

    @Test
    void listsEveryOneOfTwoHundredLinesOverSeveralPages() {
        List<StatementLine> lines = IntStream.rangeClosed(1, 200)
                .mapToObj(i -> new StatementLine(
                        APRIL_30,
                        "Deal D-" + i + " won",
                        "Reseller Program",
                        "Contract value",
                        "10 %",
                        Money.of(String.valueOf(i), "INR")))
                .toList();

        PdfText pdf =
                PdfText.of(StatementPdf.render(statement("Bluebird", lines, "20100", "0", "0", "20100", List.of())));

        assertThat(pdf.pages()).isGreaterThan(3);
        IntStream.rangeClosed(1, 200)
                .forEach(i -> assertThat(pdf.text())
                        .contains("Deal D-" + i + " won Reseller Program Contract value 10 % INR " + i + ".00"));
        assertThat(pdf.text()).contains("Net paid INR 20100.00", "Page " + pdf.pages() + " of " + pdf.pages());
    }

    @Test
    void printsNamesInAnyScriptItsFontHasAndAQuestionMarkForOthers() {
        PdfText pdf = PdfText.of(StatementPdf.render(
                statement("Bücher & Söhne — Ελληνικά Партнёр", List.of(), "0", "0", "0", "0", List.of("विक्रेता"))));

        assertThat(pdf.text()).contains("Bücher & Söhne — Ελληνικά Партнёр").contains("????????");
    }

    @Test
    void refusesTotalsThatDoNotAddUp() {
        assertThatThrownBy(() -> statement("Bluebird", List.of(), "100", "18", "2", "120", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static StatementLine line(
            int day, String description, String programme, String basis, String rate, String amount) {
        return new StatementLine(
                LocalDate.of(2026, 4, day), description, programme, "INR " + basis, rate, Money.of(amount, "INR"));
    }

    private static PartnerStatement statement(
            String partner,
            List<StatementLine> lines,
            String gross,
            String gst,
            String tds,
            String net,
            List<String> notes) {
        return new PartnerStatement(
                "Northwind Cloud",
                partner,
                "April 2026",
                "STMT-2026-04-0007",
                APRIL_30,
                lines,
                Money.of(gross, "INR"),
                Money.of(gst, "INR"),
                Money.of(tds, "INR"),
                Money.of("0", "INR"),
                Money.of(net, "INR"),
                null,
                notes);
    }
}
