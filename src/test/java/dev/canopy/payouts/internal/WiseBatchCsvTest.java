package dev.canopy.payouts.internal;

import static dev.canopy.payouts.internal.ExportLines.text;
import static dev.canopy.payouts.internal.ExportLines.wise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import dev.canopy.shared.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class WiseBatchCsvTest {

    private final WiseBatchCsv format = new WiseBatchCsv();

    @Test
    void writesWisesTemplateToAnIbanAUkAccountOrAnEmail() {
        byte[] file = format.write(List.of(
                wise(
                        "CNP-7F3A2B1C-0001",
                        "Bluebird Consulting GmbH",
                        "Bluebird Consulting GmbH",
                        "",
                        "DE89 3704 0044 0532 0130 00",
                        "",
                        "",
                        Money.of("1200.5", "EUR")),
                wise(
                        "CNP-7F3A2B1C-0002",
                        "Integrately Ltd",
                        "Sam Patel",
                        "Sam@Integrately.example",
                        "",
                        "12345678",
                        "40-47-84",
                        Money.of("75", "GBP")),
                wise(
                        "CNP-7F3A2B1C-0003",
                        "Sakura KK",
                        "Aiko Tanaka",
                        "aiko@sakura.example",
                        "",
                        "",
                        "",
                        Money.of("150000", "JPY"))));

        assertThat(text(file)).isEqualTo("""
                name,recipientEmail,paymentReference,receiverType,amountCurrency,amount,sourceCurrency,\
                targetCurrency,IBAN,accountNumber,sortCode\r
                Bluebird Consulting GmbH,,CNP-7F3A2B1C-0001,BUSINESS,target,1200.50,EUR,EUR,\
                DE89370400440532013000,,\r
                Sam Patel,sam@integrately.example,CNP-7F3A2B1C-0002,PERSON,target,75.00,GBP,GBP,,12345678,404784\r
                Aiko Tanaka,aiko@sakura.example,CNP-7F3A2B1C-0003,PERSON,target,150000,JPY,JPY,,,\r
                """);
    }

    @Test
    void aPartnerPaidInItsOwnCurrencyGetsThatAmountFundedFromTheBalanceItWasEarnedIn() {
        PayoutExportLine line = new PayoutExportLine(
                "CNP-9",
                "Acme Inc",
                "Acme Inc",
                PayoutMethod.WISE,
                "pay@acme.example",
                "",
                "",
                "",
                "",
                "US",
                Money.of("1083.40", "USD"),
                "EUR");

        assertThat(text(format.write(List.of(line))).lines().skip(1))
                .containsExactly("Acme Inc,pay@acme.example,CNP-9,BUSINESS,target,1083.40,EUR,USD,,,");
    }

    @Test
    void defusesTextThatASpreadsheetWouldRunAsAFormula() {
        byte[] file = format.write(
                List.of(wise("CNP-1", "Acme", "+cmd|' /C calc'!A0", "a@b.example", "", "", "", Money.of("5", "USD"))));

        assertThat(text(file).lines().skip(1))
                .containsExactly("'+cmd|' /C calc'!A0,a@b.example,CNP-1,PERSON,target,5.00,USD,USD,,,");
    }

    @Test
    void refusesLinesWiseCannotPay() {
        List<PayoutExportLine> lines = List.of(
                wise("CNP-1", "Acme", "", "a@b.example", "", "", "", Money.of("5", "USD")),
                wise("CNP-2", "Acme", "Acme", "", "", "12345678", "021000021", Money.of("5", "USD")),
                wise("CNP-3", "Acme", "Acme", "", "", "1234", "40-47", Money.of("5", "GBP")),
                wise("CNP-4", "Acme", "Acme", "nope", "DE00370400440532013000", "", "", Money.of("5", "EUR")));

        assertThatThrownBy(() -> format.write(lines))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly(
                                        "lines[0].payeeName",
                                        "lines[1].email",
                                        "lines[2].bankCode",
                                        "lines[2].accountNumber",
                                        "lines[3].email",
                                        "lines[3].iban"));
    }
}
