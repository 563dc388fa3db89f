package dev.canopy.commissions;

import dev.canopy.audit.AuditLog;
import dev.canopy.commissions.internal.RateTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchange rates with the day they apply from, entered one by one or imported as CSV
 * ({@code base,quote,effective_on,rate}). A commission locks the latest rate on its sale's day; sources
 * that waited for a missing rate are priced as soon as one arrives. A payout line paid in another currency
 * locks the latest rate on its run's last day, looked up the same way ({@link #latest}).
 */
@Service
public class ExchangeRates {

    private final RateTable rates;
    private final Commissions commissions;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    ExchangeRates(
            RateTable rates, Commissions commissions, CurrentWorkspace currentWorkspace, AuditLog audit, Clock clock) {
        this.rates = rates;
        this.commissions = commissions;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ExchangeRate> list() {
        return rates.list(currentWorkspace.id());
    }

    /**
     * The rate converting {@code from} into {@code to} on {@code day}: the latest on or before it, entered either
     * way round (then at its inverse); empty when there is none yet. The answer's base is {@code from}.
     */
    @Transactional(readOnly = true)
    public Optional<ExchangeRate> latest(WorkspaceId workspace, Currency from, Currency to, LocalDate day) {
        return rates.latest(workspace, from.getCurrencyCode(), to.getCurrencyCode(), day);
    }

    /**
     * Conversions into {@code currency} at the rates {@link #latest} finds, each currency and day looked up once,
     * for reports that convert many amounts (the US 1099 report sums payouts in USD).
     */
    public CurrencyConversion into(Currency currency) {
        WorkspaceId workspace = currentWorkspace.id();
        return new CurrencyConversion(currency, (from, day) -> latest(workspace, from, currency, day));
    }

    @Transactional
    public ExchangeRate enter(String base, String quote, String effectiveOn, String rate) {
        ExchangeRate checked = check("", base, quote, effectiveOn, rate);
        save(List.of(checked));
        return checked;
    }

    /** Imports every row or none: a file with a bad row names each one and changes nothing. */
    @Transactional
    public int importCsv(Reader csv) {
        List<ExchangeRate> found = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        try {
            int row = 1;
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .get()
                    .parse(csv)) {
                row++;
                try {
                    found.add(check(
                            "row " + row + ".",
                            r.isMapped("base") ? r.get("base") : null,
                            r.isMapped("quote") ? r.get("quote") : null,
                            r.isMapped("effective_on") ? r.get("effective_on") : null,
                            r.isMapped("rate") ? r.get("rate") : null));
                } catch (InvalidInputException e) {
                    problems.addAll(e.problems());
                }
            }
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new InvalidInputException("file", "Upload a CSV with the columns base,quote,effective_on,rate");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (found.isEmpty()) {
            throw new InvalidInputException("file", "The file has no rates: columns base,quote,effective_on,rate");
        }
        save(found);
        return found.size();
    }

    private void save(List<ExchangeRate> found) {
        WorkspaceId workspace = currentWorkspace.id();
        Instant now = clock.instant();
        rates.upsert(workspace, found);
        audit.record("commissions.exchange-rates", "exchange-rate", null, null, found);
        commissions.priceWaiting(workspace, now);
    }

    private ExchangeRate check(String prefix, String base, String quote, String effectiveOn, String rate) {
        List<FieldProblem> problems = new ArrayList<>();
        Currency from = currency(prefix + "base", base, problems);
        Currency to = currency(prefix + "quote", quote, problems);
        if (from != null && from.equals(to)) {
            problems.add(new FieldProblem(prefix + "quote", "Choose a currency other than the base"));
        }
        LocalDate on = null;
        try {
            on = LocalDate.parse(effectiveOn == null ? "" : effectiveOn.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(prefix + "effectiveOn", "Enter a date as YYYY-MM-DD"));
        }
        BigDecimal value = null;
        try {
            value = Money.parseAmount(rate, prefix + "rate");
            if (value.signum() <= 0) {
                problems.add(new FieldProblem(prefix + "rate", "A rate is above zero"));
            } else if (value.scale() > 10) {
                problems.add(new FieldProblem(prefix + "rate", "Use at most ten decimals"));
            }
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ExchangeRate(
                from.getCurrencyCode(),
                to.getCurrencyCode(),
                on,
                value,
                currentWorkspace.actor().name(),
                clock.instant());
    }

    private static Currency currency(String field, String code, List<FieldProblem> problems) {
        try {
            return Money.currency(code, field);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
