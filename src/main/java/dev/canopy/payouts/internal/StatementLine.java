package dev.canopy.payouts.internal;

import dev.canopy.shared.Money;
import java.time.LocalDate;
import java.util.Objects;

/** One commission on a partner statement: what it was earned on, and how ({@code basis} and {@code rate}). */
public record StatementLine(
        LocalDate date, String description, String programme, String basis, String rate, Money amount) {

    public StatementLine {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        description = Objects.requireNonNullElse(description, "");
        programme = Objects.requireNonNullElse(programme, "");
        basis = Objects.requireNonNullElse(basis, "");
        rate = Objects.requireNonNullElse(rate, "");
    }
}
