package dev.canopy.payouts.internal;

import dev.canopy.shared.Money;
import java.util.Objects;

/** A service on an invoice with its SAC (services accounting code, like 998599) and taxable amount. */
public record InvoiceLine(String description, String sac, Money amount) {

    public InvoiceLine {
        description = Objects.requireNonNullElse(description, "");
        sac = Objects.requireNonNullElse(sac, "");
        Objects.requireNonNull(amount, "amount");
    }
}
