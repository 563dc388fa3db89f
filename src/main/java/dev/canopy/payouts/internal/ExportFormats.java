package dev.canopy.payouts.internal;

import dev.canopy.shared.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;

/** The bulk-payment files Canopy writes, for the screens to offer and the download to pick by id. */
public final class ExportFormats {

    private static final List<ExportFormat> ALL = List.of(new BankCsv(), new PayPalPayoutsCsv(), new WiseBatchCsv());

    private ExportFormats() {}

    public static List<ExportFormat> all() {
        return ALL;
    }

    public static ExportFormat byId(String id) {
        return ALL.stream()
                .filter(format -> format.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "format",
                        "There is no export format '" + id + "'; choose "
                                + ALL.stream().map(ExportFormat::id).collect(Collectors.joining(", "))));
    }
}
