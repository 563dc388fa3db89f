package dev.canopy.tracking.internal;

import dev.canopy.shared.CountryCode;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.tracking.ConversionKind;
import dev.canopy.tracking.EventSource;
import dev.canopy.tracking.IncomingEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A lead, sale or refund as the events API, the snippet and the demo data give it. Amounts and times arrive as text so that each bad
 * one is reported against its own field.
 */
public record EventInput(
        String id,
        @Nullable String customerExternalId,
        @Nullable String email,
        @Nullable String name,
        @Nullable String country,
        @Nullable String clickId,
        @Nullable String partnerRef,
        @Nullable String couponCode,
        @Nullable String invoiceId,
        @Nullable String amount,
        @Nullable String currency,
        @Nullable String product,
        @Nullable Boolean recurring,

        @Schema(format = "date-time", description = "When it happened, if not now (ISO 8601, with an offset)") @Nullable
        String occurredAt) {

    private static final int MAX = 200;

    /** The checked event, or every problem at once. */
    public IncomingEvent toEvent(EventSource source, ConversionKind kind, String payload, Clock clock) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        String eventId = text("id", id, true, problems);
        String customer = text("customerExternalId", customerExternalId, false, problems);
        String mail = null;
        if (email != null && !email.isBlank()) {
            try {
                mail = new EmailAddress(email).value();
            } catch (InvalidInputException e) {
                problems.add(new InvalidInputException.FieldProblem(
                        "email", e.problems().getFirst().message()));
            }
        }
        if (kind != ConversionKind.REFUND && customer == null && mail == null) {
            problems.add(new InvalidInputException.FieldProblem(
                    "customerExternalId", "Name the customer by its id in your system, its email, or both"));
        }
        String invoice = text("invoiceId", invoiceId, kind != ConversionKind.LEAD, problems);
        Money money = null;
        if (kind != ConversionKind.LEAD) {
            money = money(kind, problems);
        }
        Instant at = instant(clock, problems);
        String click = text("clickId", clickId, false, problems);
        String ref = text("partnerRef", partnerRef, false, problems);
        String coupon = text("couponCode", couponCode, false, problems);
        String productName = text("product", product, false, problems);
        String customerName = text("name", name, false, problems);
        String countryCode = null;
        if (country != null && !country.isBlank()) {
            try {
                countryCode = new CountryCode(country).value();
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new IncomingEvent(
                source,
                eventId,
                kind,
                kind.name().toLowerCase(java.util.Locale.ROOT),
                customer,
                mail,
                customerName,
                countryCode,
                click,
                ref,
                coupon,
                invoice,
                kind == ConversionKind.REFUND ? eventId : null,
                false,
                money,
                productName,
                Boolean.TRUE.equals(recurring),
                at,
                payload);
    }

    private Money money(ConversionKind kind, List<InvalidInputException.FieldProblem> problems) {
        BigDecimal value = null;
        java.util.Currency code = null;
        try {
            code = Money.currency(currency, "currency");
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        try {
            value = code == null
                    ? Money.parseAmount(amount, "amount")
                    : Money.parse(amount, code, "amount").amount();
            if (value.signum() < 0 || kind == ConversionKind.REFUND && value.signum() == 0) {
                problems.add(new InvalidInputException.FieldProblem(
                        "amount",
                        kind == ConversionKind.REFUND
                                ? "A refund is more than zero: send the amount given back"
                                : "An amount is zero or more; send refunds to /api/v1/events/refund"));
                value = null;
            }
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        return value == null || code == null ? null : new Money(value, code);
    }

    private Instant instant(Clock clock, List<InvalidInputException.FieldProblem> problems) {
        Instant now = clock.instant();
        if (occurredAt == null || occurredAt.isBlank()) {
            return now;
        }
        try {
            Instant at = Instant.parse(occurredAt.strip());
            EventTimes.problem(at, now)
                    .ifPresent(p -> problems.add(new InvalidInputException.FieldProblem("occurredAt", p)));
            return at;
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInputException.FieldProblem(
                    "occurredAt", "Use an ISO 8601 time in UTC, like 2026-11-21T09:30:00Z"));
            return now;
        }
    }

    private static String text(
            String field, String value, boolean required, List<InvalidInputException.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new InvalidInputException.FieldProblem(field, "Required"));
            }
            return null;
        }
        if (value.strip().length() > MAX) {
            problems.add(new InvalidInputException.FieldProblem(field, "Use at most " + MAX + " characters"));
            return null;
        }
        return value.strip();
    }
}
