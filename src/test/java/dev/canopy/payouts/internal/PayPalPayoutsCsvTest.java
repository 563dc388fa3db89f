package dev.canopy.payouts.internal;

import static dev.canopy.payouts.internal.ExportLines.bank;
import static dev.canopy.payouts.internal.ExportLines.paypal;
import static dev.canopy.payouts.internal.ExportLines.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import dev.canopy.shared.Money;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayPalPayoutsCsvTest {

    private final PayPalPayoutsCsv format = new PayPalPayoutsCsv();

    @Test
    void writesPayPalsColumnsWithoutAHeader() {
        byte[] file = format.write(List.of(
                paypal("CNP-7F3A2B1C-0001", " Pat@Bluebird.example ", Money.of("1200.5", "USD")),
                paypal("CNP-7F3A2B1C-0002", "sam@integrately.example", Money.of("0.10", "USD"))));

        assertThat(text(file)).isEqualTo("""
                pat@bluebird.example,1200.50,USD,CNP-7F3A2B1C-0001,Partner payout CNP-7F3A2B1C-0001,PAYPAL\r
                sam@integrately.example,0.10,USD,CNP-7F3A2B1C-0002,Partner payout CNP-7F3A2B1C-0002,PAYPAL\r
                """);
    }

    @Test
    void writesYenWithoutDecimals() {
        byte[] file = format.write(List.of(
                paypal("CNP-1", "aiko@sakura.example", Money.of("150000", "JPY")),
                paypal("CNP-2", "ren@sakura.example", Money.of("1234.4", "JPY"))));

        assertThat(text(file)).isEqualTo("""
                aiko@sakura.example,150000,JPY,CNP-1,Partner payout CNP-1,PAYPAL\r
                ren@sakura.example,1234,JPY,CNP-2,Partner payout CNP-2,PAYPAL\r
                """);
    }

    @Test
    void defusesAnEmailThatStartsLikeAFormula() {
        byte[] file = format.write(List.of(paypal("CNP-1", "-2+3@evil.example", Money.of("1", "USD"))));

        assertThat(text(file)).startsWith("'-2+3@evil.example,1.00,USD,");
    }

    @Test
    void refusesLinesPayPalCannotPay() {
        List<PayoutExportLine> lines = List.of(
                paypal("CNP-1", "", Money.of("10", "USD")),
                paypal("CNP-2", "not an email", Money.of("10", "USD")),
                paypal("CNP 3", "a@b.example", Money.of("10", "USD")),
                paypal("CNP-4-" + "X".repeat(30), "a@b.example", Money.of("10", "USD")),
                bank("CNP-5", "Acme", "GB82WEST12345698765432", "", "", "", "GB", Money.of("10", "GBP")),
                paypal("CNP-6", "a@b.example", Money.of("10", "EUR")));

        assertThatThrownBy(() -> format.write(lines)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly(
                            "lines[0].email",
                            "lines[1].email",
                            "lines[2].reference",
                            "lines[3].reference",
                            "lines[4].method",
                            "lines[4].amount",
                            "lines[5].amount");
            assertThat(e.problems().getLast().message())
                    .isEqualTo("PayPal takes one currency per file: this payment is in EUR, the file in USD");
        });
    }

    @Test
    void takesAtMostFiveThousandPaymentsPerFile() {
        List<PayoutExportLine> lines = Collections.nCopies(5_001, paypal("CNP-1", "a@b.example", Money.of("1", "USD")));

        assertThatThrownBy(() -> format.write(lines))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("lines: PayPal Payouts (CSV) takes at most 5000 payments per file; split the run");
    }
}
