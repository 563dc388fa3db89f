package dev.canopy.payouts.internal;

import static dev.canopy.payouts.internal.ExportLines.bank;
import static dev.canopy.payouts.internal.ExportLines.paypal;
import static dev.canopy.payouts.internal.ExportLines.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import dev.canopy.shared.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankCsvTest {

    private final BankCsv format = new BankCsv();

    @Test
    void writesAHeaderAndOneRowPerPaymentWithExactAmounts() {
        byte[] file = format.write(List.of(
                bank(
                        "CNP-7F3A2B1C-0001",
                        "Bluebird Consulting GmbH",
                        "de89 3704 0044 0532 0130 00",
                        "cobadeffxxx",
                        "",
                        "",
                        "de",
                        Money.of("1200.5", "EUR")),
                bank(
                        "CNP-7F3A2B1C-0002",
                        "Northstar, Inc.",
                        "",
                        "",
                        "000123456789",
                        "021000021",
                        "US",
                        Money.of(new java.math.BigDecimal("1E+3"), "USD")),
                bank(
                        "CNP-7F3A2B1C-0003",
                        "Sakura KK",
                        "",
                        "",
                        "1234567",
                        "0005-123",
                        "JP",
                        Money.of("150000", "JPY"))));

        assertThat(text(file)).isEqualTo("""
                Payee name,IBAN or account number,BIC or bank code,Country,Amount,Currency,Reference\r
                Bluebird Consulting GmbH,DE89370400440532013000,COBADEFFXXX,DE,1200.50,EUR,CNP-7F3A2B1C-0001\r
                "Northstar, Inc.",000123456789,021000021,US,1000.00,USD,CNP-7F3A2B1C-0002\r
                Sakura KK,1234567,0005-123,JP,150000,JPY,CNP-7F3A2B1C-0003\r
                """);
    }

    @Test
    void defusesTextThatASpreadsheetWouldRunAsAFormula() {
        byte[] file = format.write(List.of(
                bank(
                        "CNP-1",
                        "=HYPERLINK(\"http://evil.example\")",
                        "GB82WEST12345698765432",
                        "",
                        "",
                        "",
                        "GB",
                        Money.of("10", "GBP")),
                bank("CNP-2", "@SUM(A1:A9)", "", "", "-1234", "+44", "GB", Money.of("20", "GBP")),
                bank("CNP-3", "-Minus Partners", "", "", "12345678", "404784", "GB", Money.of("30", "GBP"))));

        assertThat(text(file).lines().skip(1))
                .containsExactly(
                        "\"'=HYPERLINK(\"\"http://evil.example\"\")\",GB82WEST12345698765432,,GB,10.00,GBP,CNP-1",
                        "'@SUM(A1:A9),'-1234,'+44,GB,20.00,GBP,CNP-2",
                        "'-Minus Partners,12345678,404784,GB,30.00,GBP,CNP-3");
    }

    @Test
    void refusesTheFileNamingEveryLineThatLacksWhatABankNeeds() {
        List<PayoutExportLine> lines = List.of(
                bank("CNP-1", "", "DE89370400440532013001", "DEUT", "", "", "Germany", Money.of("10", "EUR")),
                bank("CNP-2", "Acme", "", "", "", "", "US", Money.of("10", "USD")),
                bank("CNP-3", "Acme", "", "", "123456", "", "US", Money.of("0", "USD")),
                paypal("CNP-4", "pat@bluebird.example", Money.of("10", "USD")),
                bank("CNP-3", "Acme", "GB82WEST12345698765432", "", "", "", "GB", Money.of("10", "GBP")));

        assertThatThrownBy(() -> format.write(lines))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly(
                                        "lines[0].payeeName",
                                        "lines[0].iban",
                                        "lines[0].bic",
                                        "lines[0].country",
                                        "lines[1].iban",
                                        "lines[2].amount",
                                        "lines[2].bankCode",
                                        "lines[3].method",
                                        "lines[4].reference"));
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> format.write(List.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("lines"));
    }
}
