package dev.canopy.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.platform.CsvCells;
import dev.canopy.shared.Money;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every CSV of the payouts module (payment files, reconciliation, 1099) writes its cells through one rule. */
class CsvFilesNeverCarryFormulas {

    @Test
    void aCellThatWouldRunAsAFormulaIsWrittenAsTextAndAmountsStayNumbers() {
        String csv = new String(
                CsvFile.of(
                        List.of("partner", "net", "note"),
                        List.of(
                                List.of("=HYPERLINK(\"x\")", Money.of("-12.50", "USD"), "+cmd"),
                                List.of("@SUM(1)", Money.of("3.00", "EUR"), "\tTab"),
                                List.of("-2+3", Money.of("0.10", "INR"), "\rCR"),
                                List.of("Acme", Money.of("1.00", "USD"), "plain"))),
                StandardCharsets.UTF_8);

        assertThat(List.of(csv.split("\r\n")))
                .containsExactly(
                        "partner,net,note",
                        "\"'=HYPERLINK(\"\"x\"\")\",-12.50,'+cmd",
                        "'@SUM(1),3.00,'\tTab",
                        "'-2+3,0.10,\"'\rCR\"",
                        "Acme,1.00,plain");
    }

    @Test
    void theRuleIsOneForEveryModule() {
        assertThat(CsvCells.text("=1")).isEqualTo("'=1");
        assertThat(CsvCells.text(null)).isEmpty();
        assertThat(CsvCells.text("Acme =1")).isEqualTo("Acme =1");
    }
}
