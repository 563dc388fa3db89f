package dev.canopy.commissions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** 1 {@code base} = {@code rate} {@code quote}, from {@code effectiveOn} until a later rate. */
public record ExchangeRate(
        String base, String quote, LocalDate effectiveOn, BigDecimal rate, String enteredBy, Instant enteredAt) {}
