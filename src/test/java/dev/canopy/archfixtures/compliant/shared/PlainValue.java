package dev.canopy.archfixtures.compliant.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** Complies: a shared value type in plain Java. */
public record PlainValue(BigDecimal amount, Currency currency, int[] parts) {

    public PlainValue {
        Objects.requireNonNull(amount, "amount");
    }
}
