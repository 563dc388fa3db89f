package dev.canopy.payouts.internal;

import java.util.List;

/**
 * A bulk-payment file that a bank, PayPal or Wise takes as an upload. {@link #write} refuses the whole file
 * (an {@link dev.canopy.shared.InvalidInputException} naming each {@code lines[i].field} at fault) rather than
 * leave a payment out: a file that uploads but silently skips a partner is worse than one that does not upload.
 */
public interface ExportFormat {

    /** Stable id for URLs and forms: {@code bank}, {@code paypal}, {@code wise}. */
    String id();

    String label();

    /** The only method whose lines this format takes; the caller groups a run's lines by method. */
    PayoutMethod method();

    String fileName(String runReference);

    String contentType();

    byte[] write(List<PayoutExportLine> lines);
}
