package dev.canopy.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.canopy.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ExportFormatsTest {

    @Test
    void offersOneFormatPerPayoutMethod() {
        assertThat(ExportFormats.all())
                .extracting(ExportFormat::id, ExportFormat::method)
                .containsExactly(
                        tuple("bank", PayoutMethod.BANK),
                        tuple("paypal", PayoutMethod.PAYPAL),
                        tuple("wise", PayoutMethod.WISE));
    }

    @Test
    void findsAFormatByIdAndNamesTheFieldOfAnUnknownOne() {
        assertThat(ExportFormats.byId("wise")).isInstanceOf(WiseBatchCsv.class);
        assertThatThrownBy(() -> ExportFormats.byId("swift"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("format: There is no export format 'swift'; choose bank, paypal, wise");
    }

    @Test
    void namesFilesAfterTheRunWithoutCharactersUnsafeInAHeader() {
        ExportFormat bank = ExportFormats.byId("bank");

        assertThat(bank.fileName("CNP-7F3A2B1C")).isEqualTo("payouts-CNP-7F3A2B1C-bank.csv");
        assertThat(bank.fileName("run \"7\"/2026")).isEqualTo("payouts-run_7_2026-bank.csv");
        assertThat(bank.contentType()).isEqualTo("text/csv; charset=UTF-8");
    }
}
