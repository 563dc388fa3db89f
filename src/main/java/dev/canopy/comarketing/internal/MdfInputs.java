package dev.canopy.comarketing.internal;

import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads MDF form and API fields, gathering every problem by field (a field's first problem wins), so one answer
 * names them all. Each reader answers null for a field it refused.
 */
public final class MdfInputs {

    private final Map<String, String> problems = new LinkedHashMap<>();

    public @Nullable String text(String field, @Nullable String raw, int max, boolean required) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty() && required) {
            return problem(field, "Enter it");
        }
        if (value.length() > max) {
            return problem(field, "Use at most " + max + " characters");
        }
        return value;
    }

    public @Nullable UUID id(String field, @Nullable String raw, String whenMissing) {
        if (raw == null || raw.isBlank()) {
            return problem(field, whenMissing);
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            return problem(field, whenMissing);
        }
    }

    public @Nullable LocalDate date(String field, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return problem(field, "Enter a date, like 2027-01-31");
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            return problem(field, "Enter a date as YYYY-MM-DD, like 2027-01-31");
        }
    }

    public @Nullable Integer number(String field, @Nullable String raw, int min, int max, @Nullable Integer fallback) {
        if ((raw == null || raw.isBlank()) && fallback != null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(String.valueOf(raw).strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return problem(field, "Enter a whole number from " + min + " to " + max);
    }

    /** A positive amount of {@code currency}, never finer than its minor unit. */
    public @Nullable Money amount(String field, @Nullable String raw, @Nullable Currency currency) {
        if (currency == null) {
            return null;
        }
        try {
            Money m = Money.parse(raw, currency, field);
            return m.amount().signum() > 0 ? m : problem(field, "Enter an amount above zero");
        } catch (InvalidInputException e) {
            return problem(field, e.problems().getFirst().message());
        }
    }

    public @Nullable Currency currency(String field, @Nullable String raw) {
        try {
            return Money.currency(raw, field);
        } catch (InvalidInputException e) {
            return problem(field, e.problems().getFirst().message());
        }
    }

    /** A percentage above 0 and up to 100, with at most four decimals. */
    public @Nullable BigDecimal percent(String field, String raw) {
        try {
            BigDecimal p = Money.parseAmount(raw, field);
            if (p.signum() > 0
                    && p.compareTo(BigDecimal.valueOf(100)) <= 0
                    && p.stripTrailingZeros().scale() <= 4) {
                return p;
            }
        } catch (InvalidInputException e) {
            // answered below
        }
        return problem(field, "Enter a percentage above 0 and up to 100, like 2.5");
    }

    public <E extends Enum<E>> @Nullable E choice(String field, @Nullable String raw, Class<E> type, String message) {
        try {
            return Enum.valueOf(type, String.valueOf(raw).strip());
        } catch (IllegalArgumentException e) {
            return problem(field, message);
        }
    }

    public <T> @Nullable T problem(String field, String message) {
        problems.putIfAbsent(field, message);
        return null;
    }

    public boolean has(String field) {
        return problems.containsKey(field);
    }

    /** Refuses the input, naming every field with a problem, if there is one. */
    public void check() {
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
    }
}
