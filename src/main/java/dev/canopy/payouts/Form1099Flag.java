package dev.canopy.payouts;

import java.util.Optional;

/**
 * What to do about a partner in the 1099 report. The form on file decides first (a W-9 certifies a US person, a W-8
 * a foreign one); without a form, the partner's country does.
 */
public enum Form1099Flag {
    NEC_REQUIRED("1099-NEC required", "W-9 on file and paid at least the threshold: file a 1099-NEC."),
    W9_MISSING("W-9 missing", "A US partner paid at least the threshold without a W-9: request one before filing."),
    FOREIGN_W8("Foreign (W-8), no 1099", "A W-8 on file: a foreign person, no 1099-NEC."),
    FOREIGN_NO_FORM(
            "Foreign, no W-8 on file", "Not a US partner by its details, but no W-8 documents it: request one."),
    NO_TAX_DETAILS("No tax details", "No tax form and no country on record: ask the partner for its tax details."),
    RATE_MISSING(
            "Exchange rate missing",
            "A payment could not be converted, and without it the total is under the threshold: enter the rate.");

    private final String label;
    private final String explanation;

    Form1099Flag(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    /**
     * The flag of a partner, or none when it is not in the report: paid under the threshold with every payment
     * converted. {@code country} is where the partner is, or null when nothing says.
     */
    public static Optional<Form1099Flag> of(
            UsTaxForm form, String country, boolean reachesThreshold, boolean everyPaymentConverted) {
        if (!reachesThreshold) {
            return everyPaymentConverted ? Optional.empty() : Optional.of(RATE_MISSING);
        }
        if (form == UsTaxForm.W9) {
            return Optional.of(NEC_REQUIRED);
        }
        if (form.foreign()) {
            return Optional.of(FOREIGN_W8);
        }
        if (country == null) {
            return Optional.of(NO_TAX_DETAILS);
        }
        return Optional.of("US".equals(country) ? W9_MISSING : FOREIGN_NO_FORM);
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }
}
