package dev.canopy.payouts.internal;

import java.util.Objects;

/** A business on an invoice; {@code address} may span lines ("\n"), {@code gstin} and {@code pan} may be blank. */
public record Party(String legalName, String address, String gstin, String pan) {

    public Party {
        legalName = Objects.requireNonNullElse(legalName, "");
        address = Objects.requireNonNullElse(address, "");
        gstin = Objects.requireNonNullElse(gstin, "");
        pan = Objects.requireNonNullElse(pan, "");
    }
}
